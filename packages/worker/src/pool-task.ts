/**
 * What runs inside a pool thread. Inputs and outputs cross threads by structured clone, so
 * every task is plain data in and plain data out.
 */

export type PoolTask =
  /** Busy work for tests and health checks: spins `ms` milliseconds, returns `value`. */
  { op: 'spin'; ms: number; value: number };

export function runPoolTask(task: PoolTask): unknown {
  switch (task.op) {
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
