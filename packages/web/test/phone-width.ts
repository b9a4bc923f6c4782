import { afterEach, beforeEach, vi } from 'vitest';

/**
 * jsdom lays nothing out: every element is given `width` px of room and a ResizeObserver that
 * reports once, as a phone's browser would, so a chart drawn at its measured width can be
 * checked for the viewBox that keeps its text at its own size.
 */
export function onAPhone(width = 350): void {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
        unobserve() {}
      },
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
}

/**
 * How many CSS px one viewBox unit of `svg` takes on a screen giving it `room` px (1 when it is
 * drawn as wide as the room), and the font sizes of its texts in viewBox units.
 */
export function drawnScale(svg: Element, room: number): { scale: number; fontSizes: number[] } {
  const viewBoxWidth = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const attr = svg.getAttribute('width');
  // Without a width (or a percentage) the SVG fills the room; a wider one is scaled to fit.
  const shown = attr === null || attr.endsWith('%') ? room : Math.min(room, Number(attr));
  const fontSizes = [...svg.querySelectorAll('text')].map((t) =>
    Number(t.getAttribute('font-size') ?? t.getAttribute('fontSize') ?? NaN),
  );
  return { scale: shown / viewBoxWidth, fontSizes };
}
