import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import {
  costAnalysis,
  deadlineAnalysis,
  dependencyAnalysis,
  forecastHowMany,
  pbcAnalysis,
  accuracyAnalysis,
  backtest,
} from '@flow-forecaster/engine';
import { directRunner } from '../../test/engine-runner';
import { renderPage } from '../../test/render';
import { formatterFor } from '../i18n/format';
import HowManyPage from './how-many/HowManyPage';
import DeadlinePage from './deadline/DeadlinePage';
import CostPage from './cost/CostPage';
import PbcPage from './pbc/PbcPage';
import AccuracyPage from './accuracy/AccuracyPage';
import BacktestPage from './backtest/BacktestPage';
import DependenciesPage from './dependencies/DependenciesPage';

const fmt = formatterFor('en');

/** Renders a page, submits its default form, and returns what the engine got. */
async function runDefault(Page: ComponentType, button: string) {
  const runner = directRunner();
  renderPage(Page, runner);
  await userEvent.click(screen.getByRole('button', { name: button }));
  await screen.findAllByText(/./, { selector: '.kpi__value' });
  expect(runner.calls).toHaveLength(1);
  const { input, result } = runner.calls[0];
  // The page let the engine draw a seed; recomputing with that seed must give the same numbers.
  const seed = (result as { seed?: number }).seed;
  return (seed === undefined ? input : { ...(input as object), seed }) as never;
}

function kpi(label: string): string {
  const el = screen.getAllByText(label, { selector: '.kpi__label' })[0];
  return el.nextElementSibling?.textContent ?? '';
}

/** The line explaining a KPI's term, under it. */
function kpiHelp(label: string): string {
  const el = screen.getAllByText(label, { selector: '.kpi__label' })[0];
  return el.parentElement?.querySelector('.kpi__help')?.textContent ?? '';
}

