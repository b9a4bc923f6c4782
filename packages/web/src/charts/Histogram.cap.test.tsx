/**
 * Issue 14, charts at the cap: the stopped runs' bar is wide enough to read and labelled, and
 * the P50/P85 labels neither overlap each other nor that bar's label, nor run off the chart
 * (checked with room for 15-unit marker and 19-unit other text, more than the 11 drawn).
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Histogram from './Histogram';
import { INNER_W } from './frame';
import { ChartWidthContext } from './width';

const PHONE_MARKER_FONT = 15;
const PHONE_TEXT_FONT = 19;

function drawAtTheCap() {
  // 480 weeks of finished runs, then the stopped ones: P50 and P85 close, near the cap.
  const bins = Array.from({ length: 480 }, (_, i) => ({ x: i + 20, count: 2 }));
  render(
    <Histogram
      bins={bins}
      markers={[
        { label: 'P85', value: 490, color: '#f00' },
        { label: 'P50', value: 470, color: '#000' },
      ]}
      overflow={{ count: 800, label: 'not finished (> 520)', tick: '> 520' }}
      xLabel="Weeks"
      yLabel="Share"
      title="Durations"
    />,
  );
  return screen.getByTestId('histogram');
}

describe('Histogram at the cap', () => {
  it('gives the stopped runs a readable, labelled bar, not a sliver', () => {
    const svg = drawAtTheCap();
    const group = within(svg).getByTestId('histogram-unfinished');
    const bar = group.querySelector('rect');
    expect(Number(bar?.getAttribute('width'))).toBeGreaterThanOrEqual(INNER_W / 12);
    expect(group.querySelector('text')?.textContent).toBe('not finished (> 520)');
  });

  it('keeps the marker labels apart and clear of the stopped runs’ label', () => {
    const svg = drawAtTheCap();
    const markers = [...svg.querySelectorAll('text.marker')];
    const ys = markers.map((m) => Number(m.getAttribute('y')));
    expect(Math.abs(ys[1] - ys[0])).toBeGreaterThanOrEqual(PHONE_MARKER_FONT + 2);
    // Near the right edge the labels read leftwards, so they stay inside the chart.
    for (const m of markers) expect(m.getAttribute('text-anchor')).toBe('end');
    const group = within(svg).getByTestId('histogram-unfinished');
    const label = group.querySelector('text') as SVGTextElement;
    const bar = group.querySelector('rect') as SVGRectElement;
    const labelY = Number(label.getAttribute('y'));
    // Either below every marker row, or beside the bar rather than on it.
    expect(labelY - Math.max(...ys)).toBeGreaterThanOrEqual(PHONE_TEXT_FONT);
    if (labelY > Number(bar.getAttribute('y'))) {
      expect(Number(label.getAttribute('x'))).toBeLessThanOrEqual(Number(bar.getAttribute('x')));
    }
  });
});

describe('Histogram marker lines on a phone', () => {
  it('start below every marker label, so no line runs through a label', () => {
    // P50 and P85 one bar apart, as a short backlog's are: a few pixels apart on a phone.
    render(
      <ChartWidthContext.Provider value={350}>
        <Histogram
          bins={[
            { x: 7, count: 5 },
            { x: 8, count: 46 },
            { x: 9, count: 45 },
            { x: 10, count: 4 },
          ]}
          markers={[
            { label: 'P50', value: 9, color: '#010101' },
            { label: 'P85', value: 9, color: '#020202' },
            { label: 'P95', value: 10, color: '#030303' },
          ]}
          xLabel="Weeks"
          yLabel="Share"
          title="Durations"
        />
      </ChartWidthContext.Provider>,
    );
    const svg = screen.getByTestId('histogram');
    const labels = [...svg.querySelectorAll('text.marker')].map((t) => Number(t.getAttribute('y')));
    const lines = [...svg.querySelectorAll('line')].filter((l) =>
      ['#010101', '#020202', '#030303'].includes(l.getAttribute('stroke') ?? ''),
    );
    expect(labels).toHaveLength(3);
    expect(lines).toHaveLength(3);
    // A label's descenders reach about a quarter of its 12-unit size below the baseline.
    const lowestLabel = Math.max(...labels) + 3;
    for (const l of lines) {
      const top = Math.min(Number(l.getAttribute('y1')), Number(l.getAttribute('y2')));
      expect(top).toBeGreaterThan(lowestLabel);
    }
  });
});
