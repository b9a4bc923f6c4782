import type { StateCategory, TrackerIssue, WorkflowState } from '@flow-forecaster/engine';
import type { RetryOptions } from './retry.js';

export interface CommonPullOptions {
  /** Only items updated on or after this day (incremental sync). */
  since?: string;
  /** IANA time zone the days are taken in. */
  timeZone?: string;
  /** The user's overrides of the tracker's state categories. */
  mapping?: Readonly<Record<string, StateCategory>>;
  retry?: RetryOptions;
  /** Stop after this many items: a bound on memory and time whatever the tracker holds. */
  maxItems?: number;
}

/** What each connector hands to the shared rule: its issues and its workflow's states. */
export interface TrackerSnapshot {
  issues: TrackerIssue[];
  states: WorkflowState[];
}

export const DEFAULT_MAX_ITEMS = 200_000;
