/** Issue 14: on the Deadline page a value at the cap (runs stopped at maxWeeks) is never a percent. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeadlineResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { fill, fillStalledTeam } from '../../../test/form';
import { renderPage } from '../../../test/render';
import DeadlinePage from './DeadlinePage';

describe('deadline page at the cap', () => {
  it('says the time used at P85 is beyond the horizon, not "> 6,500 %"', async () => {
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await fillStalledTeam();
    await fill('Deadline', '2027-03-01');
    await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
    const results = await screen.findByTestId('deadline-results');
    const r = runner.calls[0].result as DeadlineResult;
    expect(r.beyondMaxWeeks.p85).toBe(true);
    expect(r.deadlineCompletionPctRaw).toBeGreaterThan(1000);
    const card = within(results).getByText('Time used (P85, uncapped)').parentElement;
    const value = card?.querySelector('.kpi__value')?.textContent ?? '';
    expect(value).toBe('> 10 years');
    expect(value).not.toMatch(/%/);
    expect(results.textContent).not.toMatch(/\d{1,3}(,\d{3})+(\.\d)?\s?%/);
  });
});

describe('deadline page, an impossible deadline', () => {
  it('says a small scope that fits is "< 1%", never 0 % beside "5 of 2,000 items"', async () => {
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await fill('Items finished per week', '0, 0, 1');
    await fill('Items in the backlog', '2000');
    await fill('Start date', '2027-01-04');
    await fill('Deadline', '2027-03-15');
    await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
    const results = await screen.findByTestId('deadline-results');
    const r = runner.calls[0].result as DeadlineResult;
    expect(r.scopeByDeadlineP85).toBeGreaterThan(0);
    expect(r.scopeByDeadlinePctP85).toBeLessThan(0.5);
    const card = within(results).getByText('Scope done by the deadline (P85)').parentElement;
    expect(card?.querySelector('.kpi__value')?.textContent).toBe('< 1%');
  });
});
