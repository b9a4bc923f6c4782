# syntax=docker/dockerfile:1
# Flow Forecaster: one image for every role. The command picks the role:
#   web (default)  npm start          HTTP API + web app on $PORT (8080)
#   worker         npm run worker     BullMQ worker (needs REDIS_URL)
#   migrate        npm run migrate    applies migrations and exits (release step)
# Node runs the TypeScript sources through tsx (no compile step), so the runtime image carries
# sources plus production dependencies; only the web app is built, in its own stage.

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
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- build the web app (needs the dev tool chain: Vite, TypeScript) --------------------------
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
COPY --chown=node:node packages ./packages
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