describe('forecast pages show what the engine computes for their input', () => {
  it('how many: items at 85 % in the headline', async () => {
    const input = await runDefault(HowManyPage, 'Run forecast');
    const r = forecastHowMany(input);
    expect(screen.getByTestId('headline').textContent).toBe(
      `85% chance to finish at least ${fmt.integer(r.itemsAtConfidence['85'])} items in ${r.days} days`,
    );
    expect(kpi('50%')).toBe(fmt.integer(r.itemsAtConfidence['50']));
  });

  it('deadline: the chance to finish by the date, then P85', async () => {
    const input = await runDefault(DeadlinePage, 'Run forecast');
    const r = deadlineAnalysis(input);
    const headline = screen.getByTestId('headline');
    expect(headline.textContent).toContain(
      `${fmt.chance(r.probabilityByDeadline)} chance to finish by ${fmt.date(r.deadlineDate)}`,
    );
    expect(headline.className).toContain(
      r.probabilityByDeadline >= r.whatItWouldTake.confidence ? 'good' : 'bad',
    );
    expect(screen.getByTestId('can-meet').textContent).toContain(r.canMeet ? 'yes' : 'no');
    expect(kpi('P85')).toBe(`${fmt.number(r.p85Weeks)} weeks`);
    expect(screen.getByTestId('latest-start').textContent).toBe(
      `Latest start that still makes the deadline: ${fmt.date(r.whatItWouldTake.latestStart!)}`,
    );
  });

  it('cost: P85 in the reader’s currency (USD in English), by the duration model', async () => {
    const input = await runDefault(CostPage, 'Run forecast');
    const r = costAnalysis(input);
    expect((input as { currency?: string }).currency).toBe('USD');
    expect(kpi('P85')).toBe(fmt.money(r.percentile_stats.p85, 'USD'));
    expect(r.model).toBe('duration');
    expect(screen.getByTestId('cost-model').textContent).toContain('Time to finish × team');
    expect(await screen.findByTestId('cost-chart')).toBeTruthy();
  });

  it('cost: every field matters, and the per-item model sends only its own fields', async () => {
    const runner = directRunner();
    renderPage(CostPage, runner);
    const run = () => userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
    await run();
    await screen.findAllByText(/./, { selector: '.kpi__value' });
    const p85 = () => kpi('P85');
    const first = p85();
    const team = screen.getByLabelText('Team size (empty: one person)');
    await userEvent.clear(team);
    await userEvent.type(team, '2');
    await run();
    await screen.findByText(/2 people/);
    expect(p85()).not.toBe(first);
    await userEvent.selectOptions(screen.getByLabelText('Cost model'), 'per-item');
    expect(screen.queryByLabelText('Team size (empty: one person)')).toBeNull();
    await run();
    await screen.findByText('Sum of independent three-point (PERT) costs per item.');
    const body = runner.calls[runner.calls.length - 1].input as Record<string, unknown>;
    expect(body.model).toBe('per-item');
    expect(body.teamSize).toBeUndefined();
    expect(body.tpSamples).toBeUndefined();
  });

  it('dependencies: the chance that all arrive on time', async () => {
    const input = await runDefault(DependenciesPage, 'Run forecast');
    // Every page with a table has a CSV export.
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();
    const r = dependencyAnalysis(input);
    expect(screen.getByText(fmt.chance(r.onTimeProbability), { selector: 'strong' })).toBeTruthy();
    expect(r.onTimeProbability).toBeCloseTo(0.49, 10);
    // The risk score says what it is made of and where its levels start.
    expect(kpiHelp('Risk score')).toContain('chance of a delay (40%)');
    expect(kpiHelp('Risk score')).toContain('critical from 75');
  });

  it('process behaviour: limits and score', async () => {
    const input = await runDefault(PbcPage, 'Draw chart');
    const r = pbcAnalysis(input);
    expect(kpi('UNPL')).toBe(fmt.number(r.unpl, 2));
    expect(kpi('Predictability score')).toBe(fmt.integer(r.score));
    expect(kpiHelp('Predictability score')).toContain('100 means no signal was found');
    expect(await screen.findByTestId('xmr-chart')).toBeTruthy();
    // The moving-range chart beside it: one range per point after the first, under its limit.
    const mr = await screen.findByTestId('mr-chart');
    expect(mr.querySelectorAll('circle')).toHaveLength(r.points.length - 1);
    expect(mr.textContent).toContain(`Moving range limit ${fmt.number(r.urlMovingRange, 2)}`);
    // A predictable process's score is good news, coloured as such.
    const score = screen.getAllByText('Predictability score', { selector: '.kpi__label' })[0];
    expect(score.parentElement?.className).toContain(r.predictable ? 'kpi--good' : 'kpi--bad');
  });

  it('accuracy: the reference pairs give MAE 0.8 and excellent quality', async () => {
    const input = await runDefault(AccuracyPage, 'Compare');
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();
    const r = accuracyAnalysis(input);
    expect(kpi('MAE')).toBe('0.8');
    expect(r.quality).toBe('excellent');
    expect(screen.getByText('Excellent')).toBeTruthy();
    // Headline: actuals on or before the forecast, with the number of pairs.
    expect(screen.getByTestId('headline').textContent).toBe(
      `${r.onOrBefore} of 5 actuals on or before the forecast (${fmt.number(r.onOrBeforeRate, 0)}%)`,
    );
  });

  it('backtest: calibration table per level', async () => {
    const input = await runDefault(BacktestPage, 'Run forecast');
    const r = backtest(input);
    const rows = screen.getByTestId('calibration-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(r.calibration.levels.length);
    // One number of folds: the tile says what the table's rows say.
    expect(kpi('Folds')).toBe(fmt.integer(r.calibration.folds));
    for (const row of rows)
      expect(row.children[5].textContent).toBe(fmt.integer(r.calibration.folds));
    const headline = screen.getByTestId('headline').textContent ?? '';
    if (r.calibration.verdictLevel === null) expect(headline).not.toMatch(/ at P\d/);
    else expect(headline).toContain(`at P${r.calibration.verdictLevel}`);
    expect(r.calibration.levels.every((l) => l.verdict === 'calibrated')).toBe(
      r.calibration.verdict === 'calibrated',
    );
  });
});
