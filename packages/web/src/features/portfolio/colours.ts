import { COLORS } from '../../charts/frame';

// Literal colours (the theme's, as every chart's), so a downloaded SVG or PNG of the timeline
// or the dependency graph looks the same outside the page.
export const GOOD = COLORS.good;
export const BAD = COLORS.bad;
export const MUTED = COLORS.axis;
export const INK = COLORS.line;
