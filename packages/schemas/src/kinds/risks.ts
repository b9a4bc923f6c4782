import { riskSummary } from '@flow-forecaster/engine';
import { defineForecastKind } from '../registry/define';
import { riskSummarySchema } from '../risks';
import { headlineOnly } from './summary';

export const risksKind = defineForecastKind({
  kind: 'risks',
  title: 'Risk summary',
  description: 'rank risks by expected impact before simulating',
  schema: riskSummarySchema,
  run: (input) => riskSummary(input),
  paths: ['/api/risk-summary'],
  cli: ['risks', 'risk-summary'],
  cliExample: 'ff risks --input examples/risks.json --format table',
  seeded: false,
  queueable: false,
  workBound: (input) => input.risks.length,
  summarise: (_input, result) =>
    headlineOnly(
      `${result.risks.length} risks, expected impact ${result.totalExpectedImpact} items`,
    ),
  example: { risks: [{ likelihood: 30, lowImpact: 10, mediumImpact: 12, highImpact: 15 }] },
});
