import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calendarMove, type DeadlineResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import DeadlinePage from './DeadlinePage';

async function fill(label: string | RegExp, value: string) {
  const el = screen.getAllByLabelText(label)[0];
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
}

describe('DeadlinePage with a calendar', () => {
  it('says how far the days off moved the P85 date, from the same run', async () => {
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await fill('Start date', '2027-01-04');
    await fill('Deadline', '2027-03-29');
    await userEvent.click(screen.getByText('Calendar: working days and holidays'));
    await userEvent.click(screen.getByLabelText(/Skip weekends, holidays/));
    await fill(/Team days off/, '2027-01-05..2027-01-08 offsite');
    await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));

    const note = await screen.findByTestId('calendar-note');
    const r = runner.calls.at(-1)?.result as DeadlineResult;
    const p85 = r.completionDates.p85;
    expect(p85).toBeTruthy();
    const move = calendarMove(r.calendar!, p85!);
    // Four blackout weekdays, all before the P85 date.
    expect(move?.workingDays).toBe(4);
    const line = within(note).getByTestId('calendar-moves').textContent ?? '';
    expect(line).toMatch(/^Holidays and days off move P85 by 4 working days: /);
    // The line ends on the P85 date the table shows: one date, not a second run's.
    const [, to] = line.split(' → ');
    expect(new Date(`${p85}T00:00:00Z`).getUTCDate()).toBe(Number(/\d+/.exec(to)?.[0]));
  });
});
