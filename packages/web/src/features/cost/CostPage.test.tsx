import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { csvTeam, savedTeams } from '../../../test/teams';
import { pickWeeks, teamWeeks } from '../shared/team-window';
import { registerTeamDataTranslations } from '../shared/team-i18n';
import CostPage from './CostPage';

registerTeamDataTranslations();

const samples = () => screen.getByLabelText<HTMLInputElement>('Items finished per week');

describe('the cost page follows the current team, as the other forecast pages do', () => {
  const save = savedTeams();

  it('takes the team’s window without a click, names it, and follows a new window', async () => {
    const team = await save(csvTeam(210));
    const weeks = teamWeeks(team)!;
    const last = (n: number) => pickWeeks(weeks, { weeks: n }, team.name).used.join(', ');
    renderPage(CostPage, directRunner());
    await waitFor(() => expect(samples().value).toBe(last(12)));
    expect(screen.getByTestId('tp-window').textContent).toContain('last 12 weeks');
    await userEvent.selectOptions(screen.getByTestId('team-window'), '26');
    await waitFor(() => expect(samples().value).toBe(last(26)));
    expect(screen.getByTestId('tp-window').textContent).toContain('last 26 weeks');
  });
});
