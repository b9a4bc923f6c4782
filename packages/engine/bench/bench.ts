/**
 * `npm run bench`: speed and memory of the simulation, on one core and on worker threads, next
 * to a plain reference implementation (bench/reference.ts). Not part of `npm test`.
 *
 * Workers run an esbuild bundle of bench/worker.ts, built here into a temp directory, because
 * worker threads cannot load TypeScript by themselves on Node 20.
 */
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext, runInThisContext } from 'node:vm';
import { buildSync } from 'esbuild';
import {
  chooseHistoryWindow,
  createThroughputSampler,
  exactWeeksPercentile,
  exactWeeksToFinish,
  forecastWhen,
  createBatchMerger,
  flowAnalysis,
  type FlowItemInput,
  planSimulation,
  runForecast,
  simulate,
  simulationBatchCount,
  type SimulateInput,
  type SimulationBatch,
  type SimulationPlan,
  type SimulationResult,
} from '../src/index';
import { referenceSimulate } from './reference';
import { portfolioSpeedCase } from './portfolio-case';
import { benchFlowItems } from './flow-items';
import { forecastPortfolio } from '../src/portfolio';
import { TEAM_INPUT } from '../test/team-case';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TEAM: SimulateInput = {
  ...TEAM_INPUT,
  throughputModel: 'weibull',
  seed: 12345,
};

/** A long tracker history: each run averages up to 3n split rates and 0.9n lead times. */
const LONG_HISTORY = {
  splitRateSamples: Array.from({ length: 2000 }, (_, i) => 1 + (i % 7) / 10),
  ltSamples: Array.from({ length: 2000 }, (_, i) => 3 + (i % 11)),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Timing {
  /** Median wall-clock milliseconds. */
  wall: number;
  /** Median CPU milliseconds of this process: steadier than wall time on a busy machine. */
  cpu: number;
}

function timeIt(repeats: number, f: () => unknown): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function fmt(t: Timing, digits = 0): string {
  return `${t.wall.toFixed(digits)} ms (cpu ${t.cpu.toFixed(digits)})`;
}

/**
 * Live heap of a run above what was live before it: the most seen at any `probe()` call (the
 * engine probes between batches) or at the end with the result still held, each after a full GC
 * so garbage does not count.
 */
function liveHeap(f: (probe: () => void) => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = 0;
  const probe = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  };
  const keep = f(probe);
  probe();
  void keep;
  return peak / 1e6;
}

/** Runs of each contender before timing, so every thread's JIT has settled. */
const WARM_UP_RUNS = 3;
/** Timed 1M-run repeats of each of main thread, 2-thread pool and 1-thread pool. */
const REPEATS_1M = 15;
/** About 130 ms of the register-only loop on this machine. */
const SPIN_STEPS = 300_000_000;

class WorkerPool {
  private workers: Worker[] = [];
  constructor(
    private readonly file: string,
    readonly size: number,
  ) {}

  async start(plan: SimulationPlan): Promise<void> {
    if (this.workers.length === 0) {
      this.workers = Array.from({ length: this.size }, () => new Worker(this.file));
    }
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('message', () => resolve());
            w.postMessage({ plan });
          }),
      ),
    );
  }

  /**
   * Each worker keeps two batch requests in flight, so it starts the next batch while its last
   * result is still crossing to the main thread (a strict request/response loop leaves the
   * worker idle for a message round trip per batch). Batches are merged in index order as they
   * arrive, as the product's forecast processor does, so little merging is left at the end.
   */
  async run(plan: SimulationPlan): Promise<SimulationResult> {
    const total = simulationBatchCount(plan);
    const merger = createBatchMerger(plan);
    let next = 0;
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            let inFlight = 0;
            const send = () => {
              if (next >= total) return;
              inFlight++;
              w.postMessage({ batchIndex: next++ });
            };
            const onMessage = (m: { batch: SimulationBatch }) => {
              inFlight--;
              send();
              merger.add(m.batch);
              if (inFlight === 0) {
                w.off('message', onMessage);
                resolve();
              }
            };
            w.on('message', onMessage);
            send();
            send();
            if (inFlight === 0) {
              w.off('message', onMessage);
              resolve();
            }
          }),
      ),
    );
    return merger.result();
  }

  /** Every worker runs `steps` of a register-only loop; resolves when all are done. */
  async spin(steps: number): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('message', () => resolve());
            w.postMessage({ spin: steps });
          }),
      ),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
}

