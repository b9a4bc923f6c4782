import { COST_DEFAULT_SIMULATIONS, costAnalysis } from '@flow-forecaster/engine';
import { costSchema } from '../cost';
import { defineForecastKind } from '../registry/define';
import { headlineOnly } from './summary';

export const costKind = defineForecastKind({
  kind: 'cost',
  title: 'Cost analysis',
  description:
    'Cost of the backlog: simulated weeks × team × cost per person-week (model "duration", the deadline page\'s cost), or PERT-Beta per item (model "per-item")',
  schema: costSchema,
  run: (input, options) => costAnalysis(input, { signal: options?.signal }),
  paths: ['/api/cost-analysis'],
  cli: ['cost', 'cost-analysis'],
  cliExample: 'ff cost --input examples/cost.json --format table',
  seeded: true,
  runsField: 'nSimulations',
  queueable: true,
  // At most one draw per item (or per simulated week, bounded by the backlog) per run.
  workBound: (input) =>
    (input.nSimulations ?? COST_DEFAULT_SIMULATIONS) * Math.max(1, input.backlog),
  summarise: (_input, result) =>
    headlineOnly(
      `P85: ${result.percentile_stats.p85} ${result.currency} (${result.model} model)`,
      result.seed,
    ),
  example: { optimistic: 3000, mostLikely: 5000, pessimistic: 10000, backlog: 50 },
});
