import { deadlineAnalysis } from '@flow-forecaster/engine';
import { defineForecastKind } from '../registry/define';
import { deadlineSchema } from '../when';
import { runsOf, weeksCap } from './bounds';
import { percentText, weeksSummary } from './summary';

export const deadlineKind = defineForecastKind({
  kind: 'deadline',
  title: 'Deadline analysis',
  description: 'can the backlog be finished by a deadline, and what fits if not',
  schema: deadlineSchema,
  run: (input, options) => deadlineAnalysis(input, options),
  paths: ['/api/deadline-analysis'],
  cli: ['deadline', 'deadline-analysis'],
  cliExample: 'ff deadline --input examples/deadline.json',
  seeded: true,
  runsField: 'numberOfSimulations',
  queueable: true,
  workBound: (input) => runsOf(input.numberOfSimulations) * weeksCap(undefined),
  // The trust rules: the headline is the chance to finish by the date, not a percentile.
  summarise: (_input, result) => ({
    ...weeksSummary(result.percentile_stats, result.seed, result.canMeet, result),
    headline: `${percentText(result.probabilityByDeadline)} chance to finish by ${result.deadlineDate}`,
  }),
  example: {
    tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7],
    backlog: 20,
    startDate: '2025-10-01',
    deadlineDate: '2025-10-16',
  },
});
