/**
 * `ff portfolio --format table`: the cut line as a delivery lead reads it. Features stay in
 * priority order (the order is the question being asked); a status column says which make
 * their date at the chosen confidence, and the summary lists the "in" and "out" sets.
 */
import type { Cell, Obj } from './text-layout';
import { cell, chance, foldedGrid, list, obj, pairs, percent, section, val } from './text-layout';
import { intervalText, widerThanOneUnit } from './interval-text';

/** A date when the portfolio has a start, else weeks; "–" when runs did not finish. */
function when(f: Obj, level: 'p50' | 'p85' | 'p95'): Cell {
  const date = obj(f.completionDates)?.[level];
  if (typeof date === 'string') return date;
  const weeks = obj(f.percentile_stats)?.[level];
  return typeof weeks === 'number' ? `${cell(weeks)} wk` : null;
}

/** P85's 95% sampling interval in weeks (trust rules); null when its runs did not finish. */
function p85Interval(intervals: unknown): Cell {
  return intervalText(obj(intervals)?.p85) ?? null;
}

function status(f: Obj): string {
  if (f.inCutLine === true) return 'IN';
  if (f.inCutLine === false) return 'OUT';
  return 'no target';
}

export function portfolioTable(r: Obj): string[] {
  const features = list(r.features);
  const confidence = percent(r.confidence, 0);
  const cod = obj(r.costOfDelay);
  const showCost = features.some((f) => typeof f.expectedDelayCost === 'number');
  const rows = features.map((f, i): Cell[] => [
    i + 1,
    val(f.name),
    val(f.targetDate),
    when(f, 'p50'),
    when(f, 'p85'),
    p85Interval(f.percentileIntervals),
    when(f, 'p95'),
    typeof f.probabilityByTarget === 'number' ? chance(f.probabilityByTarget) : null,
    status(f),
    val(f.latestStart),
    ...(showCost ? [val(f.expectedDelayCost)] : []),
  ]);
  const named = (inCut: boolean) =>
    features.filter((f) => f.inCutLine === inCut).map((f) => String(f.name));
  const parts = [
    section(
      `Cut line at ${confidence} confidence (features in priority order)`,
      foldedGrid(
        [
          '#',
          'feature',
          'target',
          'P50',
          'P85',
          'P85 95% (wk)',
          'P95',
          'P(target)',
          'cut line',
          'latest start',
          ...(showCost ? [`delay cost (${String(cod?.currency ?? '')})`.replace(' ()', '')] : []),
        ],
        rows,
        2,
      ),
    ),
    pairs([
      [`in (≥ ${confidence} by target)`, named(true).join(', ') || null],
      ['out', named(false).join(', ') || null],
      [
        'all on time (same runs)',
        typeof r.allOnTime === 'number' ? chance(r.allOnTime) : undefined,
      ],
      [
        'all own targets on time',
        typeof r.allOwnTargetsOnTime === 'number' ? chance(r.allOwnTargetsOnTime) : undefined,
      ],
    ]),
  ];
  if (features.some((f) => widerThanOneUnit(obj(f.percentileIntervals)?.p85))) {
    parts.push(
      'A P85 could move by more than one week with other draws: run more (--runs) for steadier figures.',
    );
  }
  const teams = list(r.teams);
  if (teams.length > 0) {
    parts.push(
      section(
        'Teams: last feature done',
        foldedGrid(
          ['team', 'P50', 'P85', 'P85 95% (wk)', 'P95'],
          teams.map((t): Cell[] => {
            const asFeature = {
              completionDates: t.lastCompletionDates,
              percentile_stats: t.lastCompletion,
            };
            return [
              val(t.name),
              when(asFeature, 'p50'),
              when(asFeature, 'p85'),
              p85Interval(t.lastCompletionIntervals),
              when(asFeature, 'p95'),
            ];
          }),
        ),
      ),
    );
  }
  if (cod) {
    const order = Array.isArray(cod.suggestedOrder) ? cod.suggestedOrder.map(String) : [];
    parts.push(
      section(
        `Cost of delay (${String(cod.currency)})`,
        pairs([
          ['expected delay cost, this order', val(cod.totalExpectedDelayCost)],
          ['suggested order (CD3)', order.join(' → ') || null],
          ['expected delay cost, that order', val(cod.suggestedTotalExpectedDelayCost)],
          ['saving', val(cod.saving)],
        ]),
      ),
    );
  }
  return parts;
}
