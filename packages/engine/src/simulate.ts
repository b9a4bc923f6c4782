/**
 * The full team simulation ("when will it be done?") in one call. Workers use the pieces
 * instead: `planSimulation`, `runSimulationBatch` per batch, `finishSimulation`.
 */
import type { SimulateInput } from './inputs';
import { planSimulation, simulationBatchCount } from './simulation-plan';
import { runSimulationBatch } from './simulate-run';
import {
  addBatch,
  createAccumulator,
  resultFromAccumulator,
  type SimulationResult,
} from './aggregate';
import { abortError } from './errors';

export interface SimulateOptions {
  /** Called after each batch with the fraction of runs done. */
  onProgress?(fraction: number): void;
  /** Checked between batches; when set, `simulate` throws an Error named `AbortError`. */
  signal?: { aborted: boolean };
}

export function simulate(input: SimulateInput, opts: SimulateOptions = {}): SimulationResult {
  const plan = planSimulation(input);
  const count = simulationBatchCount(plan);
  const acc = createAccumulator();
  for (let b = 0; b < count; b++) {
    if (opts.signal?.aborted) throw abortError();
    // Merged as they come, so memory stays flat however many runs were asked for.
    addBatch(acc, plan, runSimulationBatch(plan, b));
    opts.onProgress?.((b + 1) / count);
  }
  if (opts.signal?.aborted) throw abortError();
  return resultFromAccumulator(plan, acc);
}
