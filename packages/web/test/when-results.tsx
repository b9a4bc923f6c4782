import { render } from '@testing-library/react';
import { Suspense } from 'react';
import { simulate, type SimulateInput } from '@flow-forecaster/engine';
import { WhenResults } from '../src/features/when/WhenResults';

/** Runs `input` in-process and renders its When results, as the page would; returns the run. */
export function showWhenResults(input: SimulateInput) {
  const r = simulate(input);
  render(
    <Suspense fallback={<p>loading</p>}>
      <WhenResults result={r} input={input} />
    </Suspense>,
  );
  return r;
}
