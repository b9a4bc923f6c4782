import { addDays, type FlowMetricsResult } from '@flow-forecaster/engine';

export interface CountPoint {
  date: string;
  count: number;
}

/**
 * The throughput of the flow window, as the forecast samples it: the weeks (from Monday) that
 * overlap the window and the days inside it, with their means. The engine's series run over
 * all history; a throughput chart over all of it beside a forecast over the window showed two
 * different means for "the team's throughput".
 */
export function windowThroughput(m: FlowMetricsResult): {
  weekly: CountPoint[];
  daily: CountPoint[];
  weeklyMean: number;
  dailyMean: number;
} {
  const { from, to } = m.window;
  const firstWeek = from === null ? '' : addDays(from, -6);
  const weekly = m.throughput.weekly
    .filter((w) => w.weekStart >= firstWeek && w.weekStart <= to)
    .map((w) => ({ date: w.weekStart, count: w.count }));
  const daily = m.throughput.daily.filter((d) => (from === null || d.date >= from) && d.date <= to);
  const mean = (xs: CountPoint[]) =>
    xs.length === 0 ? 0 : xs.reduce((s, x) => s + x.count, 0) / xs.length;
  return { weekly, daily, weeklyMean: mean(weekly), dailyMean: mean(daily) };
}
