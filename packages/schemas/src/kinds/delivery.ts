import { forecastDelivery } from '@flow-forecaster/engine';
import { deliverySchema } from '../delivery';
import { defineForecastKind } from '../registry/define';
import { runsOf, weeksCap } from './bounds';
import { headlineOnly, percentText } from './summary';

export const deliveryKind = defineForecastKind({
  kind: 'delivery',
  title: 'Delivery re-forecast',
  description: 'a delivery re-forecast at each check-in, as of that date (the forecast journal)',
  schema: deliverySchema,
  run: (input) => forecastDelivery(input),
  paths: ['/api/delivery-forecast'],
  cli: ['delivery'],
  cliExample: 'ff delivery --input examples/delivery.json --format table',
  seeded: true,
  runsField: 'numberOfSimulations',
  queueable: true,
  // One full simulation per check-in.
  workBound: (input) =>
    input.checkIns.length * runsOf(input.numberOfSimulations) * weeksCap(input.settings?.maxWeeks),
  summarise: (_input, result) => {
    const last = result.checkIns[result.checkIns.length - 1];
    const chance =
      last.probabilityByTarget === null
        ? ''
        : `, ${percentText(last.probabilityByTarget)} by target`;
    return headlineOnly(
      `${result.checkIns.length} check-ins, P85 ${last.completionDates.p85}${chance}`,
      last.seed,
    );
  },
  example: {
    name: 'Release 3',
    start: '2026-01-05',
    targetDate: '2026-03-02',
    history: [
      { weekStart: '2025-12-01', count: 5 },
      { weekStart: '2025-12-08', count: 6 },
      { weekStart: '2025-12-15', count: 4 },
      { weekStart: '2025-12-22', count: 5 },
      { weekStart: '2025-12-29', count: 7 },
      { weekStart: '2026-01-05', count: 5 },
      { weekStart: '2026-01-12', count: 6 },
    ],
    throughputModel: 'bootstrap',
    checkIns: [{ date: '2026-01-19', done: 10, remaining: 30 }],
    numberOfSimulations: 2000,
    seed: 1,
  },
});
