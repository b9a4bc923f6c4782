import type { StateCategory, TrackerIssue, WorkflowState } from '@flow-forecaster/engine';
import type { RetryOptions } from './retry.js';
import type { NetworkGuard } from './network.js';

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
  /**
   * Connect only to public addresses (a server syncing URLs its users typed): the tracker's
   * host and every address a request or redirect connects to, checked at connect time.
   */
  publicOnly?: boolean;
  /** Set by pull() when `publicOnly`: what the tracker's client connects through. */
  network?: NetworkGuard;
}

/** What each connector hands to the shared rule: its issues and its workflow's states. */
export interface TrackerSnapshot {
  issues: TrackerIssue[];
  states: WorkflowState[];
}

export const DEFAULT_MAX_ITEMS = 200_000;
