/**
 * `flow` as a forecast kind: one request (items + options) → every flow view at once, plus
 * the history window the team's own weekly throughput calibrates best. The API, the CLI and
 * the web read this one result, so a number cannot differ between them.
 */
import type { FlowItemInput } from './flow-items';
import { flowMetrics, type FlowMetricsOptions, type FlowMetricsResult } from './flow-metrics';
import { chooseHistoryWindow, type HistoryWindowResult } from './flow-window';

export interface FlowInput extends FlowMetricsOptions {
  items: FlowItemInput[];
}

export interface FlowResult extends FlowMetricsResult {
  /** The window a forecast should sample from, chosen by walk-forward calibration. */
  historyWindow: HistoryWindowResult;
}

export function flowAnalysis(input: FlowInput): FlowResult {
  const { items, ...options } = input;
  const metrics = flowMetrics(items, options);
  const historyWindow = chooseHistoryWindow(metrics.throughput.weekly.map((w) => w.count));
  return { ...metrics, historyWindow };
}
