/**
 * A bench worker thread: receives a plan once, then runs the batches it is sent and posts them
 * back.
 *
 * Results are copied, not transferred. Transferring detaches the worker's ArrayBuffers, and the
 * first detach in an isolate invalidates V8's "no detached buffers" protector: from then on every
 * typed-array access in optimised code checks for detachment, which made the simulation loop
 * about 20 % slower in every worker (a batch's outputs are a few KB, so the copy is free).
 */
import { parentPort } from 'node:worker_threads';
import { runSimulationBatch, type SimulationPlan } from '../src/index';

let plan: SimulationPlan | null = null;

/** A register-only loop (xoshiro steps), for the machine's own 2-thread ceiling. */
function spin(steps: number): number {
  let s0 = 1;
  let s1 = 2;
  let s2 = 3;
  let s3 = 4;
  for (let i = 0; i < steps; i++) {
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  return s0 ^ s1 ^ s2 ^ s3;
}

parentPort?.on('message', (msg: { plan?: SimulationPlan; batchIndex?: number; spin?: number }) => {
  if (msg.spin !== undefined) {
    parentPort?.postMessage({ spun: spin(msg.spin) });
    return;
  }
  if (msg.plan) {
    plan = msg.plan;
    parentPort?.postMessage({ ready: true });
    return;
  }
  if (plan && msg.batchIndex !== undefined) {
    parentPort?.postMessage({ batch: runSimulationBatch(plan, msg.batchIndex) });
  }
});
