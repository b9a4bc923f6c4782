import {
  EngineInputError,
  FLOW_MAX_DAYS,
  flowAnalysis,
  flowItemsFromRows,
  sleSentence,
} from '@flow-forecaster/engine';
import type { FlowColumns } from '@flow-forecaster/engine';
import { flowParseSchema, flowSchema, preparedFlowItemsOf } from '../flow';
import { defineForecastKind } from '../registry/define';
import type { CsvRequestReader, CliFlagsApplier } from '../registry/define';
import { headlineOnly } from './summary';

/**
 * Tracker CSV rows → a flow request. Columns are guessed from the headers (Jira, Azure
 * DevOps, Linear, pt/es spreadsheets) unless named; the date format is decided from the
 * whole file, and a file that two allowed formats read differently is refused, not guessed.
 */
const readFlowCsv: CsvRequestReader = (rows, options) => {
  const columns: FlowColumns = {};
  if (options.columns.done !== undefined) columns.done = options.columns.done;
  if (options.columns.started !== undefined) columns.started = options.columns.started;
  const allowed = options.dateFormats;
  let read = flowItemsFromRows(rows, { columns });
  const fits = [read.dateFormat, ...read.ambiguousFormats].filter(
    (f): f is string => f !== null && (allowed.length === 0 || allowed.includes(f)),
  );
  if (allowed.length > 0 && fits.length === 0) {
    // None of the allowed patterns reads every date: the one that reads most, the rest listed.
    for (const format of allowed) {
      const attempt = flowItemsFromRows(rows, { columns, dateFormat: format });
      if (fits.length === 0 || attempt.unreadable.length < read.unreadable.length) read = attempt;
      fits.push(format);
    }
  } else if (fits.length > 1) {
    throw new EngineInputError(
      `cannot tell the date format: ${fits.join(' | ')} all read the file; pass --date-format dmy or mdy`,
      '--date-format',
    );
  } else if (fits.length === 1 && fits[0] !== read.dateFormat) {
    read = flowItemsFromRows(rows, { columns, dateFormat: fits[0] });
  }
  return {
    body: { items: read.items, ...(read.dateFormat ? { dateFormat: read.dateFormat } : {}) },
    notes: { csv: { rows: rows.length, columns: read.columns, dateFormat: read.dateFormat } },
  };
};

const applyFlowFlags: CliFlagsApplier = (body, flags) => {
  const out = { ...body };
  if (flags.asOf !== undefined) out.asOf = flags.asOf;
  if (flags.window !== undefined) {
    out.window = flags.window === 'all' ? 'all' : { weeks: flags.window };
  }
  if (flags.from !== undefined || flags.to !== undefined) {
    out.window = {
      ...(flags.from !== undefined ? { from: flags.from } : {}),
      ...(flags.to !== undefined ? { to: flags.to } : {}),
    };
  }
  return out;
};

export const flowKind = defineForecastKind({
  kind: 'flow',
  title: 'Flow analytics',
  description:
    'cycle-time percentiles and SLE, aging work in progress, throughput, WIP and cumulative flow from work items',
  schema: flowSchema,
  parseSchema: flowParseSchema,
  run: (input) => flowAnalysis(input, preparedFlowItemsOf(input)),
  paths: ['/api/flow'],
  cli: ['flow'],
  cliExample: 'ff flow --csv jira.csv --as-of 2025-08-31 --window all --format table',
  seeded: false,
  queueable: true,
  // One pass over the items, then day-by-day series bounded by FLOW_MAX_DAYS.
  workBound: (input) => input.items.length + FLOW_MAX_DAYS,
  summarise: (_input, result) =>
    headlineOnly(
      result.sle === null
        ? `${result.counts.inProgress} in progress, no done items in the window`
        : `${sleSentence(result.sle)}; ${result.counts.inProgress} in progress`,
    ),
  example: {
    items: [
      {
        id: 'SHOP-1',
        type: 'Story',
        created: '2025-02-02',
        started: '2025-02-17',
        done: '2025-03-06',
        state: 'Done',
      },
      {
        id: 'SHOP-2',
        type: 'Bug',
        created: '2025-02-10',
        started: '2025-02-24',
        done: '2025-03-03',
        state: 'Done',
      },
      {
        id: 'SHOP-3',
        type: 'Story',
        created: '2025-02-20',
        started: '2025-03-03',
        state: 'In Progress',
      },
      { id: 'SHOP-4', type: 'Story', created: '2025-03-01' },
    ],
    asOf: '2025-03-10',
    window: 'all',
    percentiles: [50, 70, 85, 95],
    slePercentile: 85,
  },
  csv: readFlowCsv,
  cliFlags: applyFlowFlags,
});
