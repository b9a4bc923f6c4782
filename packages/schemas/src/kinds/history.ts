import { historyFromItems } from '@flow-forecaster/engine';
import { historySchema } from '../history';
import { defineForecastKind } from '../registry/define';
import { headlineOnly } from './summary';

export const historyKind = defineForecastKind({
  kind: 'history',
  title: 'History from tracker items',
  description: 'weekly throughput and lead times from a tracker CSV export (or JSON items)',
  schema: historySchema,
  run: (input) => historyFromItems(input),
  paths: ['/api/history'],
  cli: ['history'],
  cliExample:
    "ff history --csv jira.csv --done-column Resolved --start-column 'Custom field (Start date)'",
  seeded: false,
  queueable: false,
  workBound: (input) => input.items.length,
  summarise: (_input, result) =>
    headlineOnly(`${result.weekStarts.length} weeks, ${result.counts.done} items done`),
  example: { items: [{ done: '2025-03-06T17:15:00', start: '2025-02-17T16:15:00' }] },
});
