/** Portfolio on a working calendar: the spec's weekly thinning, dates on working days. */
import { describe, expect, it } from 'vitest';
import { forecastPortfolio } from './portfolio';
import type { PortfolioInput } from './portfolio-input';
import { EngineInputError } from './errors';

const LABOUR_DAY = [{ date: '2026-05-01', name: 'Labour Day' }];

function portfolio(extra: Partial<PortfolioInput> = {}): PortfolioInput {
  return {
    teams: [{ name: 'A', tpSamples: [5], throughputModel: 'bootstrap' }],
    features: [{ name: 'F1', size: 10, team: 'A' }],
    startDate: '2026-04-27',
    numberOfSimulations: 20_000,
    suggestOrder: false,
    seed: 5,
    ...extra,
  };
}

describe('portfolio with a calendar', () => {
  it("the spec's weekly case: Labour Day thins the first week, P(done in week 2) = 0.8⁵", () => {
    const r = forecastPortfolio(
      portfolio({ calendar: { holidays: LABOUR_DAY }, targetDate: '2026-05-08' }),
    );
    const f = r.features[0];
    expect(f.percentile_stats).toEqual({ p50: 3, p85: 3, p95: 3 });
    expect(f.completionDates).toEqual({ p50: '2026-05-15', p85: '2026-05-15', p95: '2026-05-15' });
    const p = 0.8 ** 5;
    // Friday May 8 is the second week's last working day: on time when that week finished it.
    const share = f.probabilityByTarget ?? -1;
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 20_000));
    expect(r.calendar).toMatchObject({ country: null, blackoutDays: 0 });
    expect(r.calendar?.daysOff).toEqual([{ date: '2026-05-01', reason: 'Labour Day' }]);
    // Without the calendar every run is done in week 2, on the plain date.
    const plain = forecastPortfolio(portfolio({ targetDate: '2026-05-08' }));
    expect(plain.features[0].percentile_stats).toEqual({ p50: 2, p85: 2, p95: 2 });
    expect(plain.features[0].completionDates?.p85).toBe('2026-05-11');
    expect(plain.calendar).toBeNull();
    // Without a calendar, week 2 ends on Monday May 11, after the Friday target.
    expect(plain.features[0].probabilityByTarget).toBe(0);
  });

  it('dates are the last working day of the week; a calendar with no short week changes no number', () => {
    const base = portfolio({
      teams: [{ name: 'A', tpSamples: [2, 3, 5, 8], throughputModel: 'bootstrap' }],
      features: [
        { name: 'F1', size: 20, team: 'A' },
        { name: 'F2', sizeLow: 10, sizeHigh: 30, team: 'A' },
      ],
      numberOfSimulations: 2_000,
      suggestOrder: true,
    });
    const plain = forecastPortfolio(base);
    const cal = forecastPortfolio({ ...base, calendar: { blackouts: [] } });
    expect(cal.features.map((f) => f.percentile_stats)).toEqual(
      plain.features.map((f) => f.percentile_stats),
    );
    expect(cal.costOfDelay?.suggestedOrder).toEqual(plain.costOfDelay?.suggestedOrder);
    // Week w ends on Sunday start + 7w − 1 without a calendar is start + 7w; Friday on one.
    const w = plain.features[0].percentile_stats.p85 ?? 0;
    const friday = new Date(Date.UTC(2026, 3, 27 + 7 * w - 3)).toISOString().slice(0, 10);
    expect(cal.features[0].completionDates?.p85).toBe(friday);
  });

  it('a blackout week delivers nothing: every feature moves a week', () => {
    const r = forecastPortfolio(
      portfolio({
        numberOfSimulations: 100,
        calendar: { blackouts: [{ from: '2026-04-27', to: '2026-05-03', note: 'offsite' }] },
      }),
    );
    expect(r.features[0].percentile_stats).toEqual({ p50: 3, p85: 3, p95: 3 });
    expect(r.calendar?.blackoutDays).toBe(7);
  });

  it('item-by-item thinning when the thinned tables would be too large', () => {
    const r = forecastPortfolio(
      portfolio({
        teams: [{ name: 'A', tpSamples: [70_000], throughputModel: 'bootstrap' }],
        features: [{ name: 'F1', size: 100_000, team: 'A' }],
        numberOfSimulations: 50,
        calendar: { holidays: LABOUR_DAY },
      }),
    );
    // 56,000 (4/5 of the first week) + 70,000 ≥ 100,000: done in week 2 on every run.
    expect(r.features[0].percentile_stats).toEqual({ p50: 2, p85: 2, p95: 2 });
  });

  it('a calendar needs the start date; bad calendar fields are named', () => {
    const { startDate: _omit, ...noStart } = portfolio({ calendar: {} });
    expect(() => forecastPortfolio(noStart)).toThrow(EngineInputError);
    try {
      forecastPortfolio(
        portfolio({ calendar: { blackouts: [{ from: '2026-05-02', to: '2026-05-01' }] } }),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as EngineInputError).field).toBe('calendar.blackouts.0.to');
    }
  });
});
