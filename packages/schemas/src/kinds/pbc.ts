import { pbcAnalysis } from '@flow-forecaster/engine';
import { pbcSchema } from '../accuracy';
import { defineForecastKind } from '../registry/define';
import { headlineOnly } from './summary';

export const pbcKind = defineForecastKind({
  kind: 'pbc',
  title: 'Process behaviour chart',
  description: 'process behaviour chart (XmR): is the process predictable',
  schema: pbcSchema,
  run: (input) => pbcAnalysis(input),
  paths: ['/api/pbc-analysis'],
  cli: ['pbc', 'pbc-analysis'],
  cliExample: 'ff pbc --input examples/pbc.json --format table',
  seeded: false,
  queueable: false,
  workBound: (input) => input.values.length,
  summarise: (_input, result) => headlineOnly(`${result.n} points, ${result.verdict}`),
  example: { values: [3, 3.1, 2.9, 3.2, 2.8] },
});
