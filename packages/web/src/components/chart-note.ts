import { createContext } from 'react';

/**
 * The key inputs a result's charts carry when downloaded (backlog, history window, runs,
 * seed), one line each; empty outside a result that provides them.
 */
export const ChartNoteContext = createContext<string[]>([]);

/** Legend entries of a drawn chart: its HTML legend and the labelled markers in the SVG. */
export function legendOf(body: HTMLElement): { label: string; color: string }[] {
  const out: { label: string; color: string }[] = [];
  body.querySelectorAll<HTMLElement>('.legend span').forEach((span) => {
    const swatch = span.querySelector<HTMLElement>('i');
    const label = span.textContent?.trim() ?? '';
    if (label) out.push({ label, color: swatch?.style.background || '#52606d' });
  });
  body.querySelectorAll<SVGTextElement>('svg text.marker').forEach((text) => {
    const label = text.textContent?.trim() ?? '';
    if (label) out.push({ label, color: text.getAttribute('fill') ?? '#52606d' });
  });
  return out;
}
