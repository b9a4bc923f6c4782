import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import Histogram from './Histogram';
import XmrChart from './XmrChart';
import BurnDownFan from './BurnDownFan';
import { INNER_W } from './frame';

/** Renders a chart and returns its SVG, found by the chart's test id. */
function draw(chart: ReactElement, testId: string): HTMLElement {
  render(chart);
  return screen.getByTestId(testId);
}

/** The labels every burn-down fan below is drawn with. */
const FAN_TEXT = { xLabel: 'Weeks', yLabel: 'Remaining', title: 'Fan' };

describe('Histogram', () => {
  it('draws one bar per non-empty value and labelled percentile lines', () => {
    const svg = draw(
      <Histogram
        bins={[
          { x: 7, count: 10 },
          { x: 8, count: 50 },
          { x: 9, count: 0 },
          { x: 10, count: 40 },
        ]}
        markers={[
          { label: 'P50', value: 8, color: '#000' },
          { label: 'P85', value: 10, color: '#f00' },
        ]}
        xLabel="Weeks"
        yLabel="Share"
        title="Durations"
      />,
      'histogram',
    );
    // Bars carry a <title> with their share; the zero bin has none.
    const bars = [...svg.querySelectorAll('rect')].filter((r) => r.querySelector('title'));
    expect(bars.map((b) => b.querySelector('title')!.textContent)).toEqual([
      '7: 10%',
      '8: 50%',
      '10: 40%',
    ]);
    // Taller bar for the larger share.
    expect(Number(bars[1].getAttribute('height'))).toBeGreaterThan(
      Number(bars[2].getAttribute('height')),
    );
    expect(svg.textContent).toContain('P50: 8');
    expect(svg.textContent).toContain('P85: 10');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Durations');
  });
});

describe('XmrChart', () => {
  it('marks the points in a signal and labels the limits', () => {
    const svg = draw(
      <XmrChart
        values={[3, 3, 4, 3, 12, 3]}
        signals={[false, false, false, false, true, false]}
        mean={4.67}
        upper={9.5}
        lower={0}
        title="XmR"
        xLabel="Point"
        yLabel="Value"
        limitLabels={{ mean: 'Mean', upper: 'UNPL', lower: 'LNPL' }}
      />,
      'xmr-chart',
    );
    const flagged = svg.querySelectorAll('circle[data-signal="true"]');
    expect(flagged).toHaveLength(1);
    expect(flagged[0].querySelector('title')!.textContent).toBe('5: 12');
    expect(svg.textContent).toContain('UNPL 9.5');
  });
});

describe('BurnDownFan', () => {
  it('spans the weeks of the longest band across the plot', () => {
    const points = [0, 1, 2, 3].map((week) => ({
      week,
      p5: Math.max(0, 30 - week * 12),
      p50: Math.max(0, 30 - week * 10),
      p85: Math.max(0, 30 - week * 9),
      p95: Math.max(0, 30 - week * 8),
    }));
    const svg = draw(
      <BurnDownFan
        points={points}
        {...FAN_TEXT}
        legend={{ band: 'band', median: 'median', p85: 'P85' }}
      />,
      'burndown',
    );
    const paths = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '');
    const median = paths.find((d) => d.includes(`L${INNER_W}`) || d.includes(`,${INNER_W}`));
    expect(paths.length).toBeGreaterThanOrEqual(3);
    expect(median ?? paths.join(' ')).toMatch(new RegExp(String(INNER_W)));
  });

  it('shades the calendar’s days off where they fall, with their names, and says what grey is', () => {
    const points = [0, 1, 2, 3].map((week) => ({
      week,
      p5: 30 - week * 10,
      p50: 30 - week * 9,
      p95: 30 - week * 8,
    }));
    render(
      <BurnDownFan
        points={points}
        {...FAN_TEXT}
        legend={{ band: 'band', median: 'median', p85: 'P85', daysOff: 'Days off' }}
        shaded={[
          { week: 1.8, width: 0.2, label: 'Dec 25: Christmas' },
          { week: 2.6, width: 0.2, label: 'Jan 1: New Year' },
          // Past the last week drawn: nothing to shade.
          { week: 3.4, width: 0.2, label: 'Jan 6: later' },
        ]}
      />,
    );
    const off = screen.getAllByTestId('burndown-off');
    expect(off.map((r) => r.querySelector('title')?.textContent)).toEqual([
      'Dec 25: Christmas',
      'Jan 1: New Year',
    ]);
    const x = Number(off[0].getAttribute('x'));
    expect(x).toBeCloseTo((1.8 / 3) * INNER_W, 5);
    expect(Number(off[0].getAttribute('width'))).toBeCloseTo((0.2 / 3) * INNER_W, 5);
    expect(screen.getByText('Days off')).toBeTruthy();
  });
});
