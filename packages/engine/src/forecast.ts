/**
 * One entry point for every forecast kind, so the server, the worker pool, the CLI and the
 * browser all run forecasts the same way: `runForecast(kind, input, opts)`.
 */
import type {
  AccuracyInput,
  BacktestInput,
  CostInput,
  DeadlineInput,
  DependencyAnalysisInput,
  HistoryInput,
  HowManyInput,
  PbcInput,
  RiskSummaryInput,
  SimulateInput,
  WhenInput,
} from './inputs';
import { simulate, type SimulateOptions } from './simulate';
import type { SimulationResult } from './aggregate';
import { forecastWhen, type WhenResult } from './when';
import { forecastHowMany, type HowManyResult } from './how-many';
import { deadlineAnalysis, type DeadlineResult } from './deadline';
import { costAnalysis, type CostResult } from './cost';
import { riskSummary, type RiskSummaryResult } from './risk-summary';
import { dependencyAnalysis, type DependencyAnalysisResult } from './dependencies';
import { accuracyAnalysis, type AccuracyResult } from './accuracy';
import { pbcAnalysis, type PbcResult } from './pbc';
import { historyFromItems, type HistoryResult } from './history';
import { backtest, type BacktestResult } from './backtest';
import { forecastDelivery, type DeliveryInput, type DeliveryResult } from './delivery';
import { flowAnalysis, type FlowInput, type FlowResult } from './flow-kind';
import { EngineInputError, abortError } from './errors';

export type ForecastKind =
  | 'simulate'
  | 'when'
  | 'how-many'
  | 'deadline'
  | 'cost'
  | 'risks'
  | 'dependencies'
  | 'backtest'
  | 'accuracy'
  | 'pbc'
  | 'history'
  | 'delivery'
  | 'flow';

export const FORECAST_KINDS: readonly ForecastKind[] = [
  'simulate',
  'when',
  'how-many',
  'deadline',
  'cost',
  'risks',
  'dependencies',
  'backtest',
  'accuracy',
  'pbc',
  'history',
  'delivery',
  'flow',
];

export interface ForecastInputs {
  simulate: SimulateInput;
  when: WhenInput;
  'how-many': HowManyInput;
  deadline: DeadlineInput;
  cost: CostInput;
  risks: RiskSummaryInput;
  dependencies: DependencyAnalysisInput;
  backtest: BacktestInput;
  accuracy: AccuracyInput;
  pbc: PbcInput;
  history: HistoryInput;
  delivery: DeliveryInput;
  flow: FlowInput;
}

export interface ForecastResults {
  simulate: SimulationResult;
  when: WhenResult;
  'how-many': HowManyResult;
  deadline: DeadlineResult;
  cost: CostResult;
  risks: RiskSummaryResult;
  dependencies: DependencyAnalysisResult;
  backtest: BacktestResult;
  accuracy: AccuracyResult;
  pbc: PbcResult;
  history: HistoryResult;
  delivery: DeliveryResult;
  flow: FlowResult;
}

export type ForecastOptions = SimulateOptions;

type Runner<K extends ForecastKind> = (
  input: ForecastInputs[K],
  opts: ForecastOptions,
) => ForecastResults[K];

const RUNNERS: { [K in ForecastKind]: Runner<K> } = {
  simulate: (input, opts) => simulate(input, opts),
  when: (input, opts) => forecastWhen(input, opts),
  'how-many': (input, opts) => forecastHowMany(input, opts),
  deadline: (input, opts) => deadlineAnalysis(input, opts),
  cost: (input) => costAnalysis(input),
  risks: (input) => riskSummary(input),
  dependencies: (input) => dependencyAnalysis(input),
  backtest: (input, opts) => backtest(input, opts),
  accuracy: (input) => accuracyAnalysis(input),
  pbc: (input) => pbcAnalysis(input),
  history: (input) => historyFromItems(input),
  delivery: (input) => forecastDelivery(input),
  flow: (input) => flowAnalysis(input),
};

export function isForecastKind(kind: unknown): kind is ForecastKind {
  return typeof kind === 'string' && (FORECAST_KINDS as readonly string[]).includes(kind);
}

/**
 * Runs a forecast of `kind`. Only `simulate` reports progress per batch; the others are fast
 * enough to report 1 when done. An aborted signal throws an Error named `AbortError`.
 */
export function runForecast<K extends ForecastKind>(
  kind: K,
  input: ForecastInputs[K],
  opts: ForecastOptions = {},
): ForecastResults[K] {
  if (!isForecastKind(kind))
    throw new EngineInputError(`unknown forecast kind: ${String(kind)}`, 'kind');
  if (input === null || typeof input !== 'object')
    throw new EngineInputError('the input must be an object');
  if (opts.signal?.aborted) throw abortError();
  const result = (RUNNERS[kind] as Runner<K>)(input, opts);
  if (kind !== 'simulate') opts.onProgress?.(1);
  return result;
}
