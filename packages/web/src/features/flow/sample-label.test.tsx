/** Example data is labelled once: the team's name says what it is, the badge says it is an example. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import TeamPage from './TeamPage';
import ThroughputPage from './ThroughputPage';
import { registerFlowTranslations } from './i18n';

registerFlowTranslations();

const times = (text: string | null, label: string) => (text ?? '').split(label).length - 1;

describe('the example team', () => {
  it('shows "Example data" once beside its name on the team page and the flow pages', async () => {
    const shown = renderPage(TeamPage, directRunner());
    await userEvent.click(screen.getByRole('button', { name: 'Try with example data' }));
    const summary = await screen.findByTestId('team-summary', {}, { timeout: 10_000 });
    await screen.findAllByTestId('sample-badge');
    expect(times(summary.querySelector('h2')?.textContent ?? null, 'Example data')).toBe(1);
    shown.unmount();
    renderPage(ThroughputPage, directRunner());
    const team = await screen.findByTestId('flow-team');
    expect(times(team.textContent, 'Example data')).toBe(1);
  });
});
