import { describe, expect, it } from 'vitest';
import { FORECAST_KINDS, runForecast as engineRun } from '@flow-forecaster/engine';
import type { SimulationResult } from '@flow-forecaster/engine';
import { z } from 'zod';
import {
  FORECAST_REGISTRY,
  createForecastRegistry,
  defineForecastKind,
  parseForecast,
  runForecast,
} from './registry';
import { simulateKind } from './kinds/simulate';

describe('FORECAST_REGISTRY', () => {
  it("has a row for every kind of the engine's dispatcher, and for the portfolio", () => {
    const rows = FORECAST_REGISTRY.kinds.map((r) => r.kind);
    expect(rows).toEqual(expect.arrayContaining([...FORECAST_KINDS, 'portfolio']));
  });

  it.each(FORECAST_REGISTRY.kinds.map((r) => [r.kind, r] as const))(
    '%s: the example is valid, and its parsed input parses to itself (jobs re-parse it)',
    (_kind, row) => {
      const first = row.parse(row.example);
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      const again = row.parse(JSON.parse(JSON.stringify(first.value.input)));
      expect(again.ok && again.value.input).toEqual(first.value.input);
      expect(Number.isFinite(first.value.workBound())).toBe(true);
    },
  );

  it('runs the same engine function as the engine entry point', () => {
    const body = {
      tpSamples: [5, 6, 7, 4, 8, 6],
      numberOfTasks: 50,
      seed: 7,
      numberOfSimulations: 500,
    };
    const parsed = parseForecast('simulate', body);
    if (!parsed.ok) throw new Error(parsed.error.message);
    // Typed: the input of `simulate` is the engine's SimulateInput.
    const tasks: number = parsed.value.input.numberOfTasks;
    expect(tasks).toBe(50);
    const result: SimulationResult = runForecast(parsed.value);
    expect(result).toEqual(engineRun('simulate', parsed.value.input));
    expect(parsed.value.summarise(result).p85Weeks).toBe(result.percentile_stats.p85);
  });

  it('names the field of a bad body, and `kind` for an unknown kind', () => {
    const bad = parseForecast('when', { tpSamples: [1, 2], backlog: -1 });
    expect(!bad.ok && bad.error.field).toBe('backlog');
    const unknown = parseForecast('nope', {});
    expect(!unknown.ok && unknown.error.field).toBe('kind');
  });

  it('fixes a seed for seeded kinds only when asked and none was given', () => {
    const seeded = FORECAST_REGISTRY.parse(
      'when',
      { tpSamples: [1, 2], backlog: 3 },
      { fixSeed: true },
    );
    expect(seeded.ok && typeof (seeded.value.input as { seed?: unknown }).seed).toBe('number');
    const kept = FORECAST_REGISTRY.parse(
      'when',
      { tpSamples: [1, 2], backlog: 3, seed: 5 },
      { fixSeed: true },
    );
    expect(kept.ok && (kept.value.input as { seed?: unknown }).seed).toBe(5);
  });

  it.each(FORECAST_REGISTRY.kinds.filter((r) => r.seeded).map((r) => [r.kind, r] as const))(
    '%s: without a seed, the seed is the hash of the validated input (same input, same numbers)',
    (_kind, row) => {
      const example = { ...(row.example as Record<string, unknown>), seed: undefined };
      const a = row.parse(example);
      const b = row.parse(JSON.parse(JSON.stringify(example)));
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      const seedA = (a.value.input as { seed?: unknown }).seed;
      expect(typeof seedA).toBe('number');
      expect((b.value.input as { seed?: unknown }).seed).toBe(seedA);
      // Re-parsing the seeded input (a queued job, a share link) keeps it.
      const again = row.parse(JSON.parse(JSON.stringify(a.value.input)));
      expect(again.ok && (again.value.input as { seed?: unknown }).seed).toBe(seedA);
    },
  );

  it('gives different inputs different seeds, and the same result on every run', () => {
    const seedOf = (body: object) => {
      const p = FORECAST_REGISTRY.parse('when', body);
      return p.ok ? (p.value.input as { seed?: number }).seed : undefined;
    };
    const body = { tpSamples: [3, 5, 4, 6, 5], backlog: 30 };
    expect(seedOf(body)).toBe(seedOf({ backlog: 30, tpSamples: [3, 5, 4, 6, 5] }));
    expect(seedOf(body)).not.toBe(seedOf({ ...body, backlog: 31 }));
    const run = () => {
      const p = FORECAST_REGISTRY.parse('when', body);
      return p.ok ? p.value.run() : null;
    };
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it('refuses two rows claiming the same path', () => {
    const twin = defineForecastKind({
      kind: 'twin',
      title: 'Twin',
      description: 'd',
      schema: z.object({ n: z.number() }),
      run: (input) => input.n,
      paths: ['/api/simulate'],
      cli: ['twin'],
      cliExample: 'ff twin',
      seeded: false,
      queueable: false,
      workBound: () => 1,
      summarise: () => ({
        headline: '',
        p50Weeks: null,
        p85Weeks: null,
        p95Weeks: null,
        canMeetDeadline: null,
        seed: null,
      }),
      example: { n: 1 },
    });
    expect(() => createForecastRegistry([simulateKind, twin])).toThrow(/\/api\/simulate/);
  });
});