/** Brazil's fixed-date national holidays, 2026–2036: about as many days off as the real list. */
const BR_LIKE_HOLIDAYS = Array.from({ length: 11 }, (_, i) => 2026 + i).flatMap((y) =>
  ['01-01', '04-21', '05-01', '09-07', '10-12', '11-02', '11-15', '11-20', '12-25'].map((md) => ({
    date: `${y}-${md}`,
    name: 'holiday',
  })),
);

/**
 * `when` and the team simulation at 1M runs without and with a calendar (issue 17: at most
 * 10 % more).
 * `BENCH_ONLY=calendar npm run bench` runs just this.
 */
/**
 * Throughput-only `when` by convolution against the Monte Carlo at 1,000,000 runs: the exact
 * distribution has no sampling error and its cost does not grow with runs, only with the
 * backlog and the weeks (exact-weeks.ts). The P85s should agree within the runs' interval.
 * `BENCH_ONLY=exact npm run bench` runs just this.
 */
function exactBench(add: (...cells: string[]) => void): void {
  const input = {
    tpSamples: TEAM.tpSamples,
    backlog: 300,
    numberOfSimulations: 1_000_000,
    seed: 1,
  };
  const table = createThroughputSampler(input).table;
  const mc = forecastWhen(input);
  const exact = exactWeeksToFinish(table, input.backlog);
  const tExact = timeIt(5, () => exactWeeksToFinish(table, input.backlog));
  const p85 = exact === null ? null : exactWeeksPercentile(exact, 0.85);
  add(
    'when, backlog 300, exact by convolution',
    'engine, 1 thread',
    fmt(tExact, 2),
    `P85 exact ${p85 ?? 'beyond'} vs 1,000,000 runs ${mc.percentile_stats.p85}`,
  );
}

function calendarBench(add: (...cells: string[]) => void): void {
  const base = {
    tpSamples: TEAM.tpSamples,
    backlog: 300,
    startDate: '2026-01-05',
    numberOfSimulations: 1_000_000,
    seed: 1,
  };
  const cases: [string, () => unknown][] = [
    ['when, backlog 300, 1,000,000 runs, no calendar', () => runForecast('when', base)],
    [
      'same, weekly model + BR-like holidays',
      () => runForecast('when', { ...base, calendar: { holidays: BR_LIKE_HOLIDAYS } }),
    ],
  ];
  const team = { ...TEAM, startDate: '2026-01-05', numberOfSimulations: 1_000_000 };
  const teamCases: [string, () => unknown][] = [
    ['team simulate, 1,000,000 runs, no calendar', () => simulate(team)],
    [
      'same, BR-like holidays (dates on working days)',
      () => simulate({ ...team, calendar: { holidays: BR_LIKE_HOLIDAYS } }),
    ],
  ];
  for (const group of [cases, teamCases]) {
    const [[plainName, plain], [calName, cal]] = group;
    plain();
    cal();
    // Interleaved pairs on a shared, loaded machine: load drifts alike over both halves of a
    // pair, so the median of the per-pair ratios is steadier than a ratio of two medians.
    const pairs = interleaved(group === teamCases ? 5 : 7, plain, cal);
    add(plainName, 'engine, 1 thread', fmt(pairs.a));
    add(calName, 'engine, 1 thread', fmt(pairs.b), `${pairs.extra.toFixed(1)} % cpu (≤ 10 %)`);
  }
}

/** `a` and `b` timed in alternation; `extra` = median over pairs of (cpu b / cpu a − 1) in %. */
function interleaved(
  repeats: number,
  a: () => unknown,
  b: () => unknown,
): { a: Timing; b: Timing; extra: number } {
  const ta: Timing[] = [];
  const tb: Timing[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const x = timeIt(1, a);
    const y = timeIt(1, b);
    ta.push(x);
    tb.push(y);
    ratios.push(y.cpu / x.cpu);
  }
  const mid = (ts: Timing[]): Timing => ({
    wall: median(ts.map((t) => t.wall)),
    cpu: median(ts.map((t) => t.cpu)),
  });
  return { a: mid(ta), b: mid(tb), extra: (median(ratios) - 1) * 100 };
}

/**
 * Issue 16's speed case: 50 features × 5 teams × 10,000 runs, with the CD3 suggestion (its
 * durations alone and the re-simulated order) and without. `BENCH_ONLY=portfolio` runs just this.
 * The browser's side (a reorder on the portfolio page to the redrawn result) is
 * `npm run bench:portfolio-browser` (packages/web/e2e/portfolio-bench.ts).
 */
