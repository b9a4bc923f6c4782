// Real worker threads, not a simulation of them: the same seed must give the same bits whether
// one thread or two ran the batches, in whatever order they finished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import {
  finishSimulation,
  planSimulation,
  simulate,
  simulationBatchCount,
  type SimulateInput,
  type SimulationBatch,
} from '../src/index';
import { TEAM_INPUT } from './team-case';

const here = dirname(fileURLToPath(import.meta.url));
let dir = '';
let workers: Worker[] = [];

beforeAll(() => {
  // Worker threads cannot load TypeScript on Node 20, so they run a bundle of the bench worker.
  dir = mkdtempSync(join(tmpdir(), 'ff-threads-'));
  const file = join(dir, 'worker.mjs');
  buildSync({
    entryPoints: [join(here, '../bench/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: file,
    logLevel: 'warning',
  });
  workers = [new Worker(file), new Worker(file)];
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
  rmSync(dir, { recursive: true, force: true });
});

function send<T>(w: Worker, msg: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.postMessage(msg);
  });
}

describe('simulation on worker threads', () => {
  it('gives the single-thread result bit for bit', async () => {
    const input: SimulateInput = {
      ...TEAM_INPUT,
      ltSamples: [4, 9, 15, 2, 30],
      risks: [{ likelihood: 20, lowImpact: 2, highImpact: 8 }],
      numberOfSimulations: 100_000,
      seed: 2718,
    };
    const plan = planSimulation(input);
    await Promise.all(workers.map((w) => send(w, { plan })));
    const total = simulationBatchCount(plan);
    const batches: SimulationBatch[] = [];
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        while (next < total) {
          const batchIndex = next++;
          const { batch } = await send<{ batch: SimulationBatch }>(w, { batchIndex });
          batches.push(batch);
        }
      }),
    );
    expect(batches).toHaveLength(total);
    expect(finishSimulation(plan, batches)).toEqual(simulate(input));
  }, 60_000);
});
