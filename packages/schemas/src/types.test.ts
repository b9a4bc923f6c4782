import { describe, expectTypeOf, it } from 'vitest';
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
} from '@flow-forecaster/engine';
import type { RequestInput } from './requests';

// Compile-time guard (tsc checks test files too): if an engine input type changes, the
// schema whose output no longer fits it fails the typecheck, not a user at run time.
describe('schema outputs fit the engine inputs', () => {
  it('each kind', () => {
    expectTypeOf<RequestInput<'simulate'>>().toExtend<SimulateInput>();
    expectTypeOf<RequestInput<'when'>>().toExtend<WhenInput>();
    expectTypeOf<RequestInput<'how-many'>>().toExtend<HowManyInput>();
    expectTypeOf<RequestInput<'deadline'>>().toExtend<DeadlineInput>();
    expectTypeOf<RequestInput<'cost'>>().toExtend<CostInput>();
    expectTypeOf<RequestInput<'risks'>>().toExtend<RiskSummaryInput>();
    expectTypeOf<RequestInput<'dependencies'>>().toExtend<DependencyAnalysisInput>();
    expectTypeOf<RequestInput<'backtest'>>().toExtend<BacktestInput>();
    expectTypeOf<RequestInput<'accuracy'>>().toExtend<AccuracyInput>();
    expectTypeOf<RequestInput<'pbc'>>().toExtend<PbcInput>();
    expectTypeOf<RequestInput<'history'>>().toExtend<HistoryInput>();
  });
});
