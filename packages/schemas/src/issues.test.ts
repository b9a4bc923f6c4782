import { describe, expect, it } from 'vitest';
import type { IssueCode, IssueParams } from './issues';
import { ISSUE_CODES, englishMessage } from './issues';
import { parseBody } from './parse';
import { howManySchema } from './when';

// Typed as a full record: a new code without an example here fails the typecheck.
const EXAMPLES: Record<IssueCode, IssueParams> = {
  required: { aliases: ['backlog'] },
  wrong_type: { expected: 'number', received: 'text' },
  not_integer: {},
  too_small: { minimum: 100, inclusive: true },
  too_big: { maximum: 1_000_000, inclusive: true },
  too_few_items: { minimum: 1 },
  too_many_items: { maximum: 10_000 },
  too_long: { maximum: 200 },
  invalid_option: { options: ['sum', 'max'] },
  invalid_date: { value: '31/02/2025', formats: ['YYYY-MM-DD', 'DD/MM/YYYY'] },
  invalid_format: { format: 'email' },
  all_zero: {},
  must_exceed: { other: 'optimistic' },
  must_not_exceed: { other: 'maxContributors' },
  must_be_between: { low: 'lowImpact', high: 'highImpact' },
  must_follow: { other: 'startDate' },
  must_not_precede: { other: 'startDate' },
  alias_conflict: { other: 'numberOfSimulations' },
  length_mismatch: { other: 'forecasts' },
  needs_one_of: { fields: ['days', 'startDate and endDate'] },
  not_both: { other: 'days' },
  not_enough_history: { minimum: 6, reason: 'minTrainSize + testSize' },
  invalid: { reason: 'it is odd' },
};

describe('English messages', () => {
  it.each(ISSUE_CODES)('%s is a sentence naming the field with its params', (code) => {
    const message = englishMessage('some.field', code, EXAMPLES[code]);
    expect(message.startsWith('some.field ')).toBe(true);
    expect(message.endsWith('.')).toBe(true);
    expect(message).not.toMatch(/undefined|\[object|NaN/);
    for (const value of Object.values(EXAMPLES[code])) {
      if (typeof value === 'string' && code !== 'invalid_option') expect(message).toContain(value);
    }
  });

  it('formats limits for people', () => {
    expect(englishMessage('n', 'too_big', { maximum: 1_000_000, inclusive: true })).toBe(
      'n must be at most 1,000,000.',
    );
    expect(englishMessage('f', 'too_small', { minimum: 0, inclusive: false })).toBe(
      'f must be greater than 0.',
    );
    expect(englishMessage('', 'wrong_type', { expected: 'object', received: 'null' })).toBe(
      'The request body must be an object, not null.',
    );
  });
});

describe('how-many: the period given once', () => {
  it('refuses days together with an end date, naming endDate', () => {
    const r = parseBody(howManySchema, {
      tpSamples: [3, 4, 5],
      days: 30,
      startDate: '2026-01-05',
      endDate: '2026-03-02',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => [i.field, i.code])).toContainEqual(['endDate', 'not_both']);
  });
});
