/**
 * `flow` as a forecast kind: one request (items + options) → every flow view at once, plus
 * the history window the team's own weekly throughput calibrates best. The API, the CLI and
 * the web read this one result, so a number cannot differ between them.
 */
import { prepareFlowItems, type FlowItemInput, type PreparedFlowItems } from './flow-items';
import {
  flowMetricsAndWindow,
  type FlowMetricsOptions,
  type FlowMetricsResult,
} from './flow-metrics';
import type { HistoryWindowResult } from './flow-window';

export interface FlowInput extends FlowMetricsOptions {
  items: FlowItemInput[];
}

export interface FlowResult extends FlowMetricsResult {
  /** The window a forecast should sample from, chosen by walk-forward calibration. */
  historyWindow: HistoryWindowResult;
}

/** `prepared`: the items already read by `prepareFlowItems(input.items, input)`, if they were. */
export function flowAnalysis(input: FlowInput, prepared?: PreparedFlowItems): FlowResult {
  const { items, ...options } = input;
  prepared ??= prepareFlowItems(items, options);
  const { metrics, historyWindow } = flowMetricsAndWindow(prepared.records, options, prepared);
  return { ...metrics, historyWindow };
}
