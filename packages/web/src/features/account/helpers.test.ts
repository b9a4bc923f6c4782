import { afterEach, describe, expect, it } from 'vitest';
import { importBody, importedCount } from './forecasts/ImportExport';
import { safeNext } from './nav';
import { clearPending, inputWithSeed, readPending, storePending } from './pending';
import { byCreated, inputDifferences, showValue, summaryOf } from './summary';

afterEach(() => sessionStorage.clear());

describe('the pending forecast', () => {
  it('survives in sessionStorage with the seed the browser used', () => {
    storePending('simulate', { tpSamples: [1, 2], numberOfTasks: 5 }, { seed: 99, x: 1 });
    const p = readPending();
    expect(p).toMatchObject({
      kind: 'simulate',
      input: { tpSamples: [1, 2], numberOfTasks: 5, seed: 99 },
      result: { seed: 99, x: 1 },
    });
    clearPending();
    expect(readPending()).toBeNull();
  });

  it('keeps a seed the user typed over the result’s', () => {
    expect(inputWithSeed({ seed: 7 }, { seed: 99 })).toEqual({ seed: 7 });
    expect(inputWithSeed({}, { noSeed: true })).toEqual({});
  });

  it('drops a huge result but keeps the input', () => {
    const big = { resultsTable: Array.from({ length: 60_000 }, (_, i) => i) };
    storePending('simulate', { numberOfTasks: 3 }, { ...big, seed: 5 });
    const p = readPending();
    expect(p?.result).toBeUndefined();
    expect(p?.input).toEqual({ numberOfTasks: 3, seed: 5 });
  });

  it('ignores and removes a damaged entry', () => {
    sessionStorage.setItem('ff.pendingForecast', '{"kind": 3');
    expect(readPending()).toBeNull();
    expect(sessionStorage.getItem('ff.pendingForecast')).toBeNull();
  });
});

describe('where login may lead', () => {
  it.each([
    ['/save', '/save'],
    [
      '/project?id=0b7c1d4e-1111-4222-8333-444455556666',
      '/project?id=0b7c1d4e-1111-4222-8333-444455556666',
    ],
    ['https://evil.example/', null],
    ['//evil.example', null],
    ['/x"onload', null],
    [null, null],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('saved forecast summaries', () => {
  it('prefers the server’s columns and falls back to percentile_stats', () => {
    expect(summaryOf({ p50Weeks: 4, p85Weeks: 6, p95Weeks: 7 })).toEqual({
      p50: 4,
      p85: 6,
      p95: 7,
    });
    expect(summaryOf({ result: { percentile_stats: { p50: 3, p85: 5, p95: 8 } } })).toEqual({
      p50: 3,
      p85: 5,
      p95: 8,
    });
    expect(summaryOf({ p85Weeks: null })).toEqual({ p50: null, p85: null, p95: null });
  });

  it('lists only the inputs that differ, in key order', () => {
    expect(
      inputDifferences(
        { numberOfTasks: 30, tpSamples: [1, 2], seed: 1 },
        { numberOfTasks: 60, tpSamples: [1, 2], seed: 1, teamFocus: 0.5 },
      ),
    ).toEqual([
      { key: 'numberOfTasks', a: 30, b: 60 },
      { key: 'teamFocus', a: undefined, b: 0.5 },
    ]);
  });

  it('orders by creation time and shortens long values', () => {
    const rows = [{ createdAt: '2026-02-01T00:00:00Z' }, { createdAt: '2026-01-01T00:00:00Z' }];
    expect(byCreated(rows).map((r) => r.createdAt.slice(0, 7))).toEqual(['2026-01', '2026-02']);
    expect(
      showValue(
        Array.from({ length: 100 }, () => 5),
        20,
      ),
    ).toHaveLength(20);
    expect(showValue(undefined)).toBe('—');
  });
});

describe('import files', () => {
  it('accepts an export document or a bare list, nothing else', () => {
    expect(importBody({ format: 'flow-forecaster/forecasts', forecasts: [1] })).toEqual({
      format: 'flow-forecaster/forecasts',
      forecasts: [1],
    });
    expect(importBody([{ kind: 'simulate' }])).toEqual({ forecasts: [{ kind: 'simulate' }] });
    expect(importBody({ hello: 1 })).toBeNull();
    expect(importBody('text')).toBeNull();
    expect(importedCount({ count: 3, items: [] })).toBe(3);
    expect(importedCount({ items: [1, 2] })).toBe(2);
    expect(importedCount(null)).toBeNull();
  });
});
