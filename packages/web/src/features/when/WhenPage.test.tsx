import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import WhenPage from './WhenPage';

async function fill(label: string | RegExp, value: string) {
  const el = screen.getByLabelText(label);
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
  return el;
}

describe('WhenPage', () => {
  it('runs the team simulation and leads with the P85 sentence, histogram and table', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    await fill('Start date', '2027-01-04');
    await userEvent.click(screen.getByText('Runs and seed'));
    await fill('Seed', '42');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));

    const results = await screen.findByTestId('when-results');
    expect(runner.calls).toHaveLength(1);
    const { input } = runner.calls[0] as { input: Parameters<typeof simulate>[0] };
    expect(input).toMatchObject({ numberOfTasks: 50, seed: 42, startDate: '2027-01-04' });
    // The page shows what the engine computes for the same input and seed.
    const expected: SimulationResult = simulate(input);
    const headline = within(results).getByTestId('headline').textContent ?? '';
    expect(headline).toContain(`85% chance to finish within ${expected.headline.weeks} weeks`);
    expect(headline).toMatch(/by \w+ \d+, 2027/);
    const table = within(results).getByTestId('probability-table');
    const row85 = within(table)
      .getAllByRole('row')
      .find((r) => r.className.includes('highlight'));
    const row = expected.resultsTable.find((r) => r.Likelihood === 85)!;
    expect(within(row85!).getAllByRole('cell')[1].textContent).toBe(String(row.Duration));
    // No 100 % row (the single worst run reads as certainty), no 0 % row, and no items column
    // when every row has the same items (no split rate).
    const likelihoods = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => tr.querySelector('td')?.textContent);
    expect(likelihoods[0]).toBe('95%');
    expect(likelihoods.at(-1)).toBe('5%');
    expect(within(table).queryByRole('columnheader', { name: 'Items' })).toBeNull();
    expect(await within(results).findByTestId('histogram')).toBeTruthy();
  });

  it('shows a bad sample beside its field and sends nothing', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    const tp = await fill('Items finished per week', '5, 6, seven');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    expect(await screen.findByText('“seven” is not a number.')).toBeTruthy();
    expect(tp.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(tp);
    expect(runner.calls).toHaveLength(0);
  });

  it('reports schema limits (focus above 100 %) next to the field, translated', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    await userEvent.click(screen.getByText('Team'));
    const focus = await fill('Focus on this work (%)', '150');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    const error = await screen.findByText('Must be at most 100.');
    expect(focus.getAttribute('aria-describedby')).toContain(error.id);
    expect(runner.calls).toHaveLength(0);
  });

  it('forecasts from a three-point estimate when there is no history', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    await userEvent.selectOptions(
      screen.getByLabelText('Throughput model'),
      'Three-point estimate (no history)',
    );
    expect(screen.queryByLabelText('Items finished per week')).toBeNull();
    await fill('Worst week', '2');
    await fill('Likely week', '5');
    await fill('Best week', '9');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    await screen.findByTestId('when-results');
    expect(runner.calls[0].input).toMatchObject({
      throughputModel: 'estimate',
      pWorst: 2,
      pLikely: 5,
      pBest: 9,
      numberOfTasks: 50,
    });
    expect(runner.calls[0].input).not.toHaveProperty('tpSamples');
  });

  it('sends the complexity-widened backlog range', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    await userEvent.selectOptions(screen.getByLabelText('How clear is the scope?'), 'notReally');
    expect(screen.getByText('Simulated backlog: 75 to 100 items.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    await screen.findByTestId('when-results');
    expect(runner.calls[0].input).toMatchObject({
      numberOfTasks: 50,
      backlogAdjustedMin: 75,
      backlogAdjustedMax: 100,
    });
  });
});
