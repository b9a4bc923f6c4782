/**
 * What runs inside a pool thread. Inputs and outputs cross threads by structured clone, so
 * every task is plain data in and plain data out.
 */
import { runForecast, runSimulationBatch } from '@flow-forecaster/engine';
import type { ForecastKind, SimulationPlan } from '@flow-forecaster/engine';

export type PoolTask =
  /** One fixed-size batch of a planned simulation. */
  | { op: 'simulation-batch'; plan: SimulationPlan; batchIndex: number }
  /** A whole forecast of a kind that is not split into batches. */
  | { op: 'forecast'; kind: ForecastKind; input: unknown }
  /** Busy work for tests and health checks: spins `ms` milliseconds, returns `value`. */
  | { op: 'spin'; ms: number; value: number };

export function runPoolTask(task: PoolTask): unknown {
  switch (task.op) {
    case 'simulation-batch':
      return runSimulationBatch(task.plan, task.batchIndex);
    case 'forecast':
      return runForecast(task.kind, task.input as never);
    case 'spin': {
      const until = performance.now() + task.ms;
      while (performance.now() < until) {
        // Deliberately busy: it stands in for CPU-bound simulation work.
      }
      return task.value;
    }
    default: {
      const unknownTask: { op?: unknown } = task;
      throw new Error(`Unknown pool task ${String(unknownTask.op)}`);
    }
  }
}
