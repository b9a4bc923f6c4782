import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calendarMove, type PortfolioResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import PortfolioPage from './PortfolioPage';
import { registerPortfolioTranslations } from './i18n';

registerPortfolioTranslations();

async function fill(label: string | RegExp, value: string) {
  const el = screen.getAllByLabelText(label)[0];
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
}

describe('PortfolioPage with a calendar', () => {
  it('says how far the days off moved the last feature’s P85 date', async () => {
    const runner = directRunner();
    renderPage(PortfolioPage, runner);
    await fill('Start date', '2027-01-04');
    await userEvent.click(screen.getByText('Calendar: working days and holidays'));
    await userEvent.click(screen.getByLabelText(/Skip weekends, holidays/));
    await fill(/Team days off/, '2027-01-05..2027-01-08 offsite');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast the portfolio' }));

    const line = await screen.findByTestId('calendar-moves', {}, { timeout: 30_000 });
    const r = runner.calls.at(-1)?.result as PortfolioResult;
    const last = r.features
      .map((f) => f.completionDates?.p85 ?? '')
      .sort()
      .at(-1)!;
    const move = calendarMove(r.calendar!, last);
    expect(move?.to).toBe(last);
    // The four offsite weekdays (no country, so no public holidays).
    expect(move?.workingDays).toBe(4);
    expect(line.textContent).toMatch(
      /^Holidays and days off move P85 by 4 working days: .+ → .+\.$/,
    );
    // The timeline shades the same days off, each a day wide, with its note.
    const off = screen.getAllByTestId('pf-timeline-off');
    expect(off.map((o) => o.getAttribute('data-date'))).toEqual([
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ]);
    expect(off[0].querySelector('title')?.textContent).toContain('offsite');
    const [a, b] = off.map((o) => Number(o.getAttribute('x')));
    expect(b - a).toBeCloseTo(Number(off[0].getAttribute('width')), 6);
  }, 60_000);
});
