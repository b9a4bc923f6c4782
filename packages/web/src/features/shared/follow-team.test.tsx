import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { csvTeam, savedTeams } from '../../../test/teams';
import { updateTeam } from '../../lib/team-store';
import WhenPage from '../when/WhenPage';
import { pickWeeks, teamWeeks } from './team-window';
import { registerTeamDataTranslations } from './team-i18n';

registerTeamDataTranslations();

const samples = () => screen.getByLabelText<HTMLTextAreaElement>('Items finished per week');

describe('a forecast form follows the current team', () => {
  const save = savedTeams();

  it('takes the team’s weeks of the chosen window, and a new window re-marks the result', async () => {
    // 30 weeks from Monday 2025-01-06, busier after week 10: the windows differ.
    const team = await save(csvTeam(210));
    const weeks = teamWeeks(team)!;
    const last = (n: number) => pickWeeks(weeks, { weeks: n }, team.name).used.join(', ');
    const runner = directRunner();
    renderPage(WhenPage, runner);
    // No example numbers under a select that says "last 12 weeks".
    await waitFor(() => expect(samples().value).toBe(last(12)));
    expect(screen.getAllByTestId('tp-window')).toHaveLength(1);
    expect(screen.getByTestId('tp-window').textContent).toContain('last 12 weeks');

    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    await screen.findByTestId('when-results');
    expect(screen.queryByTestId('stale-notice')).toBeNull();

    await userEvent.selectOptions(screen.getByTestId('team-window'), '26');
    await waitFor(() => expect(samples().value).toBe(last(26)));
    expect(last(26)).not.toBe(last(12));
    // Every "last N weeks" line of the form agrees, said once; the result is out of date.
    expect(screen.getAllByTestId('tp-window')).toHaveLength(1);
    expect(screen.getByTestId('tp-window').textContent).toContain('last 26 weeks');
    expect(screen.queryByTestId('team-throughput-applied')).toBeNull();
    expect(screen.getByTestId('stale-notice').textContent).toMatch(/inputs changed/);
  });

  it('leaves weeks typed by hand alone when the window changes elsewhere, and a window picked here replaces them', async () => {
    const team = await save({
      name: 'Payments',
      sample: false,
      source: 'throughput',
      fileName: null,
      items: [],
      throughput: [3, 4, 5, 6, 7, 8, 9, 10, 3, 4, 5, 6, 7, 8, 9, 10, 3, 4, 5, 6],
      rejected: [],
    });
    renderPage(WhenPage, directRunner());
    await waitFor(() => expect(screen.queryByTestId('tp-window')).not.toBeNull());
    const select = () => screen.getByTestId<HTMLSelectElement>('team-window');
    expect(select().selectedOptions[0].textContent).not.toBe('Custom');
    await userEvent.clear(samples());
    await userEvent.type(samples(), '1, 2, 3');
    // The select no longer names a preset the form is not using.
    await waitFor(() => expect(select().selectedOptions[0].textContent).toBe('Custom'));
    // The Team page (or another tab) changes the team's window: the typed weeks stay.
    await act(() => updateTeam(team.id, { settings: { window: { weeks: 16 } } }));
    expect(samples().value).toBe('1, 2, 3');
    expect(select().selectedOptions[0].textContent).toBe('Custom');
    // Picking a window in this form's own select asks for that window's weeks.
    await userEvent.selectOptions(select(), '8');
    const last8 = pickWeeks(teamWeeks(team)!, { weeks: 8 }, team.name).used.join(', ');
    await waitFor(() => expect(samples().value).toBe(last8));
    expect(select().selectedOptions[0].textContent).toBe('last 8 weeks');
  });

  it('names the example team once in the button, without an "(example data)" suffix', async () => {
    await save({
      name: 'Example team',
      sample: true,
      source: 'throughput',
      fileName: null,
      items: [],
      throughput: [3, 4, 5, 6, 7, 8, 9, 10, 3, 4, 5, 6],
      rejected: [],
    });
    renderPage(WhenPage, directRunner());
    const button = await screen.findByRole('button', { name: /throughput/ });
    expect(button.textContent).toBe('Use Example team’s throughput');
  });
});
