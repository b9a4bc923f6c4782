import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HowManyResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { saveTeam } from '../../lib/team-store';
import HowManyPage from './HowManyPage';

async function fill(label: string | RegExp, value: string) {
  const el = screen.getAllByLabelText(label)[0];
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
}

describe('HowManyPage with a calendar', () => {
  it('says how many working days the days off took out of the window', async () => {
    const runner = directRunner();
    renderPage(HowManyPage, runner);
    await fill('Start date', '2027-01-04');
    await userEvent.click(screen.getByText('Calendar: working days and holidays'));
    await userEvent.click(screen.getByLabelText(/Skip weekends, holidays/));
    await fill(/Team days off/, '2027-01-05..2027-01-08 offsite');
    await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));

    const line = await screen.findByTestId('calendar-window');
    const r = runner.calls.at(-1)?.result as HowManyResult;
    // 30 days from Monday Jan 4: 22 weekdays, four of them the offsite.
    expect(r.workingDays).toBe(18);
    expect(line.textContent).toBe(
      'Holidays and days off take 4 working days out of the window (18 of 22 left); P85 counts only those.',
    );
    // A window has no P85 date to move.
    expect(screen.queryByTestId('calendar-moves')).toBeNull();
  });
});

describe('HowManyPage with the team’s saved calendar', () => {
  it('starts from the calendar saved with the current team', async () => {
    await saveTeam({
      name: 'Offsite team',
      sample: false,
      source: 'throughput',
      fileName: null,
      items: [],
      throughput: [4, 5, 6, 5, 4, 6],
      rejected: [],
      settings: { calendar: { blackouts: [{ from: '2027-01-05', to: '2027-01-08' }] } },
    });
    const runner = directRunner();
    renderPage(HowManyPage, runner);
    await fill('Start date', '2027-01-04');
    expect((await screen.findByTestId('calendar-team')).textContent).toBe(
      'The calendar saved with Offsite team.',
    );
    expect((screen.getByLabelText(/Skip weekends, holidays/) as HTMLInputElement).checked).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
    const line = await screen.findByTestId('calendar-window');
    expect(line.textContent).toContain('take 4 working days out of the window (18 of 22 left)');
    const sent = runner.calls.at(-1)?.input as { calendar?: { blackouts?: unknown } };
    expect(sent.calendar?.blackouts).toEqual([{ from: '2027-01-05', to: '2027-01-08' }]);
  });
});
