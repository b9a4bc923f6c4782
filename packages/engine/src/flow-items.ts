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

/** A missing date in the day columns of `FlowRecords`. */
export const NO_DAY = -0x80000000;

/**
 * The records as columns, record i at position i of each: 100,000 items make no objects, so
 * reading them leaves the young generation of the garbage collector nearly empty (one object
 * per item was about half the time of reading them) and the metrics loop over typed arrays.
 */
export interface FlowRecords {
  readonly length: number;
  readonly id: readonly string[];
  readonly type: readonly (string | null)[];
  readonly state: readonly (string | null)[];
  /** Day numbers, NO_DAY when the item has none. */
  readonly created: Int32Array;
  readonly started: Int32Array;
  readonly done: Int32Array;
  /** Position in the input list, for problem paths. */
  readonly index: Int32Array;
  /** 1: done before started, kept for the listing, left out of every metric. */
  readonly excluded: Uint8Array;
}

const dayOrNull = (d: number): number | null => (d === NO_DAY ? null : d);

/** Record i as an object (for the few records a view lists one by one). */
export function flowRecordAt(records: FlowRecords, i: number): FlowRecord {
  return {
    id: records.id[i],
    type: records.type[i],
    state: records.state[i],
    created: dayOrNull(records.created[i]),
    started: dayOrNull(records.started[i]),
    done: dayOrNull(records.done[i]),
    index: records.index[i],
    excluded: records.excluded[i] === 1,
  };
}

/** The records whose positions `keep` lists, in that order. */
export function selectFlowRecords(records: FlowRecords, keep: readonly number[]): FlowRecords {
  const pick = <T>(column: readonly T[]): T[] => keep.map((i) => column[i]);
  const pickTyped = <A extends Int32Array | Uint8Array>(column: A, into: A): A => {
    for (let k = 0; k < keep.length; k++) into[k] = column[keep[k]];
    return into;
  };
  const n = keep.length;
  return {
    length: n,
    id: pick(records.id),
    type: pick(records.type),
    state: pick(records.state),
    created: pickTyped(records.created, new Int32Array(n)),
    started: pickTyped(records.started, new Int32Array(n)),
    done: pickTyped(records.done, new Int32Array(n)),
    index: pickTyped(records.index, new Int32Array(n)),
    excluded: pickTyped(records.excluded, new Uint8Array(n)),
  };
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
  records: FlowRecords;
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

/**
 * Which ids were seen, for 100,000 items at a time: an open-addressing table of FNV-1a hashes
 * computed from the characters, with the strings compared only when two hashes meet. A
 * `Set<string>` took ~30 ms of the ~100 ms budget on 100,000 fresh strings (hashing inside
 * the engine, then growing and rehashing the table several times); this takes a few.
 */
class IdSet {
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly ids: string[] = [];
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
  }

  /** Adds `id`; false when it was already there. */
  add(id: string): boolean {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    let at = h & this.mask;
    for (;;) {
      const slot = this.slots[at];
      if (slot === -1) {
        this.slots[at] = this.ids.length;
        this.hashes[at] = h;
        this.ids.push(id);
        return true;
      }
      if (this.hashes[at] === h && this.ids[slot] === id) return false;
      at = (at + 1) & this.mask;
    }
  }
}

export function prepareFlowItems(
  items: readonly FlowItemInput[],
  options: PrepareFlowOptions = {},
): PreparedFlowItems {
  assertFlowSize(items.length);
  const capacity = items.length;
  const ids: string[] = [];
  const types: (string | null)[] = [];
  const states: (string | null)[] = [];
  const createdDays = new Int32Array(capacity);
  const startedDays = new Int32Array(capacity);
  const doneDays = new Int32Array(capacity);
  const indexes = new Int32Array(capacity);
  const excludedFlags = new Uint8Array(capacity);
  let n = 0;
  const problems: FlowProblem[] = [];
  const problemCounts: Partial<Record<FlowProblemCode, number>> = {};
  const seen = new IdSet(items.length);
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
    if (!seen.add(id)) {
      report('duplicateId', index, 'id', id);
      invalid++;
      continue;
    }
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
    ids.push(id);
    types.push(text(item.type));
    states.push(text(item.state));
    createdDays[n] = created ?? NO_DAY;
    startedDays[n] = started ?? NO_DAY;
    doneDays[n] = done ?? NO_DAY;
    indexes[n] = index;
    excludedFlags[n] = excluded ? 1 : 0;
    n++;
  }
  const records: FlowRecords = {
    length: n,
    id: ids,
    type: types,
    state: states,
    created: createdDays.subarray(0, n),
    started: startedDays.subarray(0, n),
    done: doneDays.subarray(0, n),
    index: indexes.subarray(0, n),
    excluded: excludedFlags.subarray(0, n),
  };
  return { records, problems, problemCounts, invalid };
}
