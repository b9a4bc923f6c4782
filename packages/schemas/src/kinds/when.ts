import { forecastWhen } from '@flow-forecaster/engine';
import { defineForecastKind } from '../registry/define';
import { whenSchema } from '../when';
import { runsOf, weeksCap } from './bounds';
import { weeksSummary } from './summary';

export const whenKind = defineForecastKind({
  kind: 'when',
  title: 'When (throughput only)',
  description: 'weeks to finish N items from throughput only',
  schema: whenSchema,
  run: (input, options) => forecastWhen(input, options),
  // `mc-throughput` is the original's name for this Monte Carlo.
  paths: ['/api/forecast-when', '/api/mc-throughput'],
  cli: ['when', 'forecast-when', 'mc-throughput'],
  cliExample: 'ff when --input examples/when.json',
  seeded: true,
  runsField: 'numberOfSimulations',
  queueable: true,
  workBound: (input) =>
    runsOf(input.numberOfSimulations ?? input.nSimulations) * weeksCap(input.maxWeeks),
  summarise: (_input, result) => weeksSummary(result.percentile_stats, result.seed, null, result),
  example: { tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7], backlog: 50 },
});
