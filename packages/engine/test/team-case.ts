import type { SimulateInput } from '../src/inputs';

/**
 * The spec's team reference case (an S-curve of 2–5 of 10 contributors, P85 ≈ 23 weeks): one
 * copy of the inputs the engine's bench, thread and oracle tests run, each adding its own
 * runs, seed or model.
 */
export const TEAM_INPUT: SimulateInput = {
  tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7],
  numberOfTasks: 50,
  totalContributors: 10,
  minContributors: 2,
  maxContributors: 5,
  sCurveSize: 20,
};
