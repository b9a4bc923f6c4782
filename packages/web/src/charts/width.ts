import { createContext, useContext, useEffect, useState } from 'react';
import { INNER_W, MARGIN, WIDTH } from './frame';

/**
 * The width, in CSS pixels, a chart is drawn at: its frame's, so the viewBox matches the screen
 * and 11-unit text is 11 px on a phone too (issue 14) instead of shrinking with a 720-wide
 * drawing scaled down to fit. Without a measured frame (tests, first paint) it is WIDTH.
 */
export const ChartWidthContext = createContext<number>(WIDTH);

/** Narrowest drawing: below it the plot would be too cramped to read, so it scales instead. */
export const NARROWEST_CHART = 280;

/** The drawing's width and its plot area's width, in viewBox units (= CSS px on screen). */
export function useChartWidth(): { width: number; innerW: number } {
  const width = useContext(ChartWidthContext);
  return { width, innerW: width - MARGIN.left - MARGIN.right };
}

/** A frame's measured width as a drawing width: whole pixels, between NARROWEST and `widest`. */
export function drawingWidth(measured: number, widest = WIDTH): number {
  return Math.round(Math.min(widest, Math.max(NARROWEST_CHART, measured)));
}

/**
 * The width to draw at inside the element given the returned ref, following the screen (a
 * phone turned sideways, a resized window): the viewBox takes it, so text sized in viewBox
 * units keeps its size on a phone instead of shrinking with a wide drawing scaled down to fit.
 * Before it is measured, and where nothing measures (jsdom), `widest`. A callback ref, so a
 * chart that first renders nothing (no data yet) is measured once its box appears.
 */
export function useMeasuredWidth<T extends HTMLElement = HTMLDivElement>(
  widest = WIDTH,
): [(el: T | null) => void, number, T | null] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(widest);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      if (el.clientWidth > 0) setWidth(drawingWidth(el.clientWidth, widest));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, widest]);
  return [setEl, width, el];
}

/**
 * How many axis labels fit a plot `innerW` wide when `full` fit the full width: labels keep
 * their size on a narrower drawing, so fewer of them fit. At least 2.
 */
export function ticksFor(full: number, innerW: number): number {
  return Math.max(2, Math.round((full * innerW) / INNER_W));
}

/** Width of one character of 11-unit axis text, on the generous side, and the space between labels. */
const AXIS_CHAR_W = 6.5;
const AXIS_LABEL_GAP = 12;

/**
 * `ticksFor`, but never more labels than fit side by side when the longest is `labelChars`
 * characters: a locale's dates differ in length ("Jun 9" against "9 de jun."), and a count
 * chosen for English ones made pt-BR dates collide on a phone. At least 2.
 */
export function ticksForLabels(full: number, innerW: number, labelChars: number): number {
  const fit = Math.floor(innerW / (labelChars * AXIS_CHAR_W + AXIS_LABEL_GAP));
  return Math.max(2, Math.min(ticksFor(full, innerW), fit));
}
