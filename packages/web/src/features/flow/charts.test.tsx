import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { flowMetrics, type FlowItemInput } from '@flow-forecaster/engine';
import { MARGIN } from '../../charts/frame';
import { ChartWidthContext } from '../../charts/width';
import { changeLanguage } from '../../i18n';
import { registerFlowTranslations } from './i18n';
import { importCsv } from './import';
import {
  AgingChart,
  CfdChart,
  CycleTimeScatter,
  RunChart,
  nonWorkingDays,
  offDayRuns,
} from './charts';

registerFlowTranslations();
const JIRA = join(__dirname, '../../../../../samples/jira-export.csv');
const items = importCsv(readFileSync(JIRA, 'utf8')).items;
const metrics = flowMetrics(items, { asOf: '2025-08-31', window: 'all' });

describe('flow charts', () => {
  it('the daily run chart shades non-working days: weekends, and listed days off', () => {
    // Thursday 2026-04-16 to Wednesday 2026-04-22; Tiradentes is Tuesday the 21st.
    const days = ['16', '17', '18', '19', '20', '21', '22'].map((d) => ({
      date: `2026-04-${d}`,
      count: 1,
    }));
    expect([...nonWorkingDays(days)]).toEqual([2, 3]);
    expect([...nonWorkingDays(days, [1, 2, 3, 4, 5], ['2026-04-21'])]).toEqual([2, 3, 5]);
    expect([...nonWorkingDays(days, [1, 2, 3, 4, 5, 6])]).toEqual([3]);
    render(
      <RunChart
        points={days}
        mean={1}
        title="Daily"
        testId="daily"
        xLabel="day"
        shaded={nonWorkingDays(days)}
      />,
    );
    expect(screen.getAllByTestId('daily-off')).toHaveLength(2);
  });

  it('the throughput axis has a tick at or above the tallest bar (9 items: up to 10)', () => {
    const counts = [3, 5, 9, 4, 6, 2, 7, 5];
    const points = counts.map((count, i) => ({
      date: `2026-${String(1 + i).padStart(2, '0')}-05`,
      count,
    }));
    render(<RunChart points={points} mean={5} title="Weekly" testId="weekly" xLabel="week" />);
    const ticks = [
      ...screen.getByTestId('weekly').querySelectorAll('.visx-axis-left .visx-axis-tick text'),
    ].map((t) => Number(t.textContent));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(9);
  });

  it('a tapped mark shows its item ids below the chart (phones have no hover)', () => {
    render(<CycleTimeScatter metrics={metrics} title="Scatter" />);
    const dot = screen
      .getAllByTestId('flow-dot')
      .find((d) => d.querySelector('title')?.textContent?.includes('SHOP-1'))!;
    expect(screen.getByTestId('flow-tapped').textContent).toBe('');
    fireEvent.click(dot);
    expect(screen.getByTestId('flow-tapped').textContent).toBe(
      dot.querySelector('title')?.textContent,
    );
    expect(screen.getByTestId('flow-tapped').textContent).toContain('SHOP-1');
  });

  it('a tapped aging dot shows the ids of the items in progress it stands for', () => {
    render(<AgingChart metrics={metrics} title="Aging" />);
    const dot = screen.getAllByTestId('aging-dot')[0];
    fireEvent.click(dot);
    const text = screen.getAllByTestId('flow-tapped').at(-1)?.textContent ?? '';
    expect(text).toBe(dot.querySelector('title')?.textContent);
    expect(text).toMatch(/^[A-Z]+-\d+/);
  });

  it('scatter: every done item in exactly one mark, ids in the tooltip, four percentile lines', () => {
    render(<CycleTimeScatter metrics={metrics} title="Scatter" />);
    const dots = screen.getAllByTestId('flow-dot');
    expect(dots.reduce((s, d) => s + Number(d.getAttribute('data-count')), 0)).toBe(124);
    const titles = dots.map((d) => d.querySelector('title')?.textContent ?? '');
    expect(titles.some((t) => t.includes('SHOP-1'))).toBe(true);
    const lines = screen.getByTestId('flow-scatter').querySelectorAll('[data-percentile]');
    expect([...lines].map((l) => l.getAttribute('data-percentile'))).toEqual([
      'p50',
      'p70',
      'p85',
      'p95',
    ]);
  });

  it('scatter: a huge export is drawn as a bounded number of marks, still every item', () => {
    const many: FlowItemInput[] = Array.from({ length: 30_000 }, (_, i) => {
      const start = 20_000 + (i % 700);
      const done = start + 1 + ((i * 7919) % 60);
      const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
      return { id: `X-${i}`, started: iso(start), done: iso(done) };
    });
    const m = flowMetrics(many, { window: 'all' });
    render(<CycleTimeScatter metrics={m} title="Scatter" />);
    const dots = screen.getAllByTestId('flow-dot');
    // About 110 weeks × 60 cycle times when grouped by week; by day it would be ~30,000 marks.
    expect(dots.length).toBeLessThanOrEqual(110 * 60);
    expect(dots.reduce((s, d) => s + Number(d.getAttribute('data-count')), 0)).toBe(m.cycleTime.n);
  });

  it('aging: one dot per age, the one past P85 highlighted; CFD: three bands', () => {
    render(<AgingChart metrics={metrics} title="Aging" />);
    const dots = screen.getAllByTestId('aging-dot');
    expect(dots.filter((d) => d.getAttribute('data-past') === 'yes')).toHaveLength(1);
    render(<CfdChart metrics={metrics} title="CFD" />);
    const bands = screen.getByTestId('flow-cfd').querySelectorAll('[data-band]');
    expect([...bands].map((b) => b.getAttribute('data-band'))).toEqual([
      'arrived',
      'started',
      'done',
    ]);
  });

  describe('a team calendar on the date-axis charts', () => {
    // Items done Monday 13 to Friday 24 April 2026; Tiradentes is Tuesday the 21st.
    const short = flowMetrics(
      ['13', '14', '15', '16', '17', '20', '22', '23', '24'].map((d, i) => ({
        id: `T-${i}`,
        created: '2026-04-06',
        started: '2026-04-10',
        done: `2026-04-${d}`,
      })),
      { asOf: '2026-04-24', window: 'all' },
    );
    const calendar = {
      workingDays: [1, 2, 3, 4, 5],
      daysOff: [{ date: '2026-04-21', reason: 'Tiradentes' }],
    };
    const dates = (testId: string) =>
      screen.getAllByTestId(testId).map((r) => r.getAttribute('data-date'));

    it('scatter: the holiday and the weekends between done days are shaded, with why', () => {
      render(<CycleTimeScatter metrics={short} title="Scatter" calendar={calendar} />);
      // The axis runs a day either side of the done days: Sunday 12 to Saturday 25.
      expect(dates('flow-scatter-off')).toEqual([
        '2026-04-12',
        '2026-04-18',
        '2026-04-21',
        '2026-04-25',
      ]);
      const holiday = screen
        .getAllByTestId('flow-scatter-off')
        .find((r) => r.getAttribute('data-date') === '2026-04-21');
      expect(holiday?.querySelector('title')?.textContent).toContain('Tiradentes');
    });

    it('CFD: the holiday and the weekends of its days are shaded', () => {
      render(<CfdChart metrics={short} title="CFD" calendar={calendar} />);
      // The CFD runs from the first arrival (Monday 6 April).
      expect(dates('flow-cfd-off')).toEqual(['2026-04-11', '2026-04-18', '2026-04-21']);
      // Behind the data, as on the scatter: the stripes come before the first band, and the
      // bands let them show through.
      const group = screen.getByTestId('flow-cfd-offdays');
      const band = screen.getByTestId('flow-cfd').querySelector('[data-band]');
      expect(band && group.compareDocumentPosition(band) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
      expect(Number(band?.getAttribute('fill-opacity'))).toBeLessThan(1);
    });

    it('without a calendar nothing is shaded', () => {
      render(<CfdChart metrics={short} title="CFD" />);
      render(<CycleTimeScatter metrics={short} title="Scatter" />);
      expect(screen.queryAllByTestId('flow-cfd-off')).toHaveLength(0);
      expect(screen.queryAllByTestId('flow-scatter-off')).toHaveLength(0);
    });

    it('over a long history only the days off are shaded: weekend stripes would grey it all', () => {
      const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
      const from = day('2026-01-01');
      const to = day('2026-12-31');
      const runs = offDayRuns(from, to, calendar, 600 / 365);
      expect(runs).toEqual([
        { first: day('2026-04-21'), last: day('2026-04-21'), reason: 'Tiradentes' },
      ]);
      // Wide days: Saturday and Sunday are one band, a Monday–Thursday week adds Friday.
      const week = offDayRuns(
        day('2026-04-13'),
        day('2026-04-19'),
        { ...calendar, workingDays: [1, 2, 3, 4] },
        50,
      );
      expect(week).toEqual([{ first: day('2026-04-17'), last: day('2026-04-19'), reason: '' }]);
    });
  });
});

describe('flow charts on a phone', () => {
  // 52 weeks: at full width 8 date labels fit; a phone's ~320 px drawing keeps 11 px labels,
  // so it must draw fewer of them or they run into each other.
  const weeks = Array.from({ length: 52 }, (_, i) => ({
    date: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10),
    count: i % 5,
  }));
  const bottomLabels = (width: number, chart: 'run' | 'cfd') => {
    const { container, unmount } = render(
      <ChartWidthContext.Provider value={width}>
        {chart === 'run' ? (
          <RunChart points={weeks} mean={2} title="Weekly" testId="weekly" xLabel="week" />
        ) : (
          <CfdChart metrics={metrics} title="CFD" />
        )}
      </ChartWidthContext.Provider>,
    );
    const n = container.querySelectorAll('.visx-axis-bottom .visx-axis-tick').length;
    unmount();
    return n;
  };

  it('draws fewer date labels on a narrow drawing than at full width (run chart and CFD)', () => {
    for (const chart of ['run', 'cfd'] as const) {
      const wide = bottomLabels(720, chart);
      const narrow = bottomLabels(320, chart);
      expect(wide, chart).toBeGreaterThanOrEqual(5);
      expect(narrow, chart).toBeLessThanOrEqual(3);
      expect(narrow, chart).toBeGreaterThanOrEqual(2);
    }
  });

  describe('in pt-BR, whose dates are longer', () => {
    afterEach(() => changeLanguage('en'));
    it('draws compact date ticks that fit side by side at 390 px (run chart and CFD)', async () => {
      await changeLanguage('pt-BR');
      const innerW = 390 - MARGIN.left - MARGIN.right;
      for (const chart of ['run', 'cfd'] as const) {
        const { container, unmount } = render(
          <ChartWidthContext.Provider value={390}>
            {chart === 'run' ? (
              <RunChart points={weeks} mean={2} title="Weekly" testId="weekly" xLabel="week" />
            ) : (
              <CfdChart metrics={metrics} title="CFD" />
            )}
          </ChartWidthContext.Provider>,
        );
        const labels = [
          ...container.querySelectorAll('.visx-axis-bottom .visx-axis-tick text'),
        ].map((el) => el.textContent ?? '');
        unmount();
        expect(labels.length, chart).toBeGreaterThanOrEqual(2);
        // Day and month only: "9 de jun.", never "9 de jun. de 2025".
        for (const label of labels) expect(label, chart).not.toMatch(/20\d\d/);
        expect(labels[0], chart).toMatch(/^\d{1,2} de [a-zç]+\.?$/);
        // 11 px text is at most ~6.5 px a character; each label keeps a gap of 12.
        const longest = Math.max(...labels.map((l) => l.length));
        expect(labels.length * (longest * 6.5 + 12), chart).toBeLessThanOrEqual(innerW);
      }
    });
  });
});
