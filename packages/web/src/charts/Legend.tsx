import type { CSSProperties } from 'react';

/** How a legend entry's swatch is drawn: a line (the default), a dot or a band. */
export type LegendSwatch = 'line' | 'dot' | 'band';

export interface LegendEntry {
  label: string;
  color: string;
  swatch?: LegendSwatch;
}

// The swatch matches the mark it names, so a dot in the chart is a dot in the legend.
const SWATCH_SIZE: Record<LegendSwatch, CSSProperties> = {
  line: {},
  dot: { height: 8, width: 8, borderRadius: 4 },
  band: { height: 10 },
};

/**
 * The legend under a chart. Kept free of chart libraries so eager code (ChartFrame) can use it;
 * downloads read it back (`legendOf`), so each entry stays a span with its swatch.
 */
export function ChartLegend({ entries }: { entries: (LegendEntry | false | undefined)[] }) {
  return (
    <div className="legend">
      {entries.map(
        (entry) =>
          entry && (
            <span key={entry.label}>
              <i style={{ background: entry.color, ...SWATCH_SIZE[entry.swatch ?? 'line'] }} />
              {entry.label}
            </span>
          ),
      )}
    </div>
  );
}
