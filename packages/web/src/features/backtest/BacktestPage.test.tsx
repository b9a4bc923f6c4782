/**
 * Trust rules, consistency: a backtest's folds are one set. The walk-through's example (8 folds
 * scored against real completion, 4 left out because the history after them never reached the
 * backlog) showed "Observed 100 %" in the calibration beside a 75 % hit rate in the errors table,
 * which counted 12 folds against the original's backlog / test-window mean.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { BacktestResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { changeLanguage } from '../../i18n';
import { ptBR } from '../../i18n/locales/pt-BR';
import { es } from '../../i18n/locales/es';
import BacktestPage from './BacktestPage';

const TP = '3, 5, 4, 6, 2, 5, 4, 3, 7, 4, 5, 3, 6, 4, 2, 5, 4, 6, 3, 5';

async function fill(label: string | RegExp, value: string) {
  const el = screen.getAllByLabelText(label)[0];
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
}

afterEach(async () => {
  await changeLanguage('en');
});

describe('backtest: one set of folds on the page', () => {
  it('scores the errors table on the calibration’s folds, so its hit rate is the observed one', async () => {
    const runner = directRunner();
    renderPage(BacktestPage, runner);
    await fill('Items finished per week', TP);
    await fill('Backlog to forecast', '20');
    await fill('Number of runs', '300');
    await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
    const calibration = await screen.findByTestId('calibration-table');
    const r = runner.calls[0].result as BacktestResult;
    // The example has folds left out of the calibration: the two sets differ in the engine.
    expect(r.calibration.skippedFolds).toBeGreaterThan(0);
    const observed = [...calibration.querySelectorAll('tbody tr')].map((row) => [
      row.children[0].textContent,
      row.children[2].textContent,
    ]);
    const metrics = screen.getByTestId('metrics-table');
    const hit = [...metrics.querySelectorAll('tbody tr')].map((row) => [
      row.children[0].textContent,
      row.children[5].textContent,
    ]);
    for (const [level, rate] of observed) expect(hit).toContainEqual([level, rate]);
    // The table says which folds it scores: the same count as the tile.
    expect(screen.getByTestId('metrics-desc').textContent).toContain(
      `${r.calibration.folds} folds`,
    );
  });

  it('calls a fold by one word in each language, in the table and the warnings', () => {
    const words = (bundle: typeof ptBR, term: RegExp) =>
      JSON.stringify([bundle.backtest, bundle.engineWarnings, bundle.csvExport]).match(term) ?? [];
    // Portuguese: "rodada", never "janela" for a fold (a training window stays a "janela").
    expect(ptBR.backtest.folds).toBe('Rodadas');
    expect(ptBR.csvExport.fold).toBe('Rodada');
    expect(words(ptBR, /\{\{folds\}\} janelas?/g)).toEqual([]);
    expect(es.backtest.folds).toBe('Rondas');
    expect(es.csvExport.fold).toBe('Ronda');
    expect(words(es, /\{\{folds\}\} ventanas?/g)).toEqual([]);
  });
});
