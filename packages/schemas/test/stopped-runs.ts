import type { SimulateInput } from '@flow-forecaster/engine';

/**
 * One week in 20 delivers an item: of 2,000 runs of a 20-item backlog some finish and some stop
 * at maxWeeks. The CLI, API and web tests read its mean (over the finished runs) and its cap.
 */
export const SOME_STOPPED: SimulateInput = {
  tpSamples: [...Array<number>(19).fill(0), 1],
  throughputModel: 'bootstrap',
  numberOfTasks: 20,
  numberOfSimulations: 2000,
  seed: 1,
};
