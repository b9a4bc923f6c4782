import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { csvTeam, savedTeams } from '../../../test/teams';
import { pickWeeks, teamWeeks } from '../shared/team-window';
import { registerFlowTranslations } from './i18n';
import ThroughputPage from './ThroughputPage';

registerFlowTranslations();

function kpi(label: string): string {
  const el = screen.getAllByText(label, { selector: '.kpi__label' })[0];
  return el.parentElement?.querySelector('.kpi__value')?.textContent ?? '';
}

describe('the throughput view follows the team window', () => {
  const save = savedTeams();

  it('shows the window’s weeks and mean (the forecast’s), all history beside; the reason only for the recommended window', async () => {
    // 30 weeks from Monday 2025-01-06, busier after week 10, ending on a Friday.
    const team = await save(csvTeam(208));
    const weeks = teamWeeks(team)!;
    const used = pickWeeks(weeks, { weeks: 12 }, team.name).used;
    const mean = used.reduce((a, b) => a + b, 0) / used.length;
    const allMean = weeks.weekly.reduce((a, b) => a + b, 0) / weeks.weekly.length;
    expect(mean.toFixed(2)).not.toBe(String(Math.round(allMean * 100) / 100));
    renderPage(ThroughputPage, directRunner());
    await screen.findByTestId('flow-throughput');
    expect(kpi('Mean per week')).toBe(String(Math.round(mean * 100) / 100));
    expect(kpi('Mean per week, all history')).toBe(String(Math.round(allMean * 100) / 100));
    // Days with completions count the window's days too (every day has one here: at most 12
    // weeks of them), not the 208 of the whole history.
    const days = Number(kpi('Days with completions').replace(/\D/g, ''));
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(12 * 7);
    // A chosen window is not the recommended one: its reason is not shown as this one's.
    expect(screen.queryByTestId('flow-window-reason')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Done items counted'), 'auto');
    await waitFor(() => expect(screen.queryByTestId('flow-window-reason')).not.toBeNull());
  });
});
