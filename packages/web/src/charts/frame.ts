/** Every chart draws into the same fixed viewBox and scales with CSS, so downloads are crisp. */
export const WIDTH = 720;
export const HEIGHT = 320;
export const MARGIN = { top: 16, right: 20, bottom: 46, left: 56 };
export const INNER_W = WIDTH - MARGIN.left - MARGIN.right;
export const INNER_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/**
 * Ticks on a value axis (and its grid lines). Value scales are made nice for this same count:
 * niced for d3's default of 10, a tallest bar of 9 ends the scale at 9 while 5 ticks stop at 8,
 * leaving the top of the axis unlabelled.
 */
export const VALUE_TICKS = 5;

export const COLORS = {
  bar: '#7ea6d8',
  barStrong: '#1d4f91',
  p50: '#1d4f91',
  p85: '#b44d12',
  p95: '#7b1fa2',
  band95: '#dbe6f4',
  band85: '#b9cfea',
  median: '#163e73',
  bad: '#b3261e',
  good: '#1e6b3a',
  grid: '#e4e7eb',
  axis: '#52606d',
  line: '#1f2933',
};

const TICK_LABEL_STYLE = { fill: '#1f2933', fontSize: 11, fontFamily: 'system-ui, sans-serif' };

// A custom tickLabelProps replaces visx's defaults, anchor and offset included, so each side
// states its own: without them the value labels were drawn across the axis line.
const TICK_LABEL_PLACEMENT = {
  left: { textAnchor: 'end', dx: '-0.25em', dy: '0.33em' },
  right: { textAnchor: 'start', dx: '0.25em', dy: '0.33em' },
  bottom: { textAnchor: 'middle' },
} as const;

/** Shared styling for an axis on the given side of the plot. */
export function axisProps(side: keyof typeof TICK_LABEL_PLACEMENT) {
  return {
    stroke: COLORS.axis,
    tickStroke: COLORS.axis,
    tickLabelProps: () => ({ ...TICK_LABEL_STYLE, ...TICK_LABEL_PLACEMENT[side] }),
    labelProps: { fill: '#1f2933', fontSize: 12, fontFamily: 'system-ui, sans-serif' },
  };
}
