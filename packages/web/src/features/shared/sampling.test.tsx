/**
 * Trust rules, sampling error: How many, Cost and Deadline show each figure's 95 % interval
 * from the same runs beside it, and offer more runs only when it spans more than one unit.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  simulate,
  type CostResult,
  type DeadlineResult,
  type HowManyResult,
} from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { formatterFor } from '../../i18n/format';
import HowManyPage from '../how-many/HowManyPage';
import CostPage from '../cost/CostPage';
import DeadlinePage from '../deadline/DeadlinePage';
import WhenPage from '../when/WhenPage';
import { WhenResults } from '../when/WhenResults';

const en = formatterFor('en');

const forecast = () =>
  userEvent.click(screen.getByRole('button', { name: /^(Forecast|Run forecast)$/ }));

async function fill(label: string | RegExp, value: string) {
  const el = screen.getByLabelText(label);
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
}

function noteOf(label: string): string | null | undefined {
  const el = screen.getAllByText(label, { selector: '.kpi__label' })[0];
  return el.parentElement?.querySelector('.kpi__note')?.textContent;
}

const range = (low: string, high: string) => (low === high ? low : `${low}–${high}`);

describe('sampling intervals on How many, Cost and Deadline', () => {
  it('How many: each confidence’s interval beside its figure and in the table', async () => {
    const runner = directRunner();
    renderPage(HowManyPage, runner);
    await fill('Items finished per week', '0, 1, 10, 2, 15, 0, 3');
    await fill('Number of runs', '200');
    await forecast();
    const table = await screen.findByTestId('how-many-table');
    const r = runner.calls[0].result as HowManyResult;
    const iv = r.itemsIntervals['85'];
    expect(iv.low).toBeLessThanOrEqual(r.itemsAtConfidence['85']);
    const shown = range(en.integer(iv.low), en.integer(iv.high));
    expect(noteOf('85%')).toBe(`95% interval: ${en.integer(iv.low)}–${en.integer(iv.high)}`);
    const row = within(table).getByText(en.percent(0.85)).closest('tr');
    expect(row?.querySelectorAll('td')[2].textContent).toBe(shown);
    // 200 runs of a volatile history leave P85 several items wide: more runs are offered.
    expect(iv.high - iv.low).toBeGreaterThan(1);
    expect(screen.getByTestId('more-runs').textContent).toMatch(/more than one item/);
  });

  it('Cost: each percentile’s interval in money, more runs offered beyond one week of cost', async () => {
    const runner = directRunner();
    renderPage(CostPage, runner);
    await forecast();
    await screen.findByTestId('cost-model');
    const r = runner.calls[0].result as CostResult;
    const iv = r.percentileIntervals.p85;
    const money = (v: number) => en.money(v, r.currency);
    // The default example's runs agree on P85: one value, said as such (never "$260,000–$260,000").
    expect(noteOf('P85')).toBe(
      iv.low === iv.high
        ? `95% interval: ${money(iv.low)} (no sampling spread)`
        : `95% interval: ${money(iv.low)}–${money(iv.high)}`,
    );
    const week = (r.costPerPersonWeek ?? 0) * (r.teamSize ?? 1);
    expect(screen.queryByTestId('more-runs') !== null).toBe(iv.high - iv.low > week);
  });

  it('Deadline: P85 and each table row carry their intervals', async () => {
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await fill('Items finished per week', '0, 1, 10, 2, 15, 0, 3');
    await fill('Start date', '2026-01-05');
    await fill('Deadline', '2026-03-02');
    await fill('Number of runs', '100');
    await forecast();
    await screen.findByTestId('deadline-results');
    const r = runner.calls[0].result as DeadlineResult;
    const iv = r.percentileIntervals.p85;
    expect(noteOf('P85')).toBe(`P85 ${en.number(iv.low)}–${en.number(iv.high)} (95% interval)`);
    expect(screen.getByTestId('interval-p50').textContent).toContain(
      range(en.number(r.percentileIntervals.p50.low), en.number(r.percentileIntervals.p50.high)),
    );
    expect(iv.high - iv.low).toBeGreaterThan(1);
    expect(screen.getByTestId('more-runs').textContent).toMatch(/more than one week/);
  });
});

describe('How many: the period asked once', () => {
  it('entering start and end dates empties the pre-filled days: no "not both" error', async () => {
    const runner = directRunner();
    renderPage(HowManyPage, runner);
    expect((screen.getByLabelText('Days') as HTMLInputElement).value).toBe('30');
    await fill('Start date', '2026-01-05');
    await fill('End date', '2026-03-02');
    expect((screen.getByLabelText('Days') as HTMLInputElement).value).toBe('');
    await forecast();
    await screen.findByTestId('how-many-table');
    expect(screen.queryByText('Fill either this or the number of days, not both.')).toBeNull();
    expect(runner.calls).toHaveLength(1);
    const sent = runner.calls[0].input as { days?: number; endDate?: string };
    expect(sent.days).toBeUndefined();
    expect(sent.endDate).toBe('2026-03-02');
    // Emptying the end date brings the default days back.
    await fill('End date', '');
    expect((screen.getByLabelText('Days') as HTMLInputElement).value).toBe('30');
  });
});

describe('after a forecast', () => {
  it('scrolls the headline into view', async () => {
    const seen: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      seen.push(this);
    };
    try {
      renderPage(HowManyPage, directRunner());
      await forecast();
      const headline = await screen.findByTestId('headline');
      expect(seen).toContain(headline);
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('scrolls to the When headline too, whose results load lazily', async () => {
    const seen: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      seen.push(this);
    };
    try {
      renderPage(WhenPage, directRunner());
      await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
      const headline = await screen.findByTestId('headline');
      await waitFor(() => expect(seen).toContain(headline));
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});

describe('the interval note in words (issue 14)', () => {
  it('names the figure and says "interval" in every language, never "95 %: 9"', async () => {
    const { i18next: i18n } = await import('../../i18n');
    const note = (lng: string) =>
      i18n.t('common.interval95Of', { label: 'P50', range: '9–9', lng });
    expect(note('en')).toBe('P50 9–9 (95% interval)');
    expect(note('pt-BR')).toBe('P50 9–9 (intervalo de 95%)');
    expect(note('es')).toBe('P50 9–9 (intervalo del 95\u00a0%)');
  });
});

describe('a single-point interval (every run agrees)', () => {
  it('shows one value and says there is no sampling spread, never "1–1"', () => {
    // Every run takes one week: P50's interval is the single point 1.
    const input = { tpSamples: [10], numberOfTasks: 5, seed: 1 };
    const r = simulate(input);
    expect(r.percentileIntervals?.p50).toEqual({ low: 1, high: 1 });
    render(<WhenResults result={r} input={input} />);
    expect(noteOf('P50')).toBe('P50 1, no sampling spread (95% interval)');
    expect(screen.getByTestId('when-results').textContent).not.toMatch(/\b1–1\b/);
  });
});
