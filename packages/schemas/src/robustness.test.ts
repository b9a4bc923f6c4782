import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as account from './account';
import { parseBody } from './parse';
import { parseRequest } from './requests';
import { REQUEST_KINDS } from './kinds';
import { T12, validBodies } from './test-bodies';

describe('bad values of each type', () => {
  const fieldOf = (body: unknown) => {
    const r = parseRequest('simulate', body);
    return r.ok ? 'ok' : r.error.field;
  };

  it('rejects NaN, Infinity, strings, null, objects and arrays where numbers belong', () => {
    for (const bad of [NaN, Infinity, -Infinity, '50', null, { n: 50 }, [50], true]) {
      expect(fieldOf({ tpSamples: T12, numberOfTasks: bad })).toBe('numberOfTasks');
      expect(fieldOf({ tpSamples: [5, bad], numberOfTasks: 5 })).toBe('tpSamples.1');
    }
    const r = parseRequest('simulate', { tpSamples: T12, numberOfTasks: NaN });
    expect(!r.ok && r.error.message).toBe('numberOfTasks must be a number, not NaN.');
  });

  it('rejects a string or object where a list belongs', () => {
    expect(fieldOf({ tpSamples: '5,6,7', numberOfTasks: 5 })).toBe('tpSamples');
    expect(fieldOf({ tpSamples: { 0: 5 }, numberOfTasks: 5 })).toBe('tpSamples');
    expect(fieldOf({ tpSamples: T12, numberOfTasks: 5, risks: {} })).toBe('risks');
  });

  it('rejects deep nesting where values belong without recursing into it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(fieldOf({ tpSamples: deep, numberOfTasks: 5 })).toBe('tpSamples.0');
    expect(fieldOf({ tpSamples: T12, numberOfTasks: 5, risks: [deep] })).toBe('risks.0');
    expect(fieldOf({ tpSamples: T12, numberOfTasks: 5, ignored: deep })).toBe('ok');
  });

  it('rejects a body that is not an object, without a field', () => {
    for (const body of [null, undefined, 42, 'text', [], [validBodies.simulate]]) {
      const r = parseRequest('simulate', body);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.field).toBeUndefined();
        expect(r.error.message).toMatch(/^The request body/);
      }
    }
  });

  it('does not throw on a hostile object', () => {
    const hostile = Object.defineProperty({}, 'tpSamples', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const r = parseRequest('simulate', hostile);
    expect(r.ok).toBe(false);
  });

  it('rejects an unknown kind', () => {
    const r = parseRequest('nope' as 'simulate', {});
    expect(!r.ok && r.error.field).toBe('kind');
  });
});

describe('any JSON value', () => {
  it('either parses or gives a structured error, never throws', () => {
    const kinds = fc.constantFrom(...REQUEST_KINDS);
    // Mix random JSON with valid bodies whose fields were replaced by random JSON, so the
    // property also reaches the cross-field rules and not only the "not an object" path.
    const mutated = fc
      .tuple(kinds, fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 3 }))
      .map(([kind, key, v]) => {
        const base = validBodies[kind];
        const keys = Object.keys(base);
        const k = keys[key.length % keys.length];
        return [kind, { ...base, [k]: v }] as const;
      });
    const random = fc.tuple(kinds, fc.jsonValue({ maxDepth: 4 }));
    fc.assert(
      fc.property(fc.oneof(mutated, random), ([kind, body]) => {
        const r = parseRequest(kind, body);
        if (r.ok) {
          expect(typeof r.value).toBe('object');
        } else {
          expect(r.error.code).toBe('FF_ERR_VALIDATION');
          expect(r.error.message.length).toBeGreaterThan(10);
          expect(r.error.message).not.toMatch(/undefined|\[object/);
          if (r.error.field !== undefined) expect(r.error.message).toContain(r.error.field);
          expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000, seed: 20251125 },
    );
  });

  it('never throws on the account bodies either', () => {
    const schemas = [
      account.registerSchema,
      account.loginSchema,
      account.forgotPasswordSchema,
      account.resetPasswordSchema,
      account.projectSchema,
      account.projectUpdateSchema,
      account.tokenSchema,
      account.forecastSaveSchema,
      account.forecastUpdateSchema,
      account.actualSchema,
    ];
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.jsonValue({ maxDepth: 4 }), (schema, body) => {
        const r = parseBody(schema, body);
        if (!r.ok) expect(r.error.code).toBe('FF_ERR_VALIDATION');
      }),
      { numRuns: 500, seed: 20251125 },
    );
  });

  it('is idempotent: a parsed value parses again to itself', () => {
    for (const kind of REQUEST_KINDS) {
      const first = parseRequest(kind, validBodies[kind]);
      expect(first.ok).toBe(true);
      if (!first.ok) continue;
      const second = parseRequest(kind, first.value);
      expect(second.ok && second.value).toEqual(first.value);
    }
  });
});
