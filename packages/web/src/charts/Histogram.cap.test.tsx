/**
 * Issue 14, charts at the cap: the stopped runs' bar is wide enough to read and labelled, and
 * the P50/P85 labels neither overlap each other nor that bar's label, nor run off the chart
 * (checked with room for 15-unit marker and 19-unit other text, more than the 11 drawn).
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Histogram from './Histogram';
import { INNER_W } from './frame';

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
