/**
 * What runs inside a pool thread. Inputs and outputs cross threads by structured clone, so
 * every task is plain data in and plain data out; a forecast arrives as `{kind, input}` and is
 * parsed again here with the registry, which gives it back its kind's typed operations.
 */
import { EngineInputError, runSimulationBatch } from '@flow-forecaster/engine';
import type { SimulationPlan } from '@flow-forecaster/engine';
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import type { ForecastRegistry, ForecastRequest, ParsedForecast } from '@flow-forecaster/schemas';

export type PoolTask =
  /** One fixed-size batch of a planned simulation. */
  | { op: 'simulation-batch'; plan: SimulationPlan; batchIndex: number }
  /** The batches of a batched forecast (planning builds samplers: it belongs off the loop). */
  | { op: 'simulation-plan'; request: ForecastRequest }
  /**
   * A whole forecast of a kind that is not split into batches. `deadline` (epoch ms) is its
   * time budget: the engine checks it inside its long loops and stops with an AbortError.
   */
  | { op: 'forecast'; request: ForecastRequest; deadline?: number }
  /** Busy work for tests and health checks: spins `ms` milliseconds, returns `value`. */
  | { op: 'spin'; ms: number; value: number }
  /**
   * For tests: adds one to `arrived[0]` and waits (up to `timeoutMs`) until `parties` tasks have
   * arrived. True when they all met, which only happens if they run at the same time on
   * different threads: parallelism proved without timing anything.
   */
  | { op: 'meet'; arrived: Int32Array; parties: number; timeoutMs: number };

/** Parses a forecast that crossed a thread or Redis; bad data is the caller's input error. */
export function parseRequest(registry: ForecastRegistry, request: ForecastRequest): ParsedForecast {
  const parsed = registry.parse(request.kind, request.input);
  if (!parsed.ok) throw new EngineInputError(parsed.error.message, parsed.error.field);
  return parsed.value;
}

/** The task function of a pool whose threads know the kinds of `registry`. */
export function poolTaskRunner(registry: ForecastRegistry = FORECAST_REGISTRY) {
  return (task: PoolTask): unknown => {
    switch (task.op) {
      case 'simulation-batch':
        return runSimulationBatch(task.plan, task.batchIndex);
      case 'simulation-plan':
        return parseRequest(registry, task.request).simulationPlan();
      case 'forecast': {
        const { deadline } = task;
        const signal =
          deadline === undefined
            ? undefined
            : {
                get aborted() {
                  return Date.now() > deadline;
                },
              };
        return parseRequest(registry, task.request).run({ signal });
      }
      case 'spin': {
        const until = performance.now() + task.ms;
        while (performance.now() < until) {
          // Deliberately busy: it stands in for CPU-bound simulation work.
        }
        return task.value;
      }
      case 'meet': {
        const { arrived, parties, timeoutMs } = task;
        Atomics.add(arrived, 0, 1);
        Atomics.notify(arrived, 0);
        const until = Date.now() + timeoutMs;
        for (let seen = Atomics.load(arrived, 0); seen < parties;) {
          const left = until - Date.now();
          if (left <= 0) return false;
          Atomics.wait(arrived, 0, seen, left);
          seen = Atomics.load(arrived, 0);
        }
        return true;
      }
      default: {
        const unknownTask: { op?: unknown } = task;
        throw new Error(`Unknown pool task ${String(unknownTask.op)}`);
      }
    }
  };
}

export const runPoolTask = poolTaskRunner();
