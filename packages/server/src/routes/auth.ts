import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  forgotPasswordSchema,
  loginSchema,
  registerSchema,
  resetPasswordSchema,
} from '@flow-forecaster/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Config } from '../config';
import { AppError } from '../errors';
import { burnPasswordTime, hashPassword, verifyPassword } from '../auth/password';
import { EmailTakenError, canUse, publicUser } from '../repositories/users';
import { SESSION_COOKIE } from '../plugins/auth';
import { authRateLimitKey, clientAddress } from '../plugins/security';
import { accountKey, addressKey } from '../repositories/login-failures';
import type { FailurePolicy } from '../repositories/login-failures';

const tags = ['auth'];
const REGISTERED =
  'Signed up: log in with this email and password. (If the email already had an account, ' +
  'its owner got a message instead and the password is unchanged.)';
const MAX_LOCKOUT_MS = 15 * 60_000;
const ADDRESS_WINDOW_MS = 15 * 60_000;

/** The per-route request limits of the auth routes. */
function authLimits(config: Config) {
  const strict = {
    rateLimit: {
      max: config.rateLimit.authMax,
      timeWindow: config.rateLimit.windowSeconds * 1000,
      keyGenerator: authRateLimitKey,
    },
  };

  // Sign-ups are limited per address (new emails would dodge a per-account key), with room for
  // a classroom registering together.
  const signUp = {
    rateLimit: {
      max: config.rateLimit.authMax * 3,
      timeWindow: config.rateLimit.windowSeconds * 1000,
      keyGenerator: (request: FastifyRequest) => `register:${clientAddress(request)}`,
    },
  };

  // Login requests have their own per-address bucket of twice the API limit (it only bounds
  // password-hashing work; a classroom logging in together must fit): what limits guessing is
  // the failure count below.
  const loginRequests = {
    rateLimit: {
      max: config.rateLimit.max * 2,
      timeWindow: config.rateLimit.windowSeconds * 1000,
      keyGenerator: (request: FastifyRequest) => `login:${clientAddress(request)}`,
    },
  };
  return { strict, signUp, loginRequests };
}

/**
 * Login counts failures, not requests: the right password is never refused for having been
 * typed often, while guessing is slowed per account (a growing lockout, whether or not the
 * account exists) and per address across accounts (password spraying).
 */
function failurePolicies(config: Config): { account: FailurePolicy; address: FailurePolicy } {
  const lockoutMs = (config.rateLimit.lockoutSeconds ?? 30) * 1000;
  return {
    account: {
      threshold: config.rateLimit.authMax,
      windowMs: 24 * 3_600_000,
      lockoutMs: (over) => Math.min(lockoutMs * 2 ** Math.min(over, 20), MAX_LOCKOUT_MS),
    },
    address: {
      threshold: config.rateLimit.addressFailuresMax ?? config.rateLimit.authMax * 3,
      windowMs: ADDRESS_WINDOW_MS,
      // Locked for the rest of the window that saw the failures.
      lockoutMs: (_over, windowStart, now) =>
        windowStart.getTime() + ADDRESS_WINDOW_MS - now.getTime(),
    },
  };
}

/** Creates the account; an email already taken answers the same and mails its owner. */
async function register(
  app: FastifyInstance,
  config: Config,
  request: FastifyRequest,
  body: z.output<typeof registerSchema>,
) {
  const passwordHash = await hashPassword(body.password);
  try {
    await app.repos.users.create(
      { email: body.email, name: body.name, passwordHash },
      { firstUserAdmin: config.firstUserAdmin !== false },
    );
  } catch (err) {
    if (!(err instanceof EmailTakenError)) throw err;
    // The same answer as for a new email, so sign-up does not tell who has an account
    // (login and reset already do not); the owner of the address hears about it instead.
    const sending = app.mailer.send({
      to: body.email,
      subject: 'Someone tried to create a Flow Forecaster account with your email',
      text:
        `Someone tried to create a Flow Forecaster account with this email, which already ` +
        `has one. If it was you, log in, or reset your password at ` +
        `${config.appUrl}/#/forgot-password.\n\nIf it was not you, ignore this message.`,
    });
    sending.catch((mailErr: unknown) =>
      request.log.error({ err: mailErr }, 'sending the already-registered mail failed'),
    );
  }
}

