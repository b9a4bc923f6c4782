/**
 * The history window on a result panel: the team's window (its reason in the reader's
 * language) or all the weeks given, always those of the run shown, not of the form since.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryWindowNote } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { changeLanguage } from '../../i18n';
import { registerFlowTranslations } from '../flow/i18n';
import HowManyPage from '../how-many/HowManyPage';
import { ResultWindow } from './TeamThroughput';
import { registerTeamDataTranslations } from './team-i18n';

registerFlowTranslations();
registerTeamDataTranslations();

const auto: HistoryWindowNote = {
  team: 'Checkout',
  window: { weeks: 12 },
  auto: true,
  reason: 'last 12 weeks: P85 held in 86% of 40 backtests',
  weeks: 12,
};

const twelve = { tpSamples: Array(12).fill(5) };

describe('the history window on a result', () => {
  afterEach(() => changeLanguage('en'));

  it('names the team’s window and why it was chosen', () => {
    render(<ResultWindow input={{ ...twelve, historyWindow: auto }} />);
    expect(screen.getByTestId('result-window').textContent).toBe(
      'History window: Checkout: last 12 weeks, 12 weeks (chosen from the team’s history: ' +
        'last 12 weeks: P85 held in 86% of 40 backtests)',
    );
  });

  it('gives the reason in the reader’s language', async () => {
    await changeLanguage('pt-BR');
    render(<ResultWindow input={twelve} note={auto} />);
    expect(screen.getByTestId('result-window').textContent).toContain(
      'últimas 12 semanas: o P85 se confirmou em 86% de 40 backtests',
    );
  });

  it('says all the weeks given when they did not come from a team (or no longer match it)', () => {
    render(<ResultWindow input={{ tpSamples: [1, 2, 3] }} note={auto} />);
    expect(screen.getByTestId('result-window').textContent).toBe(
      'History window: all history, 3 weeks',
    );
  });

  it('shows nothing without weeks (a three-point estimate)', () => {
    render(<ResultWindow input={{ pBest: 1, pLikely: 2, pWorst: 3 }} />);
    expect(screen.queryByTestId('result-window')).toBeNull();
  });

  it('describes the run shown, not the form changed since', async () => {
    renderPage(HowManyPage, directRunner());
    const weeks = screen.getByLabelText('Items finished per week');
    await userEvent.clear(weeks);
    await userEvent.type(weeks, '4, 5, 6');
    await userEvent.clear(screen.getByLabelText('Number of runs'));
    await userEvent.type(screen.getByLabelText('Number of runs'), '200');
    await userEvent.click(screen.getByRole('button', { name: /^(Forecast|Run forecast)$/ }));
    const line = await screen.findByTestId('result-window');
    expect(line.textContent).toBe('History window: all history, 3 weeks');
    await userEvent.type(weeks, ', 7');
    await screen.findByTestId('stale-notice');
    expect(screen.getByTestId('result-window').textContent).toBe(
      'History window: all history, 3 weeks',
    );
  });
});
