import { forecastPortfolio, portfolioWork } from '@flow-forecaster/engine';
import { portfolioSchema } from '../portfolio';
import { defineForecastKind } from '../registry/define';
import { headlineOnly, percentText } from './summary';

export const portfolioKind = defineForecastKind({
  kind: 'portfolio',
  title: 'Portfolio cut line',
  description:
    'features in priority order across teams: dates per feature, the cut line at a confidence, the joint chance, cost of delay',
  schema: portfolioSchema,
  run: (input) => forecastPortfolio(input),
  paths: ['/api/portfolio'],
  cli: ['portfolio'],
  cliExample: 'ff portfolio --input examples/portfolio.json --format table',
  seeded: true,
  runsField: 'numberOfSimulations',
  queueable: true,
  // Team-weeks drawn, every run going on to maxWeeks, and the CD3 re-runs (engine's own bound).
  workBound: (input) => portfolioWork(input),
  summarise: (_input, result) => {
    const targeted = result.features.filter((f) => f.inCutLine !== null);
    const inCut = targeted.filter((f) => f.inCutLine === true).length;
    const joint = result.allOnTime === null ? '' : `, all on time ${percentText(result.allOnTime)}`;
    const cut =
      targeted.length === 0
        ? `${result.features.length} features`
        : `${inCut} of ${targeted.length} features make the date at ${percentText(result.confidence)}`;
    return headlineOnly(`${cut}${joint}`, result.seed);
  },
  example: {
    teams: [
      { name: 'A', tpSamples: [3, 4, 5, 4, 6, 2, 4], throughputModel: 'bootstrap', featureWip: 2 },
      { name: 'B', tpSamples: [2, 3, 3, 4, 2], throughputModel: 'bootstrap' },
    ],
    features: [
      {
        name: 'Checkout',
        parts: [
          { team: 'A', size: 12 },
          { team: 'B', size: 5 },
        ],
      },
      { name: 'Search', sizeLow: 6, sizeHigh: 10, team: 'A', costOfDelayPerWeek: 3000 },
      {
        name: 'Reports',
        size: 8,
        team: 'B',
        targetDate: '2026-02-16',
        costOfDelayPerWeek: 5000,
      },
      { name: 'Export', size: 10, team: 'A', dependsOn: ['Checkout'] },
    ],
    startDate: '2026-01-05',
    targetDate: '2026-03-02',
    confidence: 0.85,
    numberOfSimulations: 2000,
    seed: 1,
  },
});