function portfolioBench(add: (...cells: string[]) => void): void {
  const input = portfolioSpeedCase();
  for (let i = 0; i < 3; i++) forecastPortfolio(input);
  const onCalendar = { ...input, calendar: { holidays: BR_LIKE_HOLIDAYS } };
  forecastPortfolio(onCalendar);
  const pairs = interleaved(
    7,
    () => forecastPortfolio(input),
    () => forecastPortfolio(onCalendar),
  );
  add(
    'portfolio, 50 features × 5 teams × 10,000 runs',
    'forecastPortfolio, with CD3',
    fmt(pairs.a),
    'target ≤ 300 ms on one core',
  );
  add(
    '',
    'same, BR-like holidays (short weeks thinned)',
    fmt(pairs.b),
    `${pairs.extra.toFixed(1)} % cpu`,
  );
  add(
    '',
    'forecastPortfolio, suggestOrder false',
    fmt(timeIt(7, () => forecastPortfolio({ ...input, suggestOrder: false }))),
    'one pass, no CD3 suggestion (the page asks for it: its reruns are the row above)',
  );
}

/**
 * Issue 15's speed case: every flow view of 100,000 work items (spec/flow-metrics.md, "Speed
 * and size": ≤ 100 ms in Node, ≤ 200 ms in the browser's worker), and the history-window
 * choice on its own. `BENCH_ONLY=flow npm run bench` runs just this.
 */
function flowBench(add: (...cells: string[]) => void): void {
  const items = JSON.parse(JSON.stringify(benchFlowItems(100_000))) as FlowItemInput[];
  const cases: [string, string, () => unknown][] = [
    [
      'flow metrics, 100,000 items',
      'flowAnalysis, default window (12 weeks)',
      () => flowAnalysis({ items }),
    ],
    ['', 'flowAnalysis, window auto', () => flowAnalysis({ items, window: 'auto' })],
    ['', 'flowAnalysis, window all', () => flowAnalysis({ items, window: 'all' })],
  ];
  for (const [, , f] of cases) for (let i = 0; i < 3; i++) f();
  const notes = [
    'every view + the recommended window; target ≤ 100 ms',
    'the window the history calibrates best, one pass',
    'the worst case: ~90,000 scatter points',
  ];
  cases.forEach(([name, impl, f], i) => add(name, impl, fmt(timeIt(9, f)), notes[i]));
  const weekly = flowAnalysis({ items, window: 'all' }).throughput.weekly.map((w) => w.count);
  add(
    `history window, ${weekly.length} weeks`,
    'chooseHistoryWindow',
    fmt(timeIt(5, () => chooseHistoryWindow(weekly))),
    `~${Math.round(items.length / weekly.length)} items a week (part of the rows above)`,
  );
  // Ten years of weeks at the same ~480 items a week: a long history is the worst case of
  // the choice (its cost grows with weeks × distinct weekly counts, not with the items).
  const longWeekly = Array.from({ length: 520 }, (_, i) => weekly[i % weekly.length]);
  add(
    `history window, ${longWeekly.length} weeks`,
    'chooseHistoryWindow',
    fmt(timeIt(3, () => chooseHistoryWindow(longWeekly))),
    'the plain convolution took 135–270 ms on 207 weeks',
  );
}

/** Where `npm run bench` finds ProjectForecaster's monte_carlo.js (see the engine README). */
const PEER_ENV = 'PROJECT_FORECASTER_JS';
const PEER_REPEATS = 7;

type PeerSimulation = (data: Record<string, unknown>) => unknown;

/**
 * ProjectForecaster's `runMonteCarloSimulation`, loaded from a local checkout at bench time so its
 * code never enters this repository. Its file is a browser script of global functions, so it
 * runs in this context (same realm and JIT as the engine) and the last expression hands back the
 * function.
 */
function loadPeer(): PeerSimulation | null {
  const path = process.env[PEER_ENV];
  if (!path) return null;
  const code = readFileSync(path, 'utf8');
  return runInThisContext(`${code}\n;runMonteCarloSimulation`, {
    filename: path,
  }) as PeerSimulation;
}

/**
 * The team case beside ProjectForecaster in one process: same tpSamples, backlog, team and S-curve,
 * no lead times, split rates or risks (its loop has no Weibull fit; a draw is one bootstrap
 * sample, which costs the same as one of our alias-table draws). Interleaved repeats, CPU time,
 * ratio = median of the per-repeat ratios. `BENCH_ONLY=peer` runs just this.
 */
