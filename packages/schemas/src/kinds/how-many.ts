import { forecastHowMany } from '@flow-forecaster/engine';
import { defineForecastKind } from '../registry/define';
import { LIMITS } from '../limits';
import { howManySchema } from '../when';
import { runsOf } from './bounds';
import { headlineOnly } from './summary';

export const howManyKind = defineForecastKind({
  kind: 'how-many',
  title: 'How many',
  description: 'how many items will be done by a date or in N days',
  schema: howManySchema,
  run: (input, options) => forecastHowMany(input, options),
  paths: ['/api/forecast-how-many'],
  cli: ['how-many', 'forecast-how-many'],
  cliExample: 'ff how-many --input examples/how-many.json --format table',
  seeded: true,
  runsField: 'numberOfSimulations',
  queueable: true,
  // One draw per week of the period; a period given by dates is at most the days limit.
  workBound: (input) =>
    runsOf(input.numberOfSimulations) * Math.ceil((input.days ?? LIMITS.days.max) / 7),
  summarise: (_input, result) => {
    const p85 = result.itemsAtConfidence['85'];
    return headlineOnly(
      p85 === undefined ? `${result.mean} items on average` : `P85: ${p85} items`,
      result.seed,
    );
  },
  example: { tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7], days: 30 },
});
