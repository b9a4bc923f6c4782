/**
 * `npm run bench`: speed and memory of the simulation, on one core and on worker threads, next
 * to a plain reference implementation (bench/reference.ts). Not part of `npm test`.
 *
 * Workers run an esbuild bundle of bench/worker.ts, built here into a temp directory, because
 * worker threads cannot load TypeScript by themselves on Node 20.
 */
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import {
  finishSimulation,
  planSimulation,
  simulate,
  simulationBatchCount,
  type SimulateInput,
  type SimulationBatch,
  type SimulationPlan,
  type SimulationResult,
} from '../src/index';
import { referenceSimulate } from './reference';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TEAM: SimulateInput = {
  tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7],
  numberOfTasks: 50,
  totalContributors: 10,
  minContributors: 2,
  maxContributors: 5,
  sCurveSize: 20,
  throughputModel: 'weibull',
  seed: 12345,
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

function heapDelta(f: () => unknown): { mb: number; keep: unknown } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = f();
  const after = process.memoryUsage().heapUsed;
  return { mb: (after - before) / 1e6, keep };
}

/** Pool runs before timing: enough for the workers' JIT to settle. */
const WARM_UP_RUNS = 5;

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
   * worker idle for a message round trip per batch). Batches are merged in index order.
   */
  async run(plan: SimulationPlan): Promise<SimulationResult> {
    const total = simulationBatchCount(plan);
    const batches: SimulationBatch[] = new Array<SimulationBatch>(total);
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
              batches[m.batch.batchIndex] = m.batch;
              inFlight--;
              send();
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
    return finishSimulation(plan, batches);
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
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
  add('team reference, 10,000 runs', 'engine, 1 thread', fmt(t10k, 2), 'target ≤ 5 ms');
  add(
    '',
    'reference (obvious way)',
    fmt(r10kRef, 1),
    `engine ${(r10kRef.cpu / t10k.cpu).toFixed(1)}× faster (cpu)`,
  );

  const oneM = { ...TEAM, numberOfSimulations: 1_000_000 };
  const t1m = timeIt(5, () => simulate(oneM));
  add('team reference, 1,000,000 runs', 'engine, 1 thread', fmt(t1m), 'target ≤ 500 ms');

  const plan = planSimulation(oneM);
  const threads = 2;
  const pool = new WorkerPool(workerFile, threads);
  await pool.start(plan);
  // Workers keep tiering up their JIT code for several runs (a worker's busy time per run fell
  // from ~300 to ~170 ms over the first four runs), so warm them up before timing.
  for (let i = 0; i < WARM_UP_RUNS; i++) await pool.run(plan);
  const times: number[] = [];
  let pooled: SimulationResult | null = null;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    pooled = await pool.run(plan);
    times.push(performance.now() - t);
  }
  const tPool = median(times);
  await pool.stop();

  // The same pool with one thread: the scaling of the pool itself, free of the difference
  // between code running on the main thread and in a worker.
  const solo = new WorkerPool(workerFile, 1);
  await solo.start(plan);
  for (let i = 0; i < WARM_UP_RUNS; i++) await solo.run(plan);
  const soloTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await solo.run(plan);
    soloTimes.push(performance.now() - t);
  }
  await solo.stop();
  const tSolo = median(soloTimes);
  add('', 'engine, 1 worker thread', `${tSolo.toFixed(0)} ms`, 'the pool with one thread');

  const single = simulate(oneM);
  const identical = JSON.stringify(single) === JSON.stringify(pooled);
  add(
    '',
    `engine, ${threads} worker threads`,
    `${tPool.toFixed(0)} ms`,
    `${(t1m.wall / tPool).toFixed(2)}× vs main thread, ${(tSolo / tPool).toFixed(2)}× vs 1 worker (target ≥ 1.8×); identical: ${identical}`,
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

  for (const n of [10_000, 100_000, 1_000_000]) {
    const e = heapDelta(() => simulate({ ...TEAM, numberOfSimulations: n }));
    const r = heapDelta(() =>
      referenceSimulate({ ...(TEAM as Required<typeof TEAM>), numberOfSimulations: n }),
    );
    add(
      `heap retained, ${n.toLocaleString('en')} runs`,
      'engine / reference',
      `${e.mb.toFixed(2)} MB / ${r.mb.toFixed(1)} MB`,
      '',
    );
    void e.keep;
    void r.keep;
  }

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
