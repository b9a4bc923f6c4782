/**
 * Request of the portfolio forecast (spec/portfolio.md): features in priority order, each done
 * by one team or split across teams, and the teams with their own history and feature WIP.
 */
import type { CalendarInput } from './calendar';
import type { RiskInput, SeededInput, SimulateInput } from './inputs';

/** Everything a single forecast takes about a team's throughput, S-curve and focus. */
export type PortfolioTeamThroughput = Pick<
  SimulateInput,
  | 'tpSamples'
  | 'throughputModel'
  | 'pBest'
  | 'pLikely'
  | 'pWorst'
  | 'totalContributors'
  | 'minContributors'
  | 'maxContributors'
  | 'sCurveSize'
  | 'teamFocus'
  | 'historicalTeamSize'
>;

export interface PortfolioTeamInput extends PortfolioTeamThroughput {
  name: string;
  /** How many features the team works on at once (round robin); default 1. */
  featureWip?: number;
}

/** A team's share of a feature, in items (a number or a low–high range). */
export interface PortfolioPartInput {
  team: string;
  size?: number;
  sizeLow?: number;
  sizeHigh?: number;
}

export interface PortfolioFeatureInput {
  name: string;
  /** Items, when one team does the whole feature (`team`). */
  size?: number;
  sizeLow?: number;
  sizeHigh?: number;
  team?: string;
  /** Items per team, when the feature is split across teams. */
  parts?: PortfolioPartInput[];
  splitRateSamples?: number[];
  risks?: RiskInput[];
  targetDate?: string;
  costOfDelayPerWeek?: number;
  /** Features that must be done before this one can start. */
  dependsOn?: string[];
}

export interface PortfolioInput extends SeededInput {
  teams: PortfolioTeamInput[];
  features: PortfolioFeatureInput[];
  startDate?: string;
  /** The portfolio's common target date (the cut line's date for features without their own). */
  targetDate?: string;
  /** 0–1, default 0.85: the cut line's and the latest start's confidence. */
  confidence?: number;
  numberOfSimulations?: number;
  maxWeeks?: number;
  /** Default true: suggest an order by CD3 and re-simulate it (doubles the work). */
  suggestOrder?: boolean;
  currency?: string;
  /** Working days, holidays (already dates) and blackouts; needs startDate. */
  calendar?: CalendarInput;
}
