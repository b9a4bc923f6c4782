/**
 * A bench worker thread: receives a plan once, then runs the batches it is sent and posts them
 * back with their buffers transferred (no copy).
 */
import { parentPort } from 'node:worker_threads';
import { runSimulationBatch, type SimulationBatch, type SimulationPlan } from '../src/index';

let plan: SimulationPlan | null = null;

function buffersOf(b: SimulationBatch): ArrayBuffer[] {
  const arrays = [b.weeks, b.tasks, b.effort, b.leadTimes, b.burnDown, b.finishedAt];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

parentPort?.on('message', (msg: { plan?: SimulationPlan; batchIndex?: number }) => {
  if (msg.plan) {
    plan = msg.plan;
    parentPort?.postMessage({ ready: true });
    return;
  }
  if (plan && msg.batchIndex !== undefined) {
    const batch = runSimulationBatch(plan, msg.batchIndex);
    parentPort?.postMessage({ batch }, buffersOf(batch));
  }
});
