import type { CalendarInput, Resolution } from './calendar';
/**
 * Inputs of every forecast kind, as the engine receives them after validation.
 *
 * Field names follow the original Flow Forecaster API (camelCase), so a request body that an
 * existing script sends maps onto these types one to one. Validation (ranges, aliases such as
 * `historical_team_size`, date formats) happens at the edge in `@flow-forecaster/schemas`;
 * the engine assumes valid input and only guards against hangs (e.g. `maxWeeks`).
 *
 * Dates are ISO `YYYY-MM-DD` strings by the time they reach the engine.
 */

/** Which distribution one simulated week's throughput is drawn from. */
export type ThroughputModel = 'weibull' | 'bootstrap' | 'estimate';

/** A risk that may add items to the backlog. */
export interface RiskInput {
  /** ≥ 1 is a percent (so 1 means 1 %), below 1 a fraction. */
  likelihood: number;
  lowImpact: number;
  /** Mode of the triangular impact; defaults to the mid-point of low and high. */
  mediumImpact?: number;
  highImpact: number;
  description?: string;
}

/** Work of another team that this project waits for. */
export interface DependencyInput {
  name?: string;
  /** Probability (0–1) that it arrives on time; default 0.7. */
  onTimeProbability?: number;
  /** Expected delay in days when late; default 7. */
  expectedDelayDays?: number;
  /** Observed delays in days; when given, a late run draws from these. */
  delaySamples?: number[];
}

/** How dependency delays combine in one run. */
export type DependencyMode = 'sum' | 'max';

/** Common to every stochastic forecast. */
export interface SeededInput {
  /** Unsigned 32-bit seed. Drawn when absent and returned in the result. */
  seed?: number;
}

/** Throughput history or a three-point estimate, shared by all throughput-driven forecasts. */
export interface ThroughputInput {
  /** Items finished per week. */
  tpSamples?: number[];
  /** Default `weibull`; `estimate` needs pBest/pLikely/pWorst. */
  throughputModel?: ThroughputModel;
  /** Three-point weekly throughput estimate (any order; sorted so low ≤ mode ≤ high). */
  pBest?: number;
  pLikely?: number;
  pWorst?: number;
  /**
   * Where `tpSamples` came from, when a team's history was sampled (issue 15): carried with
   * the forecast so a saved forecast or a share link shows the same window. Never read by the
   * simulation.
   */
  historyWindow?: HistoryWindowNote;
}

/** The history window a forecast's weekly throughput was taken from. */
export interface HistoryWindowNote {
  team?: string;
  /** `all`, the last N weeks, or a date range (weeks from Monday overlapping it). */
  window: 'all' | { weeks: number } | { from: string; to: string };
  /** True when the window was the one the team's own history calibrates best. */
  auto?: boolean;
  reason?: string;
  /** First and last week (Mondays) taken, when the history has dates. */
  from?: string;
  to?: string;
  weeks: number;
}

/** `POST /api/simulate`: the full team simulation ("when will it be done?"). */
export interface SimulateInput extends ThroughputInput, SeededInput {
  numberOfTasks: number;
  /** Both positive: the backlog is a uniform integer between them. */
  backlogAdjustedMin?: number;
  backlogAdjustedMax?: number;
  ltSamples?: number[];
  splitRateSamples?: number[];
  risks?: RiskInput[];
  dependencies?: DependencyInput[];
  dependencyMode?: DependencyMode;
  /** Team size the history was measured with (also the default historical team size). */
  totalContributors?: number;
  minContributors?: number;
  maxContributors?: number;
  /** 0–50, percent of the project spent ramping up (and down). */
  sCurveSize?: number;
  /** Fraction of the team's time on this project, in (0, 1]. Default 1. */
  teamFocus?: number;
  /** Defaults to totalContributors, else maxContributors, else 1. */
  historicalTeamSize?: number;
  /** Default 10,000. */
  numberOfSimulations?: number;
  /** Guard against endless runs; default 520. */
  maxWeeks?: number;
  startDate?: string;
  /**
   * Working calendar: dates count working days, a week of work being as many working days as
   * the calendar's working weekdays (needs startDate).
   */
  calendar?: CalendarInput;
  /** 0–1; which percentile the summary sentence headlines (default 0.85). */
  confidence?: number;
  /** Return raw runs (at most the first 100 burn-downs). */
  includeRuns?: boolean;
  /** Optional cost per person-week for the effort → cost line. */
  costPerPersonWeek?: number;
  currency?: string;
}

/** `POST /api/forecast-how-many`: items finished by a date. */
export interface HowManyInput extends ThroughputInput, SeededInput {
  /** Either days, or startDate + endDate. */
  days?: number;
  startDate?: string;
  endDate?: string;
  teamFocus?: number;
  numberOfSimulations?: number;
  /** `day`: tpSamples are items per working day, summed over the window's working days. */
  resolution?: Resolution;
  /** Working calendar over the window from startDate (weekly model: short weeks thinned). */
  calendar?: CalendarInput;
}

