import {
  accuracyAnalysis,
  costAnalysis,
  dependencyAnalysis,
  pbcAnalysis,
  riskSummary,
} from '@flow-forecaster/engine';

export interface DispatchOptions {
  onProgress?: (fraction: number) => void;
}

type KindFn = (input: never, options: DispatchOptions) => unknown;

// Until the engine's own `runForecast` dispatcher lands, the kinds available so far.
const kinds: Record<string, KindFn> = {
  cost: (input) => costAnalysis(input),
  risks: (input) => riskSummary(input),
  dependencies: (input) => dependencyAnalysis(input),
  accuracy: (input) => accuracyAnalysis(input),
  pbc: (input) => pbcAnalysis(input),
};

export function dispatch(kind: string, input: unknown, options: DispatchOptions): unknown {
  const fn = kinds[kind];
  if (!fn) throw new Error(`Unknown forecast kind: ${kind}`);
  return fn(input as never, options);
}
