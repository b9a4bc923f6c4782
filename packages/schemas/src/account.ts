/**
 * Bodies of the account and saved-work API. Strings are trimmed and bounded so a pasted novel
 * cannot reach the database, and passwords are bounded above too: the KDF is deliberately
 * expensive and must not be handed megabytes.
 */
import { z } from 'zod';
import { compact } from './aliases';
import { dateField } from './dates';
import { int, longText, num, report } from './fields';
import { FF_CODE, addInputIssues } from './issues';
import { REQUEST_KINDS } from './kinds';
import type { RequestKind } from './kinds';
import { LIMITS } from './limits';
import { storableString } from './storable';
import { parseRequest } from './requests';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((s) => s.toLowerCase());
// The most used passwords of at least 10 characters (public breach lists), in the languages the
// app speaks; a length rule alone lets every one of them through.
const COMMON_PASSWORDS = new Set([
  '0123456789',
  '1234567890',
  '0987654321',
  '9876543210',
  '12345678910',
  '123456789a',
  'a123456789',
  'abc1234567',
  'abcdefghij',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'qwertyuiop123',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'asdfghjkl1',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'passw0rd12',
  'password!!',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'changeme123',
  'administrator',
  'football12',
  'senha12345',
  'senha123456',
  'mudar12345',
  'contraseña1',
  'contrasena1',
  'contraseña123',
  '1234567890a',
]);

/** Why a new password of a valid length is refused, or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (password.trim() === '') return 'must not be only spaces';
  if (new Set(password).size === 1) return 'must not repeat a single character';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    return 'is one of the most common passwords; choose another';
  }
  return undefined;
}

const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((password, ctx) => {
    const reason = passwordProblem(password);
    if (reason)
      ctx.addIssue({ code: 'custom', message: reason, params: { [FF_CODE]: 'invalid', reason } });
  });
const anyPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const title = storableString().trim().min(1).max(LIMITS.text.short);
const id = z.guid();

export const registerSchema = z.object({
  email,
  password: newPassword,
  name: title.optional(),
});

export const loginSchema = z.object({ email, password: anyPassword });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  token: z.string().min(1).max(512),
  password: newPassword,
});

export const projectSchema = z.object({
  name: title,
  description: longText.optional(),
});

export const projectUpdateSchema = projectSchema.partial();

/**
 * What an API token may do: `read` (GET), `forecast` (run forecasts, sync and async, and follow
 * their tasks), `write` (create, change and delete saved data). Default: all three.
 */
export const TOKEN_SCOPES = ['read', 'forecast', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const tokenSchema = z.object({
  name: title,
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .min(1)
    .max(TOKEN_SCOPES.length)
    .transform((s) => TOKEN_SCOPES.filter((scope) => s.includes(scope)))
    .default([...TOKEN_SCOPES]),
});

/**
 * A saved forecast. `input` is validated (and normalised) as a request of `kind`, so what is
 * stored can always be re-run; its errors are reported under `input.` (`input.tpSamples`).
 */
export const forecastSaveSchema = z
  .object({
    projectId: id.nullable().optional(),
    kind: z.enum(REQUEST_KINDS),
    input: z.record(z.string(), z.unknown()),
    result: z.record(z.string(), z.unknown()).optional(),
    name: title.optional(),
  })
  .transform((v, ctx) => {
    const parsed = parseRequest(v.kind, v.input);
    if (!parsed.ok) {
      addInputIssues(ctx, parsed.issues);
      return z.NEVER;
    }
    return compact({
      projectId: v.projectId,
      kind: v.kind as RequestKind,
      input: parsed.value as Record<string, unknown>,
      result: v.result,
      name: v.name,
    });
  });

export const forecastUpdateSchema = z.object({
  name: title.optional(),
  projectId: id.nullable().optional(),
});

export const actualSchema = z
  .object({
    forecastId: id,
    actualWeeks: num(0, LIMITS.maxWeeks.max).optional(),
    actualItems: int(0, LIMITS.tasks.max).optional(),
    completedDate: dateField.optional(),
    notes: longText.optional(),
  })
  .transform((v, ctx) => {
    if (
      v.actualWeeks === undefined &&
      v.actualItems === undefined &&
      v.completedDate === undefined
    ) {
      report(ctx, ['actualWeeks'], 'needs_one_of', {
        fields: ['actualWeeks', 'actualItems', 'completedDate'],
      });
    }
    return compact(v);
  });

export type RegisterBody = z.output<typeof registerSchema>;
export type LoginBody = z.output<typeof loginSchema>;
export type ForgotPasswordBody = z.output<typeof forgotPasswordSchema>;
export type ResetPasswordBody = z.output<typeof resetPasswordSchema>;
export type ProjectBody = z.output<typeof projectSchema>;
export type ProjectUpdateBody = z.output<typeof projectUpdateSchema>;
export type TokenBody = z.output<typeof tokenSchema>;
export type ForecastSaveBody = z.output<typeof forecastSaveSchema>;
export type ForecastUpdateBody = z.output<typeof forecastUpdateSchema>;
export type ActualBody = z.output<typeof actualSchema>;
