/**
 * Day-by-day series of a list of work items: throughput (daily and weekly from Monday, zeros
 * kept), work in progress at the end of each day, and cumulative flow (arrived / started /
 * done). One pass over the items fills per-day counters; cumulative sums give the rest.
 */
import { isoOfDay, mondayOfDay } from './flow-days';
import { NO_DAY, type FlowRecords } from './flow-items';

export interface DayCount {
  date: string;
  count: number;
}

export interface WeekCount {
  weekStart: string;
  count: number;
}

export interface CfdPoint {
  date: string;
  arrived?: number;
  started: number;
  done: number;
  inProgress: number;
}

export interface FlowSeries {
  daily: DayCount[];
  weekly: WeekCount[];
  dailyMean: number;
  weeklyMean: number;
  /** Days with at least one completion, and the most completions on one day. */
  daysWithCompletions: number;
  maxPerDay: number;
  wip: DayCount[];
  cfd: CfdPoint[];
  /** Bands the CFD has: `arrived` only when the export has created dates. */
  cfdBands: ('arrived' | 'started' | 'done')[];
}

/** Bounds the daily arrays by construction: a stray date in 1901 cannot make them huge. */
export const FLOW_MAX_DAYS = 3660;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Series from `first` (day number) to `last` inclusive. Events before `first` are carried into
 * the cumulative counts; events after `last` are ignored (they had not happened yet).
 */
export function flowSeries(records: FlowRecords, first: number, last: number): FlowSeries {
  const days = Math.max(0, last - first + 1);
  const arrived = new Int32Array(days);
  const started = new Int32Array(days);
  const done = new Int32Array(days);
  let arrivedBefore = 0;
  let startedBefore = 0;
  let doneBefore = 0;
  let hasCreated = false;
  const { created: createdDay, started: startedDay, done: doneDay, excluded } = records;
  for (let i = 0; i < records.length; i++) {
    if (excluded[i] === 1) continue;
    const c = createdDay[i];
    if (c !== NO_DAY) {
      hasCreated = true;
      if (c <= last) {
        if (c < first) arrivedBefore++;
        else arrived[c - first]++;
      }
    }
    const s = startedDay[i];
    if (s !== NO_DAY && s <= last) {
      if (s < first) startedBefore++;
      else started[s - first]++;
    }
    const d = doneDay[i];
    if (d !== NO_DAY && d <= last) {
      if (d < first) doneBefore++;
      else done[d - first]++;
    }
  }

  // Throughput runs from the first completion: weeks before any work finished are not zeros.
  let firstDone = 0;
  while (firstDone < days && done[firstDone] === 0) firstDone++;
  const daily: DayCount[] = [];
  const wip: DayCount[] = new Array<DayCount>(days);
  const cfd: CfdPoint[] = new Array<CfdPoint>(days);
  let a = arrivedBefore;
  let s = startedBefore;
  let d = doneBefore;
  let daysWithCompletions = 0;
  let maxPerDay = 0;
  let doneInRange = 0;
  for (let k = 0; k < days; k++) {
    const date = isoOfDay(first + k);
    a += arrived[k];
    s += started[k];
    d += done[k];
    const c = done[k];
    doneInRange += c;
    if (c > 0) daysWithCompletions++;
    if (c > maxPerDay) maxPerDay = c;
    if (k >= firstDone) daily.push({ date, count: c });
    // Done items without a start date never entered "started": clamp so WIP is not negative.
    const inProgress = Math.max(0, s - d);
    wip[k] = { date, count: inProgress };
    cfd[k] = hasCreated
      ? { date, arrived: a, started: s, done: d, inProgress }
      : { date, started: s, done: d, inProgress };
  }

  const weekly: WeekCount[] = [];
  if (firstDone < days) {
    const firstMonday = mondayOfDay(first + firstDone);
    const weeks = Math.floor((mondayOfDay(last) - firstMonday) / 7) + 1;
    for (let w = 0; w < weeks; w++) {
      weekly.push({ weekStart: isoOfDay(firstMonday + 7 * w), count: 0 });
    }
    for (let k = firstDone; k < days; k++) {
      weekly[Math.floor((first + k - firstMonday) / 7)].count += done[k];
    }
  }
  return {
    daily,
    weekly,
    dailyMean: daily.length === 0 ? 0 : round2(doneInRange / daily.length),
    weeklyMean: weekly.length === 0 ? 0 : round2(doneInRange / weekly.length),
    daysWithCompletions,
    maxPerDay,
    wip,
    cfd,
    cfdBands: hasCreated ? ['arrived', 'started', 'done'] : ['started', 'done'],
  };
}
