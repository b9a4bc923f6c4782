import { backtest } from '@flow-forecaster/engine';
import { backtestSchema } from '../backtest';
import { defineForecastKind } from '../registry/define';
import { runsOf, weeksCap } from './bounds';
import { headlineOnly } from './summary';

export const backtestKind = defineForecastKind({
  kind: 'backtest',
  title: 'Backtest',
  description: 'how well the model would have forecast your own past',
  schema: backtestSchema,
  run: (input, options) => backtest(input, options),
  paths: ['/api/backtest'],
  cli: ['backtest'],
  cliExample: 'ff backtest --input examples/backtest.json --format table',
  seeded: true,
  runsField: 'numberOfSimulations',
  queueable: true,
  // At most one fold per week of history, each a full when-forecast.
  workBound: (input) =>
    runsOf(input.numberOfSimulations) * Math.max(1, input.tpSamples.length) * weeksCap(undefined),
  summarise: (_input, result) =>
    headlineOnly(
      `${result.foldCount} folds, P85 verdict: ${result.calibration.verdict}`,
      result.seed,
    ),
  example: { tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7], backlog: 20 },
});
