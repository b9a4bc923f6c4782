import { render } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { RunnerProvider } from '../src/runner/context';
import type { ForecastRunner } from '../src/runner/runner';

export function renderPage(Page: ComponentType, runner: ForecastRunner) {
  return render(
    <RunnerProvider runner={runner}>
      <Suspense fallback={<p>loading</p>}>
        <Page />
      </Suspense>
    </RunnerProvider>,
  );
}
