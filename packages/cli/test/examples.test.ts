/**
 * Every command on its example, end to end through the real `ff` binary, checked against the
 * engine called in-process with the same (seeded) input, and against the spec's reference
 * figures where the spec gives them.
 */
import { describe, expect, it } from 'vitest';
import { parseForecast } from '@flow-forecaster/schemas';
import type { RequestKind } from '@flow-forecaster/schemas';
import { COMMAND_EXAMPLES, example, ff } from './helpers';

type Obj = Record<string, unknown>;

function engine(kind: RequestKind, body: unknown): Obj {
  // The registry's run of the kind: the same engine function the CLI calls, in-process.
  const parsed = parseForecast(kind, body);
  if (!parsed.ok) throw new Error(parsed.error.message);
  // A JSON round trip, as the CLI's output went through one.
  return JSON.parse(JSON.stringify(parsed.value.run())) as Obj;
}

// Several tests read the same command's output; spawn it once (each spawn costs ~1 s of CPU).
const runs = new Map<string, Promise<Awaited<ReturnType<typeof ff>>>>();

async function ffJson(args: string[]): Promise<Obj> {
  const key = args.join('\0');
  if (!runs.has(key)) runs.set(key, ff(args));
  const r = await runs.get(key)!;
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Obj;
}

const cases: [RequestKind, string][] = [
  ...COMMAND_EXAMPLES,
  ['simulate', 'three-point.json'],
  ['pbc', 'pbc.json'],
];

describe.concurrent('each command on its example', () => {
  it.each(cases)('ff %s --input examples/%s gives the engine result', async (kind, file) => {
    const out = await ffJson([kind, '--input', `examples/${file}`]);
    expect(out).toEqual(engine(kind, example(file)));
  });

  it('simulate: the team reference case gives P85 = 23 weeks and 86 person-weeks', async () => {
    const out = await ffJson(['simulate', '--input', 'examples/team.json']);
    expect((out.percentile_stats as Obj).p85).toBe(23);
    expect((out.effort as Obj).p85).toBe(86);
    expect((out.completionDates as Obj).p85).toBe('2026-03-11');
  });

  it('simulate: the three-point shape runs as an estimate of 60 items', async () => {
    const out = await ffJson(['simulate', '--input', 'examples/three-point.json']);
    expect((out.throughput as Obj).model).toBe('estimate');
    expect((out.totalTasks as Obj).p50).toBe(60);
  });

  it('deadline: the spec reference (tp 10×8, 20 items, 1 → 16 Oct 2025)', async () => {
    const out = await ffJson(['deadline', '--input', 'examples/deadline.json']);
    expect(out).toMatchObject({
      weeksToDeadline: 2.1,
      p50Weeks: 2,
      p85Weeks: 2,
      canMeet: true,
      projectedWorkP85: 20,
      scopeCompletionPct: 100,
      deadlineCompletionPct: 93,
      deadlineCompletionPctRaw: 93.3,
    });
    expect((out.completionDates as Obj).p85).toBe('2025-10-15');
  });

  it('how-many: 15 days of tp 10 is 3 weeks and 30 items', async () => {
    const out = await ffJson(['how-many', '--input', 'examples/how-many.json']);
    expect(out.weeks).toBe(3);
    expect((out.itemsAtConfidence as Obj)['85']).toBe(30);
  });

  it('cost: (3000, 5000, 10000) × 50 has mean ≈ 275k and P85 ≈ 283.7k (±1 %)', async () => {
    const out = await ffJson(['cost', '--input', 'examples/cost.json']);
    expect(Math.abs((out.mean as number) / 275_000 - 1)).toBeLessThan(0.01);
    const p85 = (out.percentile_stats as Obj).p85 as number;
    expect(Math.abs(p85 / 283_700 - 1)).toBeLessThan(0.01);
  });

  it('risks: the spec reference ranks A HIGH, C MEDIUM, B LOW', async () => {
    const out = await ffJson(['risks', '--input', 'examples/risks.json']);
    expect(out.totalExpectedImpact).toBe(6.8);
    expect(out.totalP85Impact).toBe(8.7);
    const byName = Object.fromEntries(
      (out.risks as Obj[]).map((r) => [String(r.description)[0], [r.expectedImpact, r.severity]]),
    );
    expect(byName).toEqual({ A: [3.7, 'HIGH'], B: [1.1, 'LOW'], C: [2, 'MEDIUM'] });
  });

  it('dependencies: two at 0.7 are all on time with 0.49, "1 in 2"', async () => {
    const out = await ffJson(['dependencies', '--input', 'examples/dependencies.json']);
    expect(out.onTimeProbability).toBeCloseTo(0.49, 12);
    expect(out.odds).toBe('1 in 2');
  });

  it('backtest: walk-forward folds per len(range(minTrain, n − test + 1, stride))', async () => {
    const out = await ffJson(['backtest', '--input', 'examples/backtest.json']);
    // 26 weeks, minTrainSize 8, testSize 1, stride 1 → range(8, 26) → 18 folds.
    expect(out.foldCount).toBe(18);
    expect((out.metrics as Obj[]).map((m) => m.confidence)).toEqual([50, 85, 95]);
    expect(((out.calibration as Obj).levels as Obj[]).map((l) => l.nominal)).toEqual([50, 85, 95]);
  });

  it('accuracy: the spec reference figures', async () => {
    const out = await ffJson(['accuracy', '--input', 'examples/accuracy.json']);
    expect(out).toMatchObject({ mae: 0.8, accuracyRate: 100 });
    expect(out.rmse).toBeCloseTo(0.84, 2);
    expect(out.mape).toBeCloseTo(7.2, 1);
    expect(out.bias).toBe('balanced');
    expect(out.quality).toBe('excellent');
  });

  it('--seed and --runs override the file, and the result matches the engine with them', async () => {
    const out = await ffJson(['when', '-i', 'examples/when.json', '--seed', '7', '--runs', '500']);
    expect(out.seed).toBe(7);
    expect(out.numberOfSimulations).toBe(500);
    const body = { ...example('when.json'), seed: 7, numberOfSimulations: 500 };
    expect(out).toEqual(engine('when', body));
    // --runs replaces an alias spelling in the file instead of conflicting with it.
    const cost = await ffJson(['cost', '-i', 'examples/cost.json', '--runs', '300']);
    expect(cost.nSimulations).toBe(300);
  });

  it('reads the request from stdin (piped, and with --input -)', async () => {
    const text = JSON.stringify(example('when.json'));
    const piped = await ff(['when'], { stdin: text });
    const dash = await ff(['when', '--input', '-'], { stdin: text });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(engine('when', example('when.json')));
    expect(dash.stdout).toBe(piped.stdout);
  });

  it('--format table prints a readable summary', async () => {
    const r = await ff(['simulate', '-i', 'examples/team.json', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/85% likely to finish within 23 weeks \(by 2026-03-11\)/);
    // The 95 % sampling interval of the percentile sits beside it (trust rules).
    expect(r.stdout).toMatch(/^P85\s+23\s+\d+(–\d+)?\s+2026-03-11\s+86$/m);
    // The items column is the same in every row: said once above the tables.
    expect(r.stdout).toMatch(/^items: 50 in every row$/m);
    expect(r.stdout).toMatch(/^\s+85\s+23\s+86$/m);
    expect(r.stdout).toMatch(/^seed:\s+12345$/m);
  });
});
