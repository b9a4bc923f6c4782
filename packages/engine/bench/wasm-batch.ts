/**
 * Issue 19 experiment: the team reference case's batches in WebAssembly (bench/wasm-batch.wat)
 * against `runSimulationBatch`, in one process, interleaved, CPU time, ratio = median of the
 * per-repeat ratios. It first requires the WebAssembly batches to equal the JavaScript ones bit
 * for bit. The .wat is assembled with wabt, which is not a dependency of this repository:
 *
 *   npm install --prefix /tmp/wabt wabt
 *   WABT=/tmp/wabt/node_modules/wabt/index.js npx tsx packages/engine/bench/wasm-batch.ts
 *
 * N (default 1,000,000) and REPS (default 15) change the case's size and the repeats. With
 * PROJECT_FORECASTER_JS set as for `npm run bench` (engine README), it also times
 * ProjectForecaster's `runMonteCarloSimulation` on the same case, interleaved with a whole
 * `simulate` whose batches are run in WebAssembly (whose result must equal `simulate`'s).
 */
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { loadavg } from 'node:os';
import { planSimulation } from '../src/simulation-plan';
import { runSimulationBatch, ITEMS_30_DAYS_WEEKS, type SimulationBatch } from '../src/simulate-run';
import { createRng } from '../src/prng';
import { segmentThresholds } from '../src/percent-complete';
import { addBatch, createAccumulator, resultFromAccumulator } from '../src/aggregate';
import { simulate } from '../src/simulate';
import { TEAM_INPUT } from '../test/team-case';

interface WabtModule {
  parseWat(
    name: string,
    text: string,
  ): { validate(): void; toBinary(o: object): { buffer: Uint8Array } };
}

/** A mutable i32 global of the module. */
interface I32Global {
  value: number;
}

interface BatchExports {
  mem: { buffer: ArrayBuffer };
  s0: I32Global;
  s1: I32Global;
  s2: I32Global;
  s3: I32Global;
  rows: I32Global;
  run(...args: number[]): number;
}

/** The part of the WebAssembly API this uses (the engine's TypeScript lib does not declare it). */
interface WasmApi {
  instantiate(bytes: Uint8Array): Promise<{ instance: { exports: object } }>;
}

const TEAM = {
  ...TEAM_INPUT,
  throughputModel: 'weibull' as const,
  seed: 12345,
  numberOfSimulations: Number(process.env.N ?? 1_000_000),
};

/** Byte offsets of the kernel's arrays; each region is larger than the team case needs. */
const AT = {
  pairs: 0,
  threshold: 1024,
  segFactor: 2048,
  segContributors: 3072,
  thresholds: 4096,
  trace: 8192,
  weeks: 16384,
  effort: 20480,
  finishedAt: 32768,
  items30: 40960,
  tasks: 45056,
  countsEnd: 49152,
  burnDown: 65536,
};

