/** The trust rules in the forms: invalid input says why beside the field and never leaves an unmarked old result. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeadlineResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { fill, fillStalledTeam } from '../../../test/form';
import { renderPage } from '../../../test/render';
import type { ForecastRunner } from '../../runner/runner';
import WhenPage from '../when/WhenPage';
import DeadlinePage from '../deadline/DeadlinePage';
import { formField } from './issues';

const forecast = () =>
  userEvent.click(screen.getByRole('button', { name: /^(Forecast|Run forecast)$/ }));

describe('invalid or changed input and the previous result', () => {
  it('maps list elements to the list’s field', () => {
    expect(formField('tpSamples[1]')).toEqual({ field: 'tpSamples', index: 1 });
    expect(formField('tpSamples.1')).toEqual({ field: 'tpSamples', index: 1 });
    expect(formField('risks.0.likelihood')).toEqual({ field: 'risks.0.likelihood' });
  });

  it('shows why "5, -2, 6" is refused beside the field and marks the old result out of date', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    await forecast();
    await screen.findByTestId('when-results');
    expect(screen.queryByTestId('stale-notice')).toBeNull();
    const tp = await fill('Items finished per week', '5, -2, 6');
    await forecast();
    expect(await screen.findByText('Value 2: Must be at least 0.')).toBeTruthy();
    expect(tp.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('stale-notice').textContent).toMatch(/Out of date: fix the inputs/);
    // Nothing ran: the status beside the button never announces the old result as ready.
    expect(screen.getByTestId('run-status').textContent).toMatch(/Out of date: fix the inputs/);
    expect(runner.calls).toHaveLength(1);
  });

  it('marks the result out of date as soon as an input changes', async () => {
    renderPage(WhenPage, directRunner());
    await forecast();
    await screen.findByTestId('when-results');
    await fill('Items in the backlog', '80');
    expect(screen.getByTestId('stale-notice').textContent).toMatch(/inputs changed/);
    await forecast();
    await screen.findByTestId('when-results');
    expect(screen.queryByTestId('stale-notice')).toBeNull();
  });

  it('lets no out-of-date result be downloaded, shared or saved, and says why on hover', async () => {
    renderPage(WhenPage, directRunner());
    await forecast();
    const results = await screen.findByTestId('when-results');
    await within(results).findByTestId('histogram');
    const downloads = () =>
      within(screen.getByTestId('when-results')).getAllByRole('button', {
        name: /Download|Share|Save|Print|^SVG$|^PNG$/,
      });
    // CSV, JSON, print, and each chart's SVG and PNG.
    expect(downloads().length).toBeGreaterThan(4);
    expect(downloads().every((b) => !(b as HTMLButtonElement).disabled)).toBe(true);
    await fill('Items in the backlog', '80');
    const stale = downloads();
    expect(stale.length).toBeGreaterThan(4);
    for (const b of stale) {
      expect((b as HTMLButtonElement).matches(':disabled')).toBe(true);
      expect(b.closest('[title]')?.getAttribute('title')).toMatch(/Out of date/);
    }
  });

  it('clears the result and shows a server’s 400 beside the field it names', async () => {
    const direct = directRunner();
    let calls = 0;
    const runner: ForecastRunner = async (kind, input, options) => {
      calls++;
      if (calls === 1) return direct(kind, input, options);
      // What the server answers for a list element: {error: {field: 'tpSamples[1]', …}}.
      const err = new Error('tpSamples[1] must be ≥ 0') as Error & { field?: string };
      err.field = 'tpSamples[1]';
      throw err;
    };
    renderPage(WhenPage, runner);
    await forecast();
    await screen.findByTestId('when-results');
    await fill('Items in the backlog', '60');
    await forecast();
    const tp = screen.getByLabelText('Items finished per week');
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('when-results')).toBeNull();
    expect(tp.getAttribute('aria-invalid')).toBe('true');
    const described = (tp.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.some((text) => text.includes('tpSamples[1] must be ≥ 0'))).toBe(true);
  });
});

describe('runs stopped at maxWeeks', () => {
  it('headlines "more than 10 years" instead of a percentile and a date at the cap', async () => {
    renderPage(WhenPage, directRunner());
    await fillStalledTeam();
    await forecast();
    const results = await screen.findByTestId('when-results');
    expect(within(results).getByTestId('headline').textContent).toBe(
      'More than 10 years (none of the 10,000 runs finished)',
    );
    const dates = within(results).getByTestId('completion-dates').textContent ?? '';
    expect(dates).not.toMatch(/20[3-9]\d/);
    expect(dates).toContain('10 years');
    expect(within(results).getAllByText('> 520 weeks').length).toBe(3);
  });
});

describe('the cap in words', () => {
  it('says "1 year" and "10 years" in English, "1 ano" in Portuguese', async () => {
    const { i18next: i18n } = await import('../../i18n');
    expect(i18n.t('when.years', { count: 1, lng: 'en' })).toBe('1 year');
    expect(i18n.t('when.years', { count: 10, lng: 'en' })).toBe('10 years');
    expect(i18n.t('when.years', { count: 1, lng: 'pt-BR' })).toBe('1 ano');
    expect(i18n.t('when.years', { count: 10, lng: 'es' })).toBe('10 años');
  });
});

describe('deadline page', () => {
  it('headlines the chance to finish by the date, the same figure as its table row', async () => {
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await fill('Items finished per week', '5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7');
    await fill('Start date', '2026-01-05');
    await fill('Deadline', '2026-03-02');
    await forecast();
    const results = await screen.findByTestId('deadline-results');
    const r = runner.calls[0].result as DeadlineResult;
    const pct = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(
      r.probabilityByDeadline,
    );
    expect(within(results).getByTestId('headline').textContent).toBe(
      `${pct} chance to finish by March 2, 2026`,
    );
    const row = within(results).getByTestId('deadline-row');
    expect(within(row).getAllByRole('cell')[2].textContent).toBe(pct);
    expect(within(results).getByTestId('what-it-would-take').textContent).toContain(
      `${r.whatItWouldTake.scopeThatFits} of 50 items`,
    );
    // One answer to "how much fits by the deadline": the P85 card is the same runs' items.
    const card = within(results).getByText('Scope done by the deadline (P85)').parentElement;
    expect(card?.querySelector('.kpi__note')?.textContent).toBe(
      `${r.whatItWouldTake.scopeThatFits} of 50 items`,
    );
  });

  it('gives no share read off the cap when every run stopped (issue 14)', async () => {
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await fill('Items finished per week', '0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1');
    await fill('Items in the backlog', '500');
    await fill('Start date', '2026-01-05');
    await fill('Deadline', '2026-03-23');
    await forecast();
    const results = await screen.findByTestId('deadline-results');
    const r = runner.calls[0].result as DeadlineResult;
    expect(r.finishedShare).toBe(0);
    const value = (label: string) =>
      within(results).getByText(label).parentElement?.querySelector('.kpi__value')?.textContent;
    expect(value('Scope done by the deadline (P85)')).toBe('0%');
    // P85 is the cap: beyond the horizon, never a share of it.
    expect(value('Time used (P85, uncapped)')).toBe('> 10 years');
    expect(within(results).getByTestId('what-it-would-take').textContent).toContain(
      '0 of 500 items',
    );
  });
});

describe('seeds (trust rules)', () => {
  it('gives the same numbers on every click without a seed, and a new draw only on purpose', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    await forecast();
    await screen.findByTestId('when-results');
    const first = screen.getByTestId('seed-used').textContent;
    await forecast();
    await screen.findByTestId('when-results');
    expect(runner.calls).toHaveLength(2);
    const seeds = runner.calls.map((c) => (c.result as { seed: number }).seed);
    expect(seeds[1]).toBe(seeds[0]);
    expect(JSON.stringify(runner.calls[1].result)).toBe(JSON.stringify(runner.calls[0].result));
    expect(screen.getByTestId('seed-used').textContent).toBe(first);

    await userEvent.click(screen.getByRole('button', { name: 'Draw again' }));
    await screen.findByTestId('when-results');
    expect(runner.calls).toHaveLength(3);
    const drawn = (runner.calls[2].result as { seed: number }).seed;
    expect(drawn).not.toBe(seeds[0]);
    expect((runner.calls[2].input as { seed?: number }).seed).toBe(drawn);
    expect(screen.getByTestId('seed-used').textContent).toContain(String(drawn));
  });
});

describe('sampling error (trust rules)', () => {
  it('shows each percentile’s 95 % interval beside it, from the same runs', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    await forecast();
    await screen.findByTestId('when-results');
    const r = runner.calls[0].result as {
      percentileIntervals: Record<'p85', { low: number; high: number }>;
    };
    const iv = r.percentileIntervals.p85;
    const label = screen.getAllByText('P85', { selector: '.kpi__label' })[0];
    const note = label.parentElement?.querySelector('.kpi__note')?.textContent;
    // A one-value interval says so rather than "9–9" (numfix, walk-through).
    expect(note).toBe(
      iv.low === iv.high
        ? `P85 ${iv.low}, no sampling spread (95% interval)`
        : `P85 ${iv.low}–${iv.high} (95% interval)`,
    );
    expect(screen.queryByTestId('more-runs') !== null).toBe(iv.high - iv.low > 1);
  });
});
