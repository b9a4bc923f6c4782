import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { saveTeam, useTeams, type Team } from '../../lib/team-store';
import ThroughputPage from './ThroughputPage';
import { registerFlowTranslations } from './i18n';

registerFlowTranslations();

const DAY = 86_400_000;
/** One item done every day from Monday 2026-03-30 to Friday 2026-04-24 (four weeks). */
const items = Array.from({ length: 26 }, (_, i) => {
  const done = new Date(Date.UTC(2026, 2, 30) + i * DAY).toISOString().slice(0, 10);
  return { id: `T-${i}`, started: done, done };
});

/** Saves a team of `items` (a CSV import) with these settings and opens the throughput page. */
async function openThroughput(name: string, settings: Team['settings']) {
  await saveTeam({
    name,
    sample: false,
    source: 'csv',
    fileName: null,
    items,
    throughput: [],
    rejected: [],
    settings,
  });
  renderPage(ThroughputPage, directRunner());
}

function currentTeam() {
  let out: ReturnType<typeof useTeams>['current'] = null;
  function Probe() {
    out = useTeams().current;
    return null;
  }
  return { Probe, get: () => out };
}

describe('the throughput page on the team’s calendar', () => {
  it('shades the short week and the days off, and saves a changed calendar with the team', async () => {
    await openThroughput('Calendar team', {
      window: 'all',
      calendar: { blackouts: [{ from: '2026-04-07', to: '2026-04-08', note: 'offsite' }] },
    });
    // Weekly: the week of Apr 6 has three working days.
    expect((await screen.findByTestId('flow-short-weeks')).textContent).toBe(
      '1 week has fewer working days than usual (shaded).',
    );
    expect(screen.getAllByTestId('flow-throughput-off')).toHaveLength(1);
    // Daily: weekends and the two offsite days.
    await userEvent.click(screen.getByRole('button', { name: 'Per day' }));
    const weekends = 6;
    await waitFor(() =>
      expect(screen.getAllByTestId('flow-throughput-off')).toHaveLength(weekends + 2),
    );
    // The WIP run chart (days on its axis too) shades the same days.
    const wipOff = screen.getAllByTestId('flow-wip-off');
    expect(wipOff).toHaveLength(weekends + 2);

    // A backwards range is refused beside the field and nothing is saved.
    const probe = currentTeam();
    renderPage(probe.Probe, directRunner());
    const text = screen.getByLabelText(/Team days off/);
    await userEvent.clear(text);
    await userEvent.type(text, '2026-04-10..2026-04-07 offsite');
    await userEvent.click(screen.getByRole('button', { name: 'Save the calendar with the team' }));
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    expect(probe.get()?.settings?.calendar?.blackouts?.[0].to).toBe('2026-04-08');

    await userEvent.clear(text);
    await userEvent.type(text, '2026-04-07..2026-04-10 offsite');
    await userEvent.click(screen.getByRole('button', { name: 'Save the calendar with the team' }));
    await waitFor(() =>
      expect(probe.get()?.settings?.calendar?.blackouts).toEqual([
        { from: '2026-04-07', to: '2026-04-10', note: 'offsite' },
      ]),
    );
    expect(probe.get()?.settings?.window).toBe('all');
    await waitFor(() =>
      expect(screen.getAllByTestId('flow-throughput-off')).toHaveLength(weekends + 4),
    );
  });

  it('counts the short weeks of the window shown, not of all history', async () => {
    // The short week (offsite, week of Apr 6) is before the last two weeks shown.
    await openThroughput('Window team', {
      window: { weeks: 2 },
      calendar: { blackouts: [{ from: '2026-04-07', to: '2026-04-08', note: 'offsite' }] },
    });
    expect((await screen.findByTestId('flow-short-weeks')).textContent).toBe(
      '1 week in all history has fewer working days than usual; none in the weeks shown.',
    );
    expect(screen.queryAllByTestId('flow-throughput-off')).toHaveLength(0);
  });

  it('keeps a team’s working weekdays, and saves the ones the user picks', async () => {
    await openThroughput('Four-day team', {
      window: 'all',
      calendar: { workingDays: [1, 2, 3, 4] },
    });
    const probe = currentTeam();
    renderPage(probe.Probe, directRunner());
    const friday = await screen.findByLabelText('Friday');
    expect((friday as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Thursday') as HTMLInputElement).checked).toBe(true);
    // Saving the calendar again (a day off added) keeps its four-day week.
    await userEvent.type(screen.getByLabelText(/Team days off/), '2026-04-07 dentist');
    await userEvent.click(screen.getByRole('button', { name: 'Save the calendar with the team' }));
    await waitFor(() => expect(probe.get()?.settings?.calendar?.blackouts).toHaveLength(1));
    expect(probe.get()?.settings?.calendar?.workingDays).toEqual([1, 2, 3, 4]);
    // Thursdays off too: saved as Monday to Wednesday.
    await userEvent.click(screen.getByLabelText('Thursday'));
    await userEvent.click(screen.getByRole('button', { name: 'Save the calendar with the team' }));
    await waitFor(() => expect(probe.get()?.settings?.calendar?.workingDays).toEqual([1, 2, 3]));
  });
});