function peerBench(add: (...cells: string[]) => void): void {
  const peer = loadPeer();
  const note = `set ${PEER_ENV} to ProjectForecaster's monte_carlo.js (engine README)`;
  if (peer === null) {
    add('team reference vs ProjectForecaster', 'ProjectForecaster', 'skipped', note);
    return;
  }
  for (const n of [10_000, 100_000, 1_000_000]) {
    const ours = { ...TEAM, numberOfSimulations: n };
    const theirs = {
      ...TEAM,
      numberOfSimulations: n,
      ltSamples: [],
      splitRateSamples: [],
      risks: [],
    };
    const repeats = n >= 1_000_000 ? PEER_REPEATS : 3 * PEER_REPEATS;
    simulate(ours);
    peer(theirs);
    const engine: number[] = [];
    const other: number[] = [];
    for (let i = 0; i < repeats; i++) {
      engine.push(timeIt(1, () => simulate(ours)).cpu);
      other.push(timeIt(1, () => peer(theirs)).cpu);
    }
    const ratio = median(engine.map((e, i) => other[i] / e));
    add(
      `team reference vs ProjectForecaster, ${n.toLocaleString('en')} runs`,
      'engine / ProjectForecaster (cpu)',
      `${median(engine).toFixed(1)} / ${median(other).toFixed(0)} ms`,
      `engine ${ratio.toFixed(1)}× faster${n === 1_000_000 ? ' (target ≥ 14×)' : ''}, load ${loadavg()[0].toFixed(1)}`,
    );
  }
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'ff-bench-'));
  const workerFile = join(dir, 'worker.mjs');
  buildSync({
    entryPoints: [join(here, 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: workerFile,
    logLevel: 'warning',
  });

  const lines: string[][] = [];
  const add = (...cells: (string | number)[]) => lines.push(cells.map(String));
  const only = {
    calendar: calendarBench,
    portfolio: portfolioBench,
    peer: peerBench,
    flow: flowBench,
    exact: exactBench,
  }[process.env.BENCH_ONLY ?? ''];
  if (only !== undefined) {
    only(add);
    for (const l of lines) console.log(l.join('  '));
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const load = loadavg()[0];
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${load.toFixed(1)}; times are medians of repeats`,
  );
  if (load > cpus().length) {
    console.log(
      'warning: the machine is busy (load above the CPU count): wall times and the thread speed-up suffer, cpu times less so',
    );
  }

  // Warm the JIT so the first measured run is not the interpreter's.
  for (let i = 0; i < 20; i++) simulate({ ...TEAM, numberOfSimulations: 10_000, seed: i });

  const t10k = timeIt(21, () => simulate({ ...TEAM, numberOfSimulations: 10_000 }));
  const r10kRef = timeIt(5, () =>
    referenceSimulate({ ...(TEAM as Required<typeof TEAM>), numberOfSimulations: 10_000 }),
  );
  add(
    'team reference, 10,000 runs',
    'engine, 1 thread',
    fmt(t10k, 2),
    `target ≤ 1 ms, load ${loadavg()[0].toFixed(1)}`,
  );
  add(
    '',
    'reference (obvious way)',
    fmt(r10kRef, 1),
    `engine ${(r10kRef.cpu / t10k.cpu).toFixed(1)}× faster (cpu)`,
  );

  const oneM = { ...TEAM, numberOfSimulations: 1_000_000 };
  const plan = planSimulation(oneM);
  const threads = 2;
  const pool = new WorkerPool(workerFile, threads);
  // The same pool with one thread: the scaling of the pool itself, free of any difference
  // between code running on the main thread and in a worker.
  const solo = new WorkerPool(workerFile, 1);
  await pool.start(plan);
  await solo.start(plan);
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    simulate(oneM);
    await pool.run(plan);
    await solo.run(plan);
  }
  // Interleaved, so a slow spell of this (virtual) machine hits all three alike instead of
  // skewing the ratio between them.
  const mainTimes: Timing[] = [];
  const poolTimes: number[] = [];
  const soloTimes: number[] = [];
  const ceilings: number[] = [];
  let pooled: SimulationResult | null = null;
  for (let i = 0; i < REPEATS_1M; i++) {
    mainTimes.push(timeIt(1, () => simulate(oneM)));
    let t = performance.now();
    pooled = await pool.run(plan);
    poolTimes.push(performance.now() - t);
    t = performance.now();
    await solo.run(plan);
    soloTimes.push(performance.now() - t);
    // The machine's own ceiling right now: two threads on twice the work of one, on a loop that
    // touches no memory. A shared virtual machine often gives less than 2×, and less at times.
    t = performance.now();
    await solo.spin(SPIN_STEPS);
    const spinOne = performance.now() - t;
    t = performance.now();
    await pool.spin(SPIN_STEPS);
    ceilings.push((2 * spinOne) / (performance.now() - t));
  }
  await pool.stop();
  await solo.stop();
  const t1m: Timing = {
    wall: median(mainTimes.map((t) => t.wall)),
    cpu: median(mainTimes.map((t) => t.cpu)),
  };
  const tPool = median(poolTimes);
  const tSolo = median(soloTimes);
  // Speed-ups are medians of per-repeat ratios: each repeat times the contenders back to back,
  // so a ratio compares like with like even when the machine's speed drifts between repeats.
  const vsMain = median(mainTimes.map((m, i) => m.wall / poolTimes[i]));
  // How much of what the machine gave in each repeat the pool turned into speed-up.
  const ofCeiling = median(mainTimes.map((m, i) => m.wall / poolTimes[i] / ceilings[i]));
  const vsSolo = median(soloTimes.map((m, i) => m / poolTimes[i]));
  add(
    'team reference, 1,000,000 runs',
    'engine, 1 thread',
    fmt(t1m),
    `target ≤ 100 ms; median of ${REPEATS_1M}, load ${loadavg()[0].toFixed(1)} at the end`,
  );
  add('', 'engine, 1 worker thread', `${tSolo.toFixed(0)} ms`, 'the pool with one thread');

  const single = simulate(oneM);
  const identical = JSON.stringify(single) === JSON.stringify(pooled);
  add(
    '',
    `engine, ${threads} worker threads`,
    `${tPool.toFixed(0)} ms`,
    `${vsMain.toFixed(2)}× vs main thread, ${vsSolo.toFixed(2)}× vs 1 worker (target ≥ 1.8×); identical: ${identical}`,
  );
  add(
    '',
    'machine ceiling',
    `${median(ceilings).toFixed(2)}×`,
    `2 threads vs 1 on a register-only loop in the same repeats; the pool got ${(100 * ofCeiling).toFixed(0)} % of it`,
  );

  const tRef1m = timeIt(1, () =>
    referenceSimulate({ ...(TEAM as Required<typeof TEAM>), numberOfSimulations: 1_000_000 }),
  );
  add(
    '',
    'reference (obvious way)',
    fmt(tRef1m),
    `engine ${(tRef1m.cpu / t1m.cpu).toFixed(1)}× faster (cpu)`,
  );

  peerBench(add);
  calendarBench(add);
  portfolioBench(add);

  // The other forecast kinds and a long history, on one thread: figures, no targets.
  const others: [string, () => unknown][] = [
    [
      'how many in 52 weeks, 1,000,000 runs',
      () =>
        runForecast('how-many', {
          tpSamples: TEAM.tpSamples,
          days: 364,
          numberOfSimulations: 1_000_000,
          seed: 1,
        }),
    ],
    [
      'when, backlog 300, 1,000,000 runs',
      () =>
        runForecast('when', {
          tpSamples: TEAM.tpSamples,
          backlog: 300,
          numberOfSimulations: 1_000_000,
          seed: 1,
        }),
    ],
    [
      'team + 2,000 split rates and lead times, 20,000 runs',
      () => simulate({ ...TEAM, ...LONG_HISTORY, numberOfSimulations: 20_000 }),
    ],
  ];
  for (const [name, f] of others) {
    f();
    add(name, 'engine, 1 thread', fmt(timeIt(5, f)), '');
  }
  exactBench(add);

  for (const n of [10_000, 100_000, 1_000_000]) {
    const e = liveHeap((probe) =>
      simulate({ ...TEAM, numberOfSimulations: n }, { onProgress: probe }),
    );
    const r = liveHeap(() =>
      referenceSimulate({ ...(TEAM as Required<typeof TEAM>), numberOfSimulations: n }),
    );
    add(
      `live heap, ${n.toLocaleString('en')} runs`,
      'engine / reference',
      `${e < 1 ? `${(e * 1000).toFixed(0)} KB` : `${e.toFixed(2)} MB`} / ${r.toFixed(1)} MB`,
      'most live during the run or held by the result',
    );
  }

  flowBench(add);

  const ref = referenceSimulate({
    ...(TEAM as Required<typeof TEAM>),
    numberOfSimulations: 100_000,
  });
  const eng = simulate({ ...TEAM, numberOfSimulations: 100_000 });
  add(
    'sanity, 100,000 runs',
    'P50/P85/P95 weeks, P85 effort',
    `engine ${eng.percentile_stats.p50}/${eng.percentile_stats.p85}/${eng.percentile_stats.p95}, ${eng.effort.p85}`,
    `reference ${ref.p50}/${ref.p85}/${ref.p95}, ${ref.effortP85}`,
  );

  const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  console.log(row(['case', 'implementation', 'result', 'note'], widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l, widths));
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
