import { COST_DEFAULT_SIMULATIONS, costAnalysis } from '@flow-forecaster/engine';
import { costSchema } from '../cost';
import { defineForecastKind } from '../registry/define';
import { headlineOnly } from './summary';

export const costKind = defineForecastKind({
  kind: 'cost',
  title: 'Cost analysis',
  description: 'PERT-Beta cost of the backlog from a per-item cost estimate',
  schema: costSchema,
  run: (input) => costAnalysis(input),
  paths: ['/api/cost-analysis'],
  cli: ['cost', 'cost-analysis'],
  cliExample: 'ff cost --input examples/cost.json --format table',
  seeded: true,
  runsField: 'nSimulations',
  queueable: true,
  // At most one draw per item per run.
  workBound: (input) =>
    (input.nSimulations ?? COST_DEFAULT_SIMULATIONS) * Math.max(1, input.backlog),
  summarise: (_input, result) =>
    headlineOnly(`P85: ${result.percentile_stats.p85} ${result.currency}`, result.seed),
  example: { optimistic: 3000, mostLikely: 5000, pessimistic: 10000, backlog: 50 },
});
