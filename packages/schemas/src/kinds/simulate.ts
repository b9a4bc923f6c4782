import { planSimulation, simulate } from '@flow-forecaster/engine';
import { defineForecastKind } from '../registry/define';
import { simulateSchema } from '../simulate';
import { lengthOf, runsOf, weeksCap } from './bounds';
import { weeksSummary } from './summary';

export const simulateKind = defineForecastKind({
  kind: 'simulate',
  title: 'Team simulation',
  description: 'full team simulation: when will the backlog be done (S-curve, risks, splits)',
  schema: simulateSchema,
  run: (input, options) => simulate(input, options),
  simulationPlan: planSimulation,
  paths: ['/api/simulate'],
  cli: ['simulate'],
  cliExample: 'ff simulate --input examples/team.json --format table',
  seeded: true,
  runsField: 'numberOfSimulations',
  queueable: true,
  // Every run may go on to maxWeeks; split rates, lead times, risks and dependencies add a
  // bounded number of draws per item of their history.
  workBound: (input) =>
    runsOf(input.numberOfSimulations) *
    (1 +
      weeksCap(input.maxWeeks) +
      2 * lengthOf(input.splitRateSamples) +
      lengthOf(input.ltSamples) +
      2 * lengthOf(input.risks) +
      2 * lengthOf(input.dependencies)),
  summarise: (_input, result) => weeksSummary(result.percentile_stats, result.seed, null, result),
  example: { tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7], numberOfTasks: 50 },
});