/** Checks the password (unless the account or address is locked out) and opens a session. */
async function logIn(
  app: FastifyInstance,
  config: Config,
  policies: { account: FailurePolicy; address: FailurePolicy },
  request: FastifyRequest,
  reply: FastifyReply,
  body: z.output<typeof loginSchema>,
) {
  const keys = [accountKey(body.email), addressKey(clientAddress(request))];
  const lockedUntil = await app.repos.loginFailures.lockedUntil(keys);
  if (lockedUntil) {
    reply.header('retry-after', Math.ceil((lockedUntil.getTime() - Date.now()) / 1000));
    throw new AppError('FF_ERR_RATE_LIMITED', 'Too many failed logins; try again in a few minutes');
  }
  const fail = async (): Promise<never> => {
    await app.repos.loginFailures.recordFailure(keys[0], policies.account);
    await app.repos.loginFailures.recordFailure(keys[1], policies.address);
    throw new AppError('FF_ERR_BAD_CREDENTIALS');
  };
  const user = await app.repos.users.findByEmail(body.email);
  if (!user) {
    await burnPasswordTime(body.password);
    return fail();
  }
  if (!(await verifyPassword(user.passwordHash, body.password))) return fail();
  await app.repos.loginFailures.clear(keys[0]);
  // Checked after the password so the answer does not reveal which accounts exist.
  if (!canUse(user)) throw new AppError('FF_ERR_ACCOUNT_INACTIVE');
  const session = await app.repos.sessions.create(user.id, config.sessionTtl);
  setSessionCookie(app, request, reply, session.token, session.expiresAt);
  return { user: publicUser(user), csrfToken: session.csrfToken };
}

export default async function authRoutes(
  app: FastifyInstance,
  opts: { config: Config },
): Promise<void> {
  const { config } = opts;
  const { strict, signUp, loginRequests } = authLimits(config);
  const policies = failurePolicies(config);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/auth/register',
    { schema: { tags, body: registerSchema }, config: signUp },
    async (request, reply) => {
      await register(app, config, request, request.body);
      reply.code(201);
      return { ok: true, message: REGISTERED };
    },
  );

  api.post(
    '/api/auth/login',
    { schema: { tags, body: loginSchema }, config: loginRequests },
    async (request, reply) => {
      return logIn(app, config, policies, request, reply, request.body);
    },
  );

  app.post('/api/auth/logout', { schema: { tags } }, async (request, reply) => {
    if (request.csrfFailed) throw new AppError('FF_ERR_CSRF');
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.authVia === 'cookie') await app.repos.sessions.delete(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  // Sign out everywhere: every session and every API token of the account, for a lost laptop
  // or a leaked token whose name is not known.
  app.post('/api/auth/logout-everywhere', { schema: { tags } }, async (request, reply) => {
    if (request.csrfFailed) throw new AppError('FF_ERR_CSRF');
    if (!request.user) throw new AppError('FF_ERR_UNAUTHORIZED');
    await app.repos.sessions.deleteForUser(request.user.id);
    const tokens = await app.repos.apiTokens.deleteForUser(request.user.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true, tokensRevoked: tokens };
  });

  app.get('/api/auth/me', { schema: { tags } }, async (request) => {
    // Anonymous is an answer, not an error: the web app asks this on every load.
    if (!request.user) return { user: null, csrfToken: null };
    const user = await app.repos.users.findById(request.user.id);
    if (!user) return { user: null, csrfToken: null };
    return { user: publicUser(user), csrfToken: request.csrfToken };
  });

  api.post(
    '/api/auth/forgot-password',
    { schema: { tags, body: forgotPasswordSchema }, config: strict },
    async (request) => {
      const { body } = request;
      const user = await app.repos.users.findByEmail(body.email);
      if (user && canUse(user)) {
        const token = await app.repos.passwordResets.create(user.id);
        const link = `${config.appUrl}/#/reset-password?token=${encodeURIComponent(token)}`;
        const sending = app.mailer.send({
          to: user.email,
          subject: 'Reset your Flow Forecaster password',
          text:
            `Someone asked to reset the password of your Flow Forecaster account.\n\n` +
            `Open this link within 90 minutes to choose a new password:\n${link}\n\n` +
            `If it was not you, ignore this message; your password stays as it is.`,
        });
        // Not awaited: how long the mail server takes must not tell who has an account.
        sending.catch((err: unknown) =>
          request.log.error({ err }, 'sending the reset mail failed'),
        );
      }
      return {
        ok: true,
        message: 'If an account exists for this email, a reset link is on its way.',
      };
    },
  );

  api.post(
    '/api/auth/reset-password',
    { schema: { tags, body: resetPasswordSchema }, config: strict },
    async (request) => {
      const { body } = request;
      const userId = await app.repos.passwordResets.consume(body.token);
      if (!userId) throw new AppError('FF_ERR_INVALID_RESET_TOKEN', undefined, 'token');
      await app.repos.users.setPassword(userId, await hashPassword(body.password));
      // Whoever knew the old password is logged out everywhere, scripts included: a token
      // minted with a stolen password must not survive the reset.
      await app.repos.sessions.deleteForUser(userId);
      await app.repos.apiTokens.deleteForUser(userId);
      return { ok: true };
    },
  );
}

function setSessionCookie(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.secureCookies(request),
    path: '/',
    expires,
  });
}
