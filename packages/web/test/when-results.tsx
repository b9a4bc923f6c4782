import { render } from '@testing-library/react';
import { Suspense } from 'react';
import { simulate, type SimulateInput } from '@flow-forecaster/engine';
import { WhenResults } from '../src/features/when/WhenResults';

/** Runs the full model on `input` and shows its result as the When page does; returns it. */
export function showWhenResults(input: SimulateInput) {
  const r = simulate(input);
  render(
    <Suspense fallback={<p>loading</p>}>
      <WhenResults result={r} input={input} />
    </Suspense>,
  );
  return r;
}
