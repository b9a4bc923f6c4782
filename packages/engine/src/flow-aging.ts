/**
 * Work in progress as of a day: each item's age (`asOf − started + 1` days), the highest
 * cycle-time percentile it has already passed, grouped by workflow state for the aging chart,
 * and the right-sizing counts coaches ask for next (items past P70 / past the SLE).
 */
import { isoOfDay } from './flow-days';
import type { FlowRecord } from './flow-items';
import { percentileKey } from './flow-percentiles';

export interface AgingItem {
  id: string;
  type: string | null;
  /** Workflow state, or `In progress` when the export has none. */
  state: string;
  started: string;
  age: number;
  /** Highest percentile whose days the age is above (`null`: below all). */
  passed: number | null;
  /** Older than the SLE's days. */
  pastSle: boolean;
}

export interface AgingState {
  state: string;
  count: number;
}

export interface RightSizing {
  inProgress: number;
  /** Items older than the P70 and the SLE percentile's days. */
  pastP70: number;
  pastSle: number;
  shareP70: number;
  shareSle: number;
  /** Ids past P70, oldest first. */
  items: string[];
}

export const NO_STATE = 'In progress';

export function agingItems(
  inProgress: readonly FlowRecord[],
  asOf: number,
  percentiles: Readonly<Record<string, number>>,
  percentileList: readonly number[],
  sleDays: number | null,
): AgingItem[] {
  const ascending = [...percentileList].sort((a, b) => a - b);
  const items = inProgress.map((r): AgingItem => {
    const started = r.started ?? asOf;
    const age = asOf - started + 1;
    let passed: number | null = null;
    for (const p of ascending) if (age > percentiles[percentileKey(p)]) passed = p;
    return {
      id: r.id,
      type: r.type,
      state: r.state ?? NO_STATE,
      started: isoOfDay(started),
      age,
      passed,
      pastSle: sleDays !== null && age > sleDays,
    };
  });
  return items.sort((a, b) => b.age - a.age || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function agingStates(items: readonly AgingItem[]): AgingState[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.state, (counts.get(i.state) ?? 0) + 1);
  return [...counts].map(([state, count]) => ({ state, count }));
}

export function rightSizing(
  items: readonly AgingItem[],
  p70Days: number | null,
  sleDays: number | null,
): RightSizing {
  const past70 = p70Days === null ? [] : items.filter((i) => i.age > p70Days);
  const pastSle = sleDays === null ? 0 : items.filter((i) => i.age > sleDays).length;
  const n = items.length;
  const share = (k: number): number => (n === 0 ? 0 : Math.round((k / n) * 1000) / 10);
  return {
    inProgress: n,
    pastP70: past70.length,
    pastSle,
    shareP70: share(past70.length),
    shareSle: share(pastSle),
    items: past70.map((i) => i.id),
  };
}
