import { dependencyAnalysis } from '@flow-forecaster/engine';
import { dependencyAnalysisSchema } from '../dependencies';
import { defineForecastKind } from '../registry/define';
import { runsOf } from './bounds';
import { headlineOnly, percentText } from './summary';

export const dependenciesKind = defineForecastKind({
  kind: 'dependencies',
  title: 'Dependency analysis',
  description: 'chance that work of other teams arrives on time, and the delay if not',
  schema: dependencyAnalysisSchema,
  run: (input) => dependencyAnalysis(input),
  paths: ['/api/dependency-analysis'],
  cli: ['dependencies', 'dependency-analysis'],
  cliExample: 'ff dependencies --input examples/dependencies.json',
  seeded: true,
  runsField: 'nSimulations',
  queueable: true,
  // Two draws per dependency per run (on time?, then the delay).
  workBound: (input) => runsOf(input.nSimulations) * 2 * Math.max(1, input.dependencies.length),
  summarise: (_input, result) =>
    headlineOnly(
      `${percentText(result.onTimeProbability)} all on time (${result.riskLevel} risk)`,
      result.seed,
    ),
  example: { dependencies: [{ onTimeProbability: 0.7 }, { onTimeProbability: 0.7 }] },
});
