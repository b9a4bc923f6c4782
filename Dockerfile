# syntax=docker/dockerfile:1
# Flow Forecaster: one image for every role. The command picks the role:
#   web (default)  npm start          HTTP API + web app on $PORT (8080)
#   worker         npm run worker     BullMQ worker (needs REDIS_URL)
#   migrate        npm run migrate    applies migrations and exits (release step)
# The build stage compiles the server and the worker to JavaScript (packages/server/dist/bin,
# tsup) and builds the web app; the runtime image carries that output, the migrations and the
# production dependencies, no TypeScript sources and no compiler.

ARG NODE_IMAGE=node:20-slim

# ---- production dependencies only ------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/engine/package.json packages/engine/
COPY packages/schemas/package.json packages/schemas/
COPY packages/connectors/package.json packages/connectors/
COPY packages/cli/package.json packages/cli/
COPY packages/worker/package.json packages/worker/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
# tsx (and the esbuild it brings) is a runtime dependency of the CLI and of running from source,
# never of the compiled server: it leaves the image.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
 && rm -rf node_modules/tsx node_modules/esbuild node_modules/@esbuild node_modules/.bin/tsx node_modules/.bin/esbuild

# ---- build the web app and the server (needs the dev tool chain: Vite, tsup) ------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/engine/package.json packages/engine/
COPY packages/schemas/package.json packages/schemas/
COPY packages/connectors/package.json packages/connectors/
COPY packages/cli/package.json packages/cli/
COPY packages/worker/package.json packages/worker/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
RUN npm ci --no-audit --no-fund
COPY packages ./packages
RUN npm run build -w packages/web
RUN npm run build -w packages/server

# ---- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    WEB_DIST=/app/packages/web/dist
WORKDIR /app
COPY --from=deps --chown=node:node /app ./
COPY --chown=node:node package.json ./
COPY --chown=node:node scripts ./scripts
COPY --chown=node:node packages/server/package.json ./packages/server/
COPY --chown=node:node packages/server/drizzle ./packages/server/drizzle
COPY --from=build --chown=node:node /app/packages/server/dist ./packages/server/dist
COPY --from=build --chown=node:node /app/packages/web/dist ./packages/web/dist
# The embedded database lives in /data: mount a volume there (workshop image, single node).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
VOLUME ["/data"]
# Liveness only (process answers); readiness (/readyz) is for load balancers.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["npm", "start"]
