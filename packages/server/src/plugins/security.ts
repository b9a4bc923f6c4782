import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { isApiUrl } from './auth';

/**
 * The address rate limits and login throttling key on: the socket's, or what the configured
 * proxies say (TRUST_PROXY). Fly's proxy overwrites Fly-Client-IP on every request, so on Fly
 * it is the one header a client cannot choose.
 */
export function clientAddress(request: FastifyRequest): string {
  if (request.server.config.trustProxy === 'fly') {
    const fly = request.headers['fly-client-ip'];
    if (typeof fly === 'string' && fly.trim() !== '') return fly.trim();
  }
  return request.ip;
}

/** Per logged-in user when there is one; per address only for anonymous callers. */
export function rateLimitKey(request: FastifyRequest): string {
  return request.user ? `u:${request.user.id}` : `ip:${clientAddress(request)}`;
}

/**
 * Login, forgot and reset are keyed by address and the account they target, so guessing one
 * account's password is slow while a classroom behind one address can still all log in.
 */
export function authRateLimitKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `auth:${clientAddress(request)}:${email}`;
}

async function securityPlugin(app: FastifyInstance, opts: { config: Config }): Promise<void> {
  await app.register(helmet, {
    // The SPA loads its own hashed scripts, inline styles from React and data: images.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(rateLimit, {
    global: true,
    max: opts.config.rateLimit.max,
    timeWindow: opts.config.rateLimit.windowSeconds * 1000,
    // After the auth hook has run (and for auth routes after the body is parsed, see their
    // route config), so the key can be the user or the targeted email; before validation, so
    // invalid requests count too.
    hook: 'preValidation',
    keyGenerator: rateLimitKey,
    // Only the API (and /mcp, the same forecasts) is limited; static files, docs, health and
    // metrics are not — including the job system's health, which monitors poll from one address.
    allowList: (request) =>
      !isApiUrl(request.url) || request.url.split('?')[0] === '/api/async/health',
  });
}

export default fp(securityPlugin, { name: 'ff-security', dependencies: ['ff-auth'] });