/** `POST /api/forecast-when` and `/api/mc-throughput`: weeks to finish N items. */
export interface WhenInput extends ThroughputInput, SeededInput {
  backlog: number;
  startDate?: string;
  teamFocus?: number;
  numberOfSimulations?: number;
  /** The original's name for numberOfSimulations on this endpoint. */
  nSimulations?: number;
  maxWeeks?: number;
  /** `day`: tpSamples are items per working day and runs step over working days. */
  resolution?: Resolution;
  /** Working days, holidays (resolved to dates) and blackouts; needs startDate. */
  calendar?: CalendarInput;
}

/** `POST /api/deadline-analysis`. */
export interface DeadlineInput extends ThroughputInput, SeededInput {
  backlog: number;
  startDate: string;
  deadlineDate: string;
  /** Working calendar: short weeks thinned (as `when`), dates on working days. */
  calendar?: CalendarInput;
  teamFocus?: number;
  minContributors?: number;
  maxContributors?: number;
  costPerPersonWeek?: number;
  currency?: string;
  numberOfSimulations?: number;
  /** The confidence (0–1) "what it would take" is figured at; default 0.85. */
  confidence?: number;
}

/**
 * `POST /api/cost-analysis`. `model` "duration": the simulated weeks to finish the backlog
 * (from `tpSamples`) × team size × `costPerPersonWeek`, the deadline page's cost model;
 * "per-item": PERT-Beta cost per item (optimistic/mostLikely/pessimistic). Without `model`,
 * duration when `costPerPersonWeek` is given, else per-item.
 */
export interface CostInput extends SeededInput {
  model?: 'duration' | 'per-item';
  optimistic?: number;
  mostLikely?: number;
  pessimistic?: number;
  backlog: number;
  nSimulations?: number;
  /** Duration model: the weekly throughput history. Per-item, with teamSize: the efficiency factor. */
  tpSamples?: number[];
  throughputModel?: ThroughputModel;
  /** People on the team; duration model default 1 ("for one person"). */
  teamSize?: number;
  /** Duration model: what one person-week costs. */
  costPerPersonWeek?: number;
  budget?: number;
  currency?: string;
}

/** `POST /api/risk-summary`. */
export interface RiskSummaryInput {
  risks: RiskInput[];
}

/** `POST /api/dependency-analysis`. */
export interface DependencyAnalysisInput extends SeededInput {
  dependencies: DependencyInput[];
  mode?: DependencyMode;
  nSimulations?: number;
}

export type BacktestMethod = 'walk-forward' | 'expanding';

/** `POST /api/backtest`. */
export interface BacktestInput extends SeededInput {
  tpSamples: number[];
  backlog: number;
  method?: BacktestMethod;
  minTrainSize?: number;
  testSize?: number;
  foldStride?: number;
  /** Percent levels, default [85]; e.g. [50, 85, 95] side by side. */
  confidenceLevels?: number[];
  throughputModel?: ThroughputModel;
  numberOfSimulations?: number;
  /** First day of the history's first week; needed with a calendar. */
  startDate?: string | null;
  /**
   * Working days over the history and each fold's future: folds forecast with the weeks after
   * their training window thinned by the calendar (weekly model), and dates are working days.
   */
  calendar?: CalendarInput;
  /** With a calendar: leave weeks with fewer working days out of the training samples. */
  excludeShortWeeks?: boolean;
}

/** `POST /api/accuracy-analysis`. */
export interface AccuracyInput {
  forecasts: number[];
  actuals: number[];
}

/** `POST /api/pbc-analysis`: XmR process behaviour chart. */
export interface PbcInput {
  values: number[];
  labels?: string[];
}

/** A work item from a tracker export. Dates are ISO date or date-time strings. */
export interface WorkItemInput {
  done?: string | null;
  start?: string | null;
}

/** Derive weekly throughput and lead times from work items. */
export interface HistoryInput {
  items: WorkItemInput[];
  /** Inclusive ISO date range of done dates to count; default the span of the data. */
  from?: string;
  to?: string;
  /**
   * Format of the item dates (`parseDateTime` pattern such as `dd/MMM/yy h:mm a`, or `iso`);
   * default ISO, then Jira's month names, then day-first.
   */
  dateFormat?: string;
  /**
   * Working calendar of the history: marks the weeks with fewer working days and gives the
   * items per working day (`dailyThroughput`).
   */
  calendar?: CalendarInput;
  /** Leave the weeks with fewer working days out of `weeklyThroughput` (default false). */
  excludeShortWeeks?: boolean;
}
