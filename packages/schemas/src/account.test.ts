import { describe, expect, it } from 'vitest';
import {
  actualSchema,
  forecastSaveSchema,
  loginSchema,
  projectSchema,
  registerSchema,
  tokenSchema,
} from './account';
import { parseBody } from './parse';
import { T12 } from './test-bodies';

const ID = '0b6f1c52-8d0e-4c55-9a6b-3f2f6d1e7a10';

function errorField(schema: Parameters<typeof parseBody>[0], body: unknown) {
  const r = parseBody(schema, body);
  return r.ok ? 'ok' : (r.error.field ?? '');
}

describe('account bodies', () => {
  it('register: normalises the email and wants a 10-character password', () => {
    const r = parseBody(registerSchema, { email: ' Ana@Example.COM ', password: 'kite lemon 7' });
    expect(r.ok && r.value).toEqual({ email: 'ana@example.com', password: 'kite lemon 7' });
    expect(errorField(registerSchema, { email: 'ana@example.com', password: '012345678' })).toBe(
      'password',
    );
    expect(errorField(registerSchema, { email: 'not-an-email', password: '0123456789' })).toBe(
      'email',
    );
    const long = parseBody(registerSchema, { email: 'a@b.co', password: 'x'.repeat(257) });
    expect(!long.ok && long.error.field).toBe('password');
    const bad = parseBody(registerSchema, { email: 'x', password: '0123456789' });
    expect(!bad.ok && bad.error.message).toBe('email must be a valid email address.');
  });

  it('register: refuses short, blank, one-character and the commonest passwords, saying why', () => {
    for (const [password, reason] of [
      ['012345678', 'at least 10 characters long'],
      [' '.repeat(10), 'only spaces'],
      ['aaaaaaaaaaaa', 'single character'],
      ['QwertyUiop', 'most common'],
      ['1234567890', 'most common'],
    ]) {
      const r = parseBody(registerSchema, { email: 'ana@example.com', password });
      expect(!r.ok && r.error.field).toBe('password');
      expect(!r.ok && r.error.message).toContain(reason);
      expect(!r.ok && r.error.message).not.toMatch(/items/);
    }
  });

  it('login accepts any non-empty password (old accounts) but needs both fields', () => {
    expect(errorField(loginSchema, { email: 'a@b.co', password: 'short' })).toBe('ok');
    expect(errorField(loginSchema, { email: 'a@b.co' })).toBe('password');
  });

  it('project and token names are trimmed and must not be empty', () => {
    const r = parseBody(projectSchema, { name: '  Checkout  ', description: 'v2' });
    expect(r.ok && r.value).toEqual({ name: 'Checkout', description: 'v2' });
    expect(errorField(projectSchema, { name: '   ' })).toBe('name');
    expect(errorField(tokenSchema, { name: 'x'.repeat(201) })).toBe('name');
    expect(errorField(tokenSchema, { name: 'ci' })).toBe('ok');
  });

  it('forecast save validates and normalises the input as a request of its kind', () => {
    const r = parseBody(forecastSaveSchema, {
      projectId: ID,
      kind: 'simulate',
      input: { tpSamples: T12, backlog: 50, historical_team_size: 10, startDate: '01/10/2025' },
      result: { percentile_stats: { p85: 23 } },
    });
    expect(r.ok && r.value.input).toEqual({
      tpSamples: T12,
      numberOfTasks: 50,
      historicalTeamSize: 10,
      startDate: '2025-10-01',
    });
    expect(errorField(forecastSaveSchema, { kind: 'simulate', input: { tpSamples: [0] } })).toBe(
      'input.tpSamples',
    );
    expect(errorField(forecastSaveSchema, { kind: 'guess', input: {} })).toBe('kind');
    expect(errorField(forecastSaveSchema, { projectId: '7', kind: 'pbc', input: {} })).toBe(
      'projectId',
    );
  });

  it('actual needs a forecast id and at least one observed figure', () => {
    expect(errorField(actualSchema, { forecastId: ID, actualWeeks: 12.5 })).toBe('ok');
    expect(errorField(actualSchema, { forecastId: ID, completedDate: '31/12/2025' })).toBe('ok');
    expect(errorField(actualSchema, { forecastId: ID })).toBe('actualWeeks');
    expect(errorField(actualSchema, { forecastId: ID, actualItems: 2.5 })).toBe('actualItems');
    expect(errorField(actualSchema, { forecastId: ID, completedDate: '2025-02-30' })).toBe(
      'completedDate',
    );
  });
});