async function instantiate(): Promise<BatchExports | null> {
  const path = process.env.WABT;
  if (path === undefined) return null;
  const wabtModule = (await import(path)) as { default: () => Promise<WabtModule> };
  const wabt = await wabtModule.default();
  const text = readFileSync(new URL('./wasm-batch.wat', import.meta.url), 'utf8');
  const parsed = wabt.parseWat('wasm-batch.wat', text);
  parsed.validate();
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { instance } = await wasm.instantiate(parsed.toBinary({}).buffer);
  return instance.exports as unknown as BatchExports;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function cpuMs(f: () => void): number {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}

/** A count array without its trailing zeros, for comparing arrays of different lengths. */
function trimmed(a: ArrayLike<number>): string {
  const xs = Array.from(a);
  while (xs.length > 0 && xs[xs.length - 1] === 0) xs.pop();
  return xs.join(',');
}

async function main(): Promise<void> {
  const ex = await instantiate();
  if (ex === null) {
    console.log('skipped: set WABT to wabt.js (see the comment at the top of this file)');
    return;
  }
  const plan = planSimulation(TEAM);
  const f64 = new Float64Array(ex.mem.buffer);
  const i32 = new Int32Array(ex.mem.buffer);
  f64.set(plan.throughput.pairs, AT.pairs / 8);
  i32.set(plan.throughput.threshold, AT.threshold / 4);
  f64.set(plan.segments.factor, AT.segFactor / 8);
  i32.set(plan.segments.contributors, AT.segContributors / 4);
  const total = plan.backlogMin;
  f64.set(segmentThresholds(total, plan.segments.start), AT.thresholds / 8);
  const bins = plan.burnDownBins;
  const count = Math.ceil(plan.numberOfSimulations / plan.batchSize);

  const wasmBatch = (b: number): SimulationBatch => {
    const runs = Math.min(plan.batchSize, plan.numberOfSimulations - b * plan.batchSize);
    const rng = createRng(plan.seed, b);
    ex.s0.value = rng.s0;
    ex.s1.value = rng.s1;
    ex.s2.value = rng.s2;
    ex.s3.value = rng.s3;
    ex.rows.value = 0;
    i32.fill(0, AT.weeks / 4, AT.countsEnd / 4);
    i32.fill(0, AT.burnDown / 4, AT.burnDown / 4 + (plan.maxWeeks + 1) * bins);
    const unfinished = ex.run(
      ...[runs, total, total, plan.segments.start.length, plan.throughput.shift],
      ...[plan.throughput.lowMask, plan.maxWeeks, bins, ITEMS_30_DAYS_WEEKS],
      ...[AT.pairs, AT.threshold, AT.segFactor, AT.segContributors, AT.thresholds, AT.trace],
      ...[AT.weeks, AT.effort, AT.burnDown, AT.finishedAt, AT.items30, AT.tasks],
    );
    const rows = ex.rows.value;
    const copy = (at: number, n: number) => Uint32Array.from(i32.subarray(at / 4, at / 4 + n));
    return {
      batchIndex: b,
      runs,
      unfinished,
      leadTimes: new Float64Array(0),
      kept: null,
      weeks: copy(AT.weeks, 1024),
      tasks: copy(AT.tasks, 1024),
      effort: copy(AT.effort, 3000),
      burnDown: copy(AT.burnDown, rows * bins),
      burnDownRows: rows,
      finishedAt: copy(AT.finishedAt, 1024),
      itemsBy30Days: copy(AT.items30, 1024),
    };
  };

  const fields = ['weeks', 'tasks', 'effort', 'burnDown', 'finishedAt', 'itemsBy30Days'] as const;
  for (let b = 0; b < Math.min(count, 4); b++) {
    const js = runSimulationBatch(plan, b);
    const wa = wasmBatch(b);
    const same =
      js.unfinished === wa.unfinished &&
      js.burnDownRows === wa.burnDownRows &&
      fields.every((f) => trimmed(js[f]) === trimmed(wa[f]));
    if (!same) throw new Error(`batch ${b}: WebAssembly and JavaScript differ`);
  }
  console.log(`batches 0–${Math.min(count, 4) - 1}: WebAssembly = JavaScript, bit for bit`);

  // The whole forecast with WebAssembly batches: same accumulator and result as `simulate`.
  const wasmSimulate = () => {
    const acc = createAccumulator();
    for (let b = 0; b < count; b++) addBatch(acc, plan, wasmBatch(b));
    return resultFromAccumulator(plan, acc);
  };
  if (JSON.stringify(wasmSimulate()) !== JSON.stringify(simulate(TEAM))) {
    throw new Error('simulate with WebAssembly batches differs from simulate');
  }
  console.log('simulate with WebAssembly batches = simulate, whole result');

  const js = () => {
    for (let b = 0; b < count; b++) runSimulationBatch(plan, b);
  };
  const wa = () => {
    for (let b = 0; b < count; b++) wasmBatch(b);
  };
  const cases: [string, () => void, () => void][] = [['batches', js, wa]];
  const peerPath = process.env.PROJECT_FORECASTER_JS;
  if (peerPath !== undefined) {
    const code = readFileSync(peerPath, 'utf8');
    const peer = runInThisContext(`${code}\n;runMonteCarloSimulation`, {
      filename: peerPath,
    }) as (data: Record<string, unknown>) => unknown;
    const theirs = { ...TEAM, ltSamples: [], splitRateSamples: [], risks: [] };
    cases.push(['ProjectForecaster / simulate', () => peer(theirs), () => simulate(TEAM)]);
    cases.push([
      'ProjectForecaster / simulate with WebAssembly batches',
      () => peer(theirs),
      wasmSimulate,
    ]);
  }
  for (const [name, a, b] of cases) {
    for (let i = 0; i < 3; i++) {
      a();
      b();
    }
    const ratios: number[] = [];
    const ta: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < Number(process.env.REPS ?? 15); i++) {
      ta.push(cpuMs(a));
      tb.push(cpuMs(b));
      ratios.push(tb[i] / ta[i]);
    }
    const label = name === 'batches' ? 'JavaScript / WebAssembly batches' : name;
    console.log(
      `${label}, ${TEAM.numberOfSimulations.toLocaleString('en')} runs, load ${loadavg()[0].toFixed(1)}:` +
        ` ${median(ta).toFixed(1)} / ${median(tb).toFixed(1)} ms cpu; second/first` +
        ` ${median(ratios).toFixed(3)} (median of ${ratios.length} repeats:` +
        ` ${ratios.map((r) => r.toFixed(2)).join(' ')})`,
    );
  }
}

await main();
