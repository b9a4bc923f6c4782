/**
 * From a tracker's status history to the work-item dates every flow chart and forecast reads
 * (spec/connectors.md, "one rule for every tracker"). Each connector only translates its
 * tracker's answers into `TrackerIssue`s; the dates come from here, so Jira, Azure DevOps,
 * Linear and GitHub cannot disagree about what "started" means.
 */

/** `canceled` is the fourth category: removed/canceled items are counted, never throughput. */
export type StateCategory = 'todo' | 'inProgress' | 'done' | 'canceled';

export interface WorkflowState {
  name: string;
  category: StateCategory;
}

export interface TrackerTransition {
  /** An instant (ISO 8601 with offset or Z). */
  at: string;
  from: string | null;
  to: string;
}

export interface TrackerIssue {
  id: string;
  type?: string;
  /** An instant (ISO 8601). */
  created: string;
  /** The state the item is in now. */
  state: string;
  transitions: TrackerTransition[];
}

export interface TrackerItem {
  id: string;
  type?: string;
  /** Days (YYYY-MM-DD) in the team's time zone. */
  created: string;
  started: string | null;
  done: string | null;
  state: string;
  transitions: TrackerTransition[];
}

export interface TrackerItemsResult {
  items: TrackerItem[];
  states: WorkflowState[];
  /** Canceled or removed items: left out of `items` (and so of throughput and cycle time). */
  canceled: { id: string; state: string }[];
  /** States met in the history that neither the tracker nor the user mapped; read as `todo`. */
  unmappedStates: string[];
}

export interface TrackerHistoryOptions {
  /** IANA time zone the days are taken in (default UTC). */
  timeZone?: string;
  /** The user's overrides of the tracker's own categories, by state name. */
  mapping?: Readonly<Record<string, StateCategory>>;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayInTimeZone(instant: string, timeZone: string): string {
  const time = Date.parse(instant);
  if (!Number.isFinite(time)) throw new RangeError(`not a date-time: ${instant}`);
  let format = dayFormatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD; the formatter is cached because building one is slow.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, format);
  }
  return format.format(time);
}

/** Whether a time zone name is one the runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function byInstant(a: TrackerTransition, b: TrackerTransition): number {
  return Date.parse(a.at) - Date.parse(b.at);
}

/**
 * Apply the spec's rule to every issue:
 * - started: the first entry into an in-progress or done state (moving straight to done starts
 *   the item when it finishes); moving back to to-do later keeps it.
 * - done: the last entry into a done state, only if the item is done now (reopened items are in
 *   progress again, with their first start).
 * - An item created directly in a started/done state with no transition into one started (and,
 *   if done, finished) when it was created.
 */
export function itemsFromHistory(
  issues: readonly TrackerIssue[],
  states: readonly WorkflowState[],
  options: TrackerHistoryOptions = {},
): TrackerItemsResult {
  const timeZone = options.timeZone ?? 'UTC';
  const categories = new Map<string, StateCategory>();
  for (const state of states) categories.set(state.name, state.category);
  for (const [name, category] of Object.entries(options.mapping ?? {}))
    categories.set(name, category);
  const unmapped = new Set<string>();
  const categoryOf = (name: string): StateCategory => {
    const category = categories.get(name);
    if (category) return category;
    unmapped.add(name);
    return 'todo';
  };

  const items: TrackerItem[] = [];
  const canceled: { id: string; state: string }[] = [];
  for (const issue of issues) {
    const transitions = [...issue.transitions].sort(byInstant);
    const now = categoryOf(issue.state);
    if (now === 'canceled') {
      canceled.push({ id: issue.id, state: issue.state });
      continue;
    }
    let startedAt: string | null = null;
    let doneAt: string | null = null;
    for (const transition of transitions) {
      const category = categoryOf(transition.to);
      if (startedAt === null && (category === 'inProgress' || category === 'done')) {
        startedAt = transition.at;
      }
      if (category === 'done') doneAt = transition.at;
    }
    if (startedAt === null && (now === 'inProgress' || now === 'done')) startedAt = issue.created;
    if (now === 'done' && doneAt === null) doneAt = issue.created;
    if (now !== 'done') doneAt = null;
    items.push({
      id: issue.id,
      ...(issue.type === undefined ? {} : { type: issue.type }),
      created: dayInTimeZone(issue.created, timeZone),
      started: startedAt === null ? null : dayInTimeZone(startedAt, timeZone),
      done: doneAt === null ? null : dayInTimeZone(doneAt, timeZone),
      state: issue.state,
      transitions,
    });
  }

  const seen = new Set(states.map((state) => state.name));
  const mappedStates: WorkflowState[] = states.map((state) => ({
    name: state.name,
    category: categories.get(state.name) ?? state.category,
  }));
  for (const name of unmapped) {
    if (!seen.has(name)) mappedStates.push({ name, category: 'todo' });
  }
  return { items, states: mappedStates, canceled, unmappedStates: [...unmapped].sort() };
}
