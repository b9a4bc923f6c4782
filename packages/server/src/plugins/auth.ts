import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from '../errors';
import { canUse } from '../repositories/users';
import type { UserRow } from '../repositories/users';
import type { UserRole } from '../db/schema';
import { safeEqual } from '../auth/tokens';
import { clientAddress } from './security';
import type { TokenScope } from '@flow-forecaster/schemas';

export const SESSION_COOKIE = 'ff_session';

/** The caller as routes see it. */
export interface AuthUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  instructorId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in caller, or null for anonymous requests. */
    user: AuthUser | null;
    /** How the caller authenticated: cookie-authenticated writes need the CSRF header. */
    authVia: 'cookie' | 'token' | null;
    /** With a bearer token: what it may do. */
    tokenScopes: TokenScope[] | null;
    /** A valid session cookie came with an unsafe method but without its CSRF token. */
    csrfFailed: boolean;
    /** The session's CSRF token, for cookie-authenticated requests (GET /api/auth/me). */
    csrfToken: string | null;
  }
  interface FastifyInstance {
    /** preValidation hook: 401 (or 403 for a missing CSRF token) unless a user is logged in. */
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preValidation hook: lets anonymous callers through; `request.user` is set when logged in. */
    optionalUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preValidation hook factory: 403 unless the logged-in user has one of the roles. */
    requireRole: (
      ...roles: UserRole[]
    ) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Whether to mark cookies Secure for this request. */
    secureCookies: (request: FastifyRequest) => boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The URLs callers authenticate and are rate-limited on: the API, and the MCP endpoint that
 * offers the same forecasts to AI assistants.
 */
export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/') || url === '/mcp' || url.startsWith('/mcp?');
}

export function toAuthUser(u: UserRow): AuthUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, instructorId: u.instructorId };
}

async function authPlugin(app: FastifyInstance, opts: { config: Config }): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('tokenScopes', null);
  app.decorateRequest('csrfFailed', false);
  app.decorateRequest('csrfToken', null);

  app.decorate('secureCookies', (request: FastifyRequest) =>
    opts.config.cookieSecure === 'auto' ? request.protocol === 'https' : opts.config.cookieSecure,
  );

  // Wrong bearer tokens per address. They are looked up before the rate limiter runs (its key is
  // the user), so without this count every guess would cost a database query, unlimited.
  const badTokens = new Map<string, { count: number; resetAt: number }>();
  const badTokenMax = opts.config.rateLimit.max;
  const windowMs = opts.config.rateLimit.windowSeconds * 1000;
  const badTokenEntry = (address: string, now: number) => {
    let entry = badTokens.get(address);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      badTokens.delete(address);
      badTokens.set(address, entry);
      // Oldest first: a flood of addresses forgets the quiet ones, never grows without bound.
      if (badTokens.size > 10_000) badTokens.delete(badTokens.keys().next().value!);
    }
    return entry;
  };

  // Resolved once per API request, before rate limiting, so limits can be per user: a
  // classroom behind one address must not share one bucket.
  app.addHook('onRequest', async (request) => {
    if (!isApiUrl(request.url)) return;
    const header = request.headers.authorization;
    if (typeof header === 'string' && /^bearer\s/i.test(header)) {
      const token = header.slice(7).trim();
      const address = clientAddress(request);
      const entry = badTokenEntry(address, Date.now());
      if (entry.count >= badTokenMax) {
        throw new AppError('FF_ERR_RATE_LIMITED', 'Too many wrong API tokens; try again shortly');
      }
      const found = token ? await app.repos.apiTokens.find(token) : undefined;
      // A script with a wrong token should hear so, not silently run as anonymous.
      if (!found) {
        entry.count++;
        throw new AppError('FF_ERR_UNAUTHORIZED', 'The API token is not valid');
      }
      const { user } = found;
      request.tokenScopes = found.scopes;
      if (!canUse(user)) throw new AppError('FF_ERR_ACCOUNT_INACTIVE');
      request.user = toAuthUser(user);
      request.authVia = 'token';
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await app.repos.sessions.find(token);
    if (!session || !canUse(session.user)) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        request.csrfFailed = true;
        return;
      }
    }
    request.user = toAuthUser(session.user);
    request.authVia = 'cookie';
    request.csrfToken = session.csrfToken;
  });

  // What a token may do depends on what the request does: reading, running forecasts (and
  // following or cancelling their tasks), or changing saved data.
  let forecastRoutes: Set<string> | undefined;
  const requiredScope = (request: FastifyRequest): TokenScope => {
    if (SAFE_METHODS.has(request.method)) return 'read';
    forecastRoutes ??= new Set([
      ...app.forecastRegistry.kinds.flatMap((row) => row.paths as readonly string[]),
      ...app.forecastRegistry.asyncNames.map((name) => `/api/async/${name}`),
      '/api/async/:kind',
      '/api/tasks/:id',
      '/api/encode',
      '/api/decode',
    ]);
    return forecastRoutes.has(request.routeOptions.url ?? '') ? 'forecast' : 'write';
  };
  // Before validation: a token without the scope hears 403, whatever its body.
  app.addHook('preValidation', async (request) => {
    if (request.authVia !== 'token' || !request.tokenScopes) return;
    const needed = requiredScope(request);
    // MCP tools only run forecasts and read their documentation: a read or forecast token will do.
    const accepted: readonly TokenScope[] =
      request.routeOptions.url === '/mcp' ? ['read', 'forecast'] : [needed];
    if (!accepted.some((scope) => request.tokenScopes?.includes(scope))) {
      throw new AppError(
        'FF_ERR_FORBIDDEN',
        `This API token may not ${needed === 'read' ? 'read' : needed === 'forecast' ? 'run forecasts' : 'change saved data'}: it needs the "${needed}" scope`,
      );
    }
  });

  app.decorate('requireUser', async (request: FastifyRequest) => {
    if (request.user) return;
    if (request.csrfFailed) throw new AppError('FF_ERR_CSRF');
    throw new AppError('FF_ERR_UNAUTHORIZED');
  });
  app.decorate('optionalUser', async () => {});
  app.decorate('requireRole', (...roles: UserRole[]) => async (request: FastifyRequest) => {
    if (!request.user) {
      if (request.csrfFailed) throw new AppError('FF_ERR_CSRF');
      throw new AppError('FF_ERR_UNAUTHORIZED');
    }
    if (!roles.includes(request.user.role)) throw new AppError('FF_ERR_FORBIDDEN');
  });
}

export default fp(authPlugin, { name: 'ff-auth', dependencies: ['ff-db'] });
