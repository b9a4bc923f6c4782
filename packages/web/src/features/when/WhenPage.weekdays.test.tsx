import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import WhenPage from './WhenPage';

async function fill(label: string | RegExp, value: string) {
  const el = screen.getByLabelText(label);
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
  return el;
}

/** Every week delivers 5 items; 10 items from Monday 2027-01-04 on a calendar. */
async function setUp() {
  const runner = directRunner();
  renderPage(WhenPage, runner);
  await fill('Items finished per week', '5, 5, 5, 5');
  await userEvent.selectOptions(screen.getByLabelText('Throughput model'), 'bootstrap');
  await fill('Items in the backlog', '10');
  await fill('Start date', '2027-01-04');
  await userEvent.click(screen.getByText('Calendar: working days and holidays'));
  await userEvent.click(screen.getByLabelText(/Skip weekends, holidays/));
  return runner;
}

const run = () => userEvent.click(screen.getByRole('button', { name: 'Forecast' }));

describe('WhenPage working weekdays', () => {
  it('offers the seven weekdays, Monday to Friday on by default, named in the UI language', async () => {
    await setUp();
    const week = screen.getByTestId('working-days');
    const boxes = within(week).getAllByRole('checkbox');
    expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('a Mon–Thu week is sent, moves the dates later and is named on the result', async () => {
    const runner = await setUp();
    await run();
    await screen.findByTestId('calendar-note');
    const monFri = runner.calls.at(-1)?.result as SimulationResult;
    // The default week is not written into the request (same requests and seeds as before).
    const first = runner.calls.at(-1)?.input as { calendar?: Record<string, unknown> };
    expect(first.calendar).not.toHaveProperty('workingDays');
    // Two weeks of work are 10 working days: Friday 15 January.
    expect(monFri.completionDates?.p85).toBe('2027-01-15');
    expect(screen.queryByTestId('calendar-same-throughput')).toBeNull();

    await userEvent.click(screen.getByLabelText('Friday'));
    await run();
    await waitFor(() =>
      expect(screen.getByTestId('calendar-note').textContent).toContain('Calendar: Mon–Thu'),
    );
    // Same weeks on fewer days: the note says the weekly throughput is taken as unchanged.
    expect(screen.getByTestId('calendar-same-throughput').textContent).toMatch(
      /^Weekly throughput is assumed unchanged/,
    );
    const monThu = runner.calls.at(-1) as { input: { calendar: { workingDays: number[] } } };
    expect(monThu.input.calendar.workingDays).toEqual([1, 2, 3, 4]);
    // 2 weeks × 4 working days = 8 days from Mon 4 Jan, Mon–Thu: Thursday 14 January.
    expect((monThu as { result?: SimulationResult }).result?.completionDates?.p85).toBe(
      '2027-01-14',
    );
  });

  it('with no working day the field says so, nothing runs, and the old result is marked', async () => {
    const runner = await setUp();
    await run();
    await screen.findByTestId('calendar-note');
    expect(runner.calls).toHaveLength(1);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await userEvent.click(screen.getByLabelText(day));
    }
    const error = within(screen.getByTestId('working-days')).getByRole('alert');
    expect(error.textContent).toMatch(/^Choose at least one working day/);
    await run();
    expect(runner.calls).toHaveLength(1);
    expect(screen.getByTestId('stale-notice')).toBeTruthy();
    // The keyboard lands on the field to fix: its first toggle.
    expect(document.activeElement).toBe(screen.getByLabelText('Monday'));
  });

  it("the table's 85 % row shows the headline's date, counted on the calendar", async () => {
    const runner = await setUp();
    await userEvent.click(screen.getByLabelText('Friday'));
    await run();
    await screen.findByTestId('calendar-note');
    const result = runner.calls.at(-1)?.result as SimulationResult;
    // 2 weeks of Mon–Thu from Mon 4 Jan end on Thursday 14 January; plain weeks: Mon 18.
    expect(result.headline.date).toBe('2027-01-14');
    const table = await screen.findByTestId('probability-table');
    const row85 = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryAllByRole('cell')[0]?.textContent === '85%');
    const p85 = within(screen.getByTestId('completion-dates')).getByText(/^P85/).parentElement;
    const dateCell = within(row85 as HTMLElement).getAllByRole('cell')[2].textContent ?? '';
    expect(dateCell).toMatch(/14/);
    expect(p85?.textContent).toContain(dateCell);
  });
});
