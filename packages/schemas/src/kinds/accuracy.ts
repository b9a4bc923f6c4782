import { accuracyAnalysis } from '@flow-forecaster/engine';
import { accuracySchema } from '../accuracy';
import { defineForecastKind } from '../registry/define';
import { headlineOnly } from './summary';

export const accuracyKind = defineForecastKind({
  kind: 'accuracy',
  title: 'Accuracy analysis',
  description: 'compare past forecasts with what actually happened',
  schema: accuracySchema,
  run: (input) => accuracyAnalysis(input),
  paths: ['/api/accuracy-analysis'],
  cli: ['accuracy', 'accuracy-analysis'],
  cliExample: 'ff accuracy --input examples/accuracy.json',
  seeded: false,
  queueable: false,
  workBound: (input) => input.forecasts.length,
  summarise: (_input, result) =>
    headlineOnly(
      `${result.onOrBefore} of ${result.n} actuals on or before the forecast, quality ${result.quality}`,
    ),
  example: { forecasts: [10, 12, 8, 15, 11], actuals: [9.5, 13, 8.5, 14, 10] },
});
