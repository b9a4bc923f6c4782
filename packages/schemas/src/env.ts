import { z } from 'zod';

/**
 * Environment-variable fields shared by the server's config (packages/server/src/config.ts)
 * and the BullMQ worker's (packages/worker/src/worker-config.ts): both processes read some of
 * the same variables (JOB_QUEUE_PREFIX, CONNECTION_KEY, ALLOW_PRIVATE_TRACKER_URLS …) and must
 * accept and refuse the same values. Environment variables are strings; these turn them into
 * typed values and reject nonsense at start rather than at the first job that needs them.
 */
export const envBool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

export const envInt = (fallback: number, min = 0) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        ctx.addIssue({ code: 'custom', message: `must be an integer ≥ ${min}` });
        return z.NEVER;
      }
      return n;
    });

/** A count or a number of seconds that may have a fraction (0.3 s in tests). */
export const envSeconds = (fallback: number, min = 0) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min) {
        ctx.addIssue({ code: 'custom', message: `must be a number ≥ ${min}` });
        return z.NEVER;
      }
      return n;
    });

/** An integer that has no fixed default (the code picks one, e.g. one thread per core). */
export const envOptionalInt = (min: number) =>
  envInt(-1, min).transform((n) => (n === -1 ? undefined : n));

export const envOptionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A variable a process cannot start without; `why` completes "REDIS_URL: is required …". */
export const envRequiredString = (why: string) =>
  envOptionalString.pipe(z.string({ error: `is required ${why}` }));

/** A process's environment: one field per variable, so its keys list what it reads. */
export const envObject = <S extends z.ZodRawShape>(shape: S) => z.object(shape);

/** Key prefix of the BullMQ queues in Redis; several installs can share one Redis. */
export const envQueuePrefix = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]*$/, 'letters, digits and - _ . : only')
  .optional()
  .transform((v) => (v === undefined || v === '' ? 'ff' : v));

/** The AES-256-GCM key tracker tokens are sealed with: 32 bytes in base64. */
export const envConnectionKey = envOptionalString
  .refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
    message: 'must be 32 bytes in base64 (openssl rand -base64 32)',
  })
  .transform((v) => (v === undefined ? undefined : Buffer.from(v, 'base64')));

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses `env` with `schema`, or throws one ConfigError listing every bad variable on its own
 * line (`  PORT: must be an integer ≥ 0`), so a start fails naming what to fix.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
