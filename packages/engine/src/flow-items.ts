/**
 * Work items for flow metrics: what a request or an import gives (`FlowItemInput`, dates as
 * text) → records with day numbers (`FlowRecord`), and every item that looks wrong reported
 * with its field path (`items.17.started`) instead of silently dropped.
 *
 * - `invalid` problems (no id, the same id twice, an unreadable date) leave the item out; the
 *   API answers 400 with the first one, a web import lists them and keeps the rest.
 * - `doneBeforeStarted` items stay in the list but out of every metric (a data error).
 * - `doneWithoutStart` items count as throughput but have no cycle time.
 * - `sameDay` items (started and done on one day) are kept and took 1 day.
 */
import { EngineInputError } from './errors';
import { dayOfValue } from './flow-days';

/** Largest list of work items flow metrics accept: the work is linear in it, so bounded by it. */
export const FLOW_MAX_ITEMS = 200_000;
/** Problems listed one by one; beyond this they are only counted. */
export const FLOW_MAX_LISTED_PROBLEMS = 500;

export interface FlowItemInput {
  id?: string | null;
  type?: string | null;
  /** The day the item arrived (entered the backlog). */
  created?: string | null;
  started?: string | null;
  done?: string | null;
  /** Workflow state as the tracker names it (for the aging chart's columns). */
  state?: string | null;
}

export interface FlowRecord {
  id: string;
  type: string | null;
  state: string | null;
  created: number | null;
  started: number | null;
  done: number | null;
  /** Position in the input list, for problem paths. */
  index: number;
  /** Done before started: kept for the listing, left out of every metric. */
  excluded: boolean;
}

export type FlowProblemCode =
  | 'missingId'
  | 'duplicateId'
  | 'unreadableDate'
  | 'doneBeforeStarted'
  | 'doneWithoutStart'
  | 'sameDay';

export const FLOW_PROBLEM_MESSAGES: Record<FlowProblemCode, string> = {
  missingId: 'the item has no id',
  duplicateId: 'the same id appears earlier in the list',
  unreadableDate: 'the date cannot be read',
  doneBeforeStarted: 'done before it started: left out of the metrics',
  doneWithoutStart: 'done without a start date: counted as throughput, no cycle time',
  sameDay: 'started and done on the same day: counted as 1 day',
};

export interface FlowProblem {
  code: FlowProblemCode;
  /** Whether the item was left out of the list (invalid) or kept with a note. */
  severity: 'invalid' | 'note';
  /** Field path, e.g. `items.17.started`. */
  field: string;
  index: number;
  id: string | null;
  message: string;
}

export interface PreparedFlowItems {
  records: FlowRecord[];
  problems: FlowProblem[];
  problemCounts: Partial<Record<FlowProblemCode, number>>;
  /** Number of invalid items (left out). */
  invalid: number;
}

export interface PrepareFlowOptions {
  /** Date pattern of every date (see `parseDateTime`); default ISO, Jira, day-first. */
  dateFormat?: string;
}

/** Day number, null when empty, NaN when unreadable. */
function dateDay(v: string | null | undefined, format: string | undefined): number | null {
  if (typeof v !== 'string' || v === '') return null;
  const day = dayOfValue(v, format);
  return Number.isNaN(day) && v.trim() === '' ? null : day;
}

function text(v: string | null | undefined): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Refuses lists above FLOW_MAX_ITEMS before any work is done on them. */
export function assertFlowSize(count: number): void {
  if (count > FLOW_MAX_ITEMS) {
    throw new EngineInputError(
      `items: at most ${FLOW_MAX_ITEMS.toLocaleString('en-US')} work items are accepted ` +
        `(got ${count.toLocaleString('en-US')}); narrow the export to fewer items`,
      'items',
    );
  }
}

export function prepareFlowItems(
  items: readonly FlowItemInput[],
  options: PrepareFlowOptions = {},
): PreparedFlowItems {
  assertFlowSize(items.length);
  const records: FlowRecord[] = [];
  const problems: FlowProblem[] = [];
  const problemCounts: Partial<Record<FlowProblemCode, number>> = {};
  const seen = new Set<string>();
  let invalid = 0;
  const report = (code: FlowProblemCode, index: number, field: string, id: string | null): void => {
    problemCounts[code] = (problemCounts[code] ?? 0) + 1;
    if (problems.length >= FLOW_MAX_LISTED_PROBLEMS) return;
    const severity = code === 'missingId' || code === 'duplicateId' || code === 'unreadableDate';
    problems.push({
      code,
      severity: severity ? 'invalid' : 'note',
      field: `items.${index}.${field}`,
      index,
      id,
      message: FLOW_PROBLEM_MESSAGES[code],
    });
  };

  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const id = text(item.id);
    if (id === null) {
      report('missingId', index, 'id', null);
      invalid++;
      continue;
    }
    if (seen.has(id)) {
      report('duplicateId', index, 'id', id);
      invalid++;
      continue;
    }
    seen.add(id);
    const created = dateDay(item.created, options.dateFormat);
    const started = dateDay(item.started, options.dateFormat);
    const done = dateDay(item.done, options.dateFormat);
    const bad = Number.isNaN(created)
      ? 'created'
      : Number.isNaN(started)
        ? 'started'
        : Number.isNaN(done)
          ? 'done'
          : null;
    if (bad !== null) {
      report('unreadableDate', index, bad, id);
      invalid++;
      continue;
    }
    let excluded = false;
    if (done !== null && started !== null && done < started) {
      report('doneBeforeStarted', index, 'done', id);
      excluded = true;
    } else if (done !== null && started === null) report('doneWithoutStart', index, 'started', id);
    else if (done !== null && done === started) report('sameDay', index, 'done', id);
    records.push({
      id,
      type: text(item.type),
      state: text(item.state),
      created,
      started,
      done,
      index,
      excluded,
    });
  }
  return { records, problems, problemCounts, invalid };
}
