/**
 * `--format table`: a readable summary of each kind's result. It reads the JSON result the
 * API returns (not engine internals) and tolerates missing parts, so a field the engine adds
 * or drops changes the table, never crashes it. JSON stays the complete, canonical output.
 */
import { beyondMaxWeeksText, isRequestKind } from '@flow-forecaster/schemas';
import type { RequestKind } from '@flow-forecaster/schemas';
import { calendarText } from './calendar-text';
import { portfolioTable } from './portfolio-table';
import { intervalText, intervalsText, moreRunsLine } from './interval-text';
import type { Cell, Obj } from './text-layout';
import {
  cell,
  chance,
  distinctRows,
  foldedGrid,
  grid,
  list,
  obj,
  pairs,
  percent,
  section,
  val,
} from './text-layout';

const PERCENTILES = ['p10', 'p25', 'p50', 'p75', 'p85', 'p90', 'p95'] as const;

/**
 * "more than 10 years (none of the 10,000 runs finished)" when the result's percentile `p`
 * (default: any) reads runs stopped at maxWeeks; undefined otherwise.
 */
function beyondText(r: Obj, p?: (typeof PERCENTILES)[number]): string | undefined {
  const beyond = obj(r.beyondMaxWeeks);
  const maxWeeks = r.maxWeeks;
  const finishedShare = r.finishedShare;
  const runs = r.numberOfSimulations;
  if (!beyond || typeof maxWeeks !== 'number' || typeof finishedShare !== 'number') return;
  if (typeof runs !== 'number') return;
  const hit = p === undefined ? Object.values(beyond).some((v) => v === true) : beyond[p] === true;
  if (!hit) return;
  const flags = Object.fromEntries(PERCENTILES.map((k) => [k, beyond[k] === true])) as Record<
    (typeof PERCENTILES)[number],
    boolean
  >;
  return beyondMaxWeeksText({
    maxWeeks,
    finishedShare,
    beyondMaxWeeks: flags,
    numberOfSimulations: runs,
  });
}

/** Weeks per percentile, with "> maxWeeks" where the percentile is a cap, not a forecast. */
/** Figures read off runs stopped at the cap (effort, cost) are floors: "> 1,040", never a forecast. */
function floorWhereCapped(r: Obj, values: Obj | undefined): Obj | undefined {
  const beyond = obj(r.beyondMaxWeeks);
  if (!values || !beyond) return values;
  return Object.fromEntries(
    Object.entries(values).map(([p, v]) => [
      p,
      beyond[p] === true && typeof v === 'number' ? `> ${cell(v)}` : v,
    ]),
  );
}

function weeksOrCap(r: Obj, weeks: Obj | undefined): Obj | undefined {
  const beyond = obj(r.beyondMaxWeeks);
  if (!weeks || !beyond) return weeks;
  return Object.fromEntries(
    Object.entries(weeks).map(([p, v]) => [p, beyond[p] === true ? `> ${String(r.maxWeeks)}` : v]),
  );
}

/** The mean of weeks counts stopped runs at the limit: then it is a lower bound, and says so. */
/** Mean and SD are over the finished runs (the engine's one definition), said so when some stopped. */
function meanLabel(r: Obj): string {
  return typeof r.finishedShare === 'number' && r.finishedShare < 1
    ? `mean weeks (over the ${percent(r.finishedShare, 1)} of runs that finished)`
    : 'mean weeks';
}

/** The effort column's header: person-weeks of a team, or weeks of one person. */
function effortHeader(r: Obj): string {
  return r.effortForOnePerson === true ? 'effort (weeks, one person)' : 'person-weeks';
}

/** Rows "P50 | weeks | date | …" from parallel percentile maps. */
function percentileGrid(columns: [string, Obj | undefined][]): string {
  const present = columns.filter(([, m]) => m !== undefined);
  const rows = PERCENTILES.filter((p) => present.some(([, m]) => m?.[p] !== undefined)).map(
    (p): Cell[] => [p.toUpperCase(), ...present.map(([, m]) => val(m?.[p]))],
  );
  return foldedGrid(['', ...present.map(([h]) => h)], rows);
}

/** Each percentile's 95% sampling interval (trust rules). */
function intervals(r: Obj, scale = 1): Obj | undefined {
  const text = intervalsText(r.percentileIntervals, scale);
  const beyond = obj(r.beyondMaxWeeks);
  // A percentile at the cap has no sampling interval to give (as on the web page).
  if (!text || !beyond) return text;
  return Object.fromEntries(
    Object.entries(text).map(([p, v]) => [p, beyond[p] === true ? '—' : v]),
  );
}

/** A line offering more runs when the headline percentile's interval spans more than one unit. */
function widerThanOne(r: Obj, key = 'p85', unit = 'week'): string[] {
  return moreRunsLine(obj(r.percentileIntervals)?.[key], key.toUpperCase(), unit);
}

function footer(r: Obj): string {
  const warnings = Array.isArray(r.warnings) ? (r.warnings as unknown[]).map(String) : [];
  const meta = pairs([
    ['runs', val(r.numberOfSimulations ?? r.nSimulations)],
    // A seed is an identifier to copy, not a quantity: no thousands separators.
    ['seed', r.seed === undefined ? undefined : String(r.seed)],
  ]);
  return [meta, ...warnings.map((w) => `warning: ${w}`)].filter((s) => s !== '').join('\n');
}

function simulate(r: Obj): string[] {
  const headline = obj(r.headline);
  const cost = obj(r.cost);
  const parts = [];
  const stopped = beyondText(r);
  if (headline && headline.beyondMaxWeeks === true && stopped) {
    parts.push(`More than the ${cell(val(r.maxWeeks))}-week limit: ${stopped}.`);
  } else if (headline) {
    const date = headline.date ? ` (by ${String(headline.date)})` : '';
    const who = r.effortForOnePerson === true ? 'weeks of effort for one person' : 'person-weeks';
    parts.push(
      `${percent(headline.confidence, 0)} likely to finish within ${cell(val(headline.weeks))} weeks${date}, ` +
        `${cell(val(headline.effortPersonWeeks))} ${who}.`,
    );
    if (stopped) parts.push(`Upper percentiles: ${stopped}.`);
  }
  parts.push(
    section(
      'Percentiles (Pn: n% of runs finished within)',
      percentileGrid([
        ['weeks', weeksOrCap(r, obj(r.percentile_stats))],
        ['95% interval', intervals(r)],
        ['date', obj(r.completionDates)],
        [effortHeader(r), floorWhereCapped(r, obj(r.effort))],
        ['items', obj(r.totalTasks)],
        ['lead time (d)', obj(r.leadTime)],
        [cost ? `cost (${String(cost.currency)})` : 'cost', cost],
      ]),
    ),
    ...widerThanOne(r),
  );
  // The 100% row is the single worst run and the 0% row the single best: read as certainty
  // they mislead, so the table keeps the rows in between that say something new.
  const table = list(r.resultsTable).filter(
    (row) => typeof row.Likelihood === 'number' && row.Likelihood > 0 && row.Likelihood < 100,
  );
  if (table.length > 0) {
    parts.push(
      section(
        'Likelihood table (repeated rows left out)',
        foldedGrid(
          ['likelihood %', 'weeks', 'items', effortHeader(r), 'lead time (d)'],
          // A row that reads runs stopped at the cap: "> 520" weeks and effort as a floor.
          distinctRows(
            table.map((row) => [
              val(row.Likelihood),
              row.beyondMaxWeeks === true ? `> ${cell(val(r.maxWeeks))}` : val(row.Duration),
              val(row.TotalTasks),
              row.beyondMaxWeeks === true ? `> ${cell(val(row.Effort))}` : val(row.Effort),
              val(row.LT),
            ]),
          ),
        ),
      ),
    );
  }
  const items30 = obj(obj(r.items_forecast_30_days)?.itemsAtConfidence);
  parts.push(
    pairs([
      // From the same runs as the weeks: items of this backlog, never more than it holds.
      [
        'items of this backlog done within 5 weeks, the whole weeks covering 30 days (85% sure)',
        val(items30?.['85']),
      ],
      [meanLabel(r), val(r.meanWeeks)],
      ['sd weeks', val(r.sdWeeks)],
      ['unfinished runs', val(r.unfinishedRuns)],
      ['throughput error rate %', val(r.tpErrorRate)],
    ]),
  );
  return parts;
}

function when(r: Obj): string[] {
  const dates = obj(r.completionDates) ?? obj(r.dates);
  const stopped = beyondText(r, 'p85');
  return [
    ...(stopped ? [`More than the ${cell(val(r.maxWeeks))}-week limit: ${stopped}.`] : []),
    section(
      'Weeks to finish (Pn: n% of runs finished within)',
      percentileGrid([
        ['weeks', weeksOrCap(r, obj(r.percentile_stats))],
        ['95% interval', intervals(r)],
        ['date', dates],
      ]),
    ),
    ...widerThanOne(r),
    pairs([
      [meanLabel(r), val(r.mean)],
      ['sd weeks', val(r.std)],
      ['unfinished runs', val(r.unfinishedRuns ?? r.unfinished)],
    ]),
  ];
}

function howMany(r: Obj): string[] {
  const at = obj(r.itemsAtConfidence) ?? {};
  const ivs = obj(r.itemsIntervals);
  // 100% is the single worst run and 0% the single best: not certainties, so not rows.
  const rows = Object.entries(at)
    .filter(([q]) => Number(q) > 0 && Number(q) < 100)
    .map(([q, n]): Cell[] => [Number(q), val(n), ...(ivs ? [intervalText(ivs[q]) ?? null] : [])])
    .sort((a, b) => Number(b[0]) - Number(a[0]));
  const span = r.startDate && r.endDate ? ` (${String(r.startDate)} to ${String(r.endDate)})` : '';
  return [
    `Items finished in ${cell(val(r.days))} days = ${cell(val(r.weeks))} weeks${span}; mean ${cell(val(r.mean))}.`,
    section(
      'At least this many items, with this confidence',
      foldedGrid(['confidence %', 'items', ...(ivs ? ['95% interval'] : [])], rows),
    ),
    ...moreRunsLine(ivs?.['85'], 'The 85% figure', 'item'),
  ];
}

function scalarPairs(r: Obj, skip: readonly string[] = []): string {
  return pairs(
    Object.entries(r)
      .filter(([k, v]) => !skip.includes(k) && val(v) !== undefined)
      .map(([k, v]): [string, Cell] => [k, val(v)]),
  );
}

/** A few points of the date → probability curve: at most `max` rows, always the last. */
function curveRows(all: Obj[], max = 16): Cell[][] {
  // Only the stretch where the chance changes: one row "< 0.1%" before it and one "> 99.9%"
  // after it, not a run of rows that would all read the same.
  const p = (pt: Obj | undefined) => (typeof pt?.probability === 'number' ? pt.probability : 0);
  const lastNone = all.reduce((at, pt, i) => (p(pt) < 0.0005 ? i : at), 0);
  const firstAll = all.findIndex((pt) => p(pt) >= 0.9995);
  const points = all.slice(lastNone, firstAll === -1 ? all.length : firstAll + 1);
  const step = Math.max(1, Math.ceil(points.length / max));
  const rows: Cell[][] = [];
  points.forEach((pt, i) => {
    if (i % step === 0 || i === points.length - 1) {
      rows.push([val(pt.date), val(pt.weeks), chance(pt.probability, 1)]);
    }
  });
  return rows;
}

function deadline(r: Obj): string[] {
  const levels = ['p50', 'p85', 'p95'] as const;
  const dates = obj(r.completionDates);
  const effort = obj(r.effort);
  const cost = obj(r.cost);
  const take = obj(r.whatItWouldTake);
  const stopped = beyondText(r, 'p85');
  const weeksOf = (p: (typeof levels)[number]): Cell =>
    obj(r.beyondMaxWeeks)?.[p] === true ? `> ${String(r.maxWeeks)}` : val(r[`${p}Weeks`]);
  const team =
    r.effortForOnePerson === true
      ? 'weeks of effort (one person)'
      : `person-weeks (team of ${cell(val(r.effortTeamSize))})`;
  const conf = take ? percent(take.confidence, 0) : '85%';
  // With P85 at the cap a share of it ("> 6,500%") would read as a forecast: none is given.
  const timeUsed =
    obj(r.beyondMaxWeeks)?.p85 === true
      ? `beyond the ${cell(val(r.maxWeeks))}-week limit`
      : r.deadlineCompletionPctRaw === null
        ? 'no time before the deadline'
        : `${cell(val(r.deadlineCompletionPctRaw), 1)}%`;
  const parts: string[] = [
    `${chance(r.probabilityByDeadline, 1)} chance to finish ${cell(val(r.backlog))} items by ${String(r.deadlineDate)} ` +
      `(from ${String(r.startDate)}, ${cell(val(r.weeksToDeadline))} weeks away).`,
  ];
  if (stopped) parts.push(`Upper percentiles: ${stopped}.`);
  parts.push(
    `Can meet at P85: ${r.canMeet ? 'yes' : 'no'} (P85 is ${cell(weeksOf('p85'))} weeks; ` +
      `time used at P85: ${timeUsed}).`,
  );
  if (take) {
    parts.push(
      section(
        `What it would take, ${conf} sure`,
        pairs([
          ['scope that fits by the deadline (items)', val(take.scopeThatFits)],
          [
            'date the whole backlog needs',
            take.beyondMaxWeeks === true ? (stopped ?? 'beyond the limit') : val(take.date),
          ],
          [
            'latest start to make the deadline',
            take.latestStart === null ? 'beyond the limit' : val(take.latestStart),
          ],
          [
            'team that would make the deadline',
            take.teamSize === null ? undefined : val(take.teamSize),
          ],
        ]),
      ),
    );
  }
  parts.push(
    section(
      'Weeks to finish the whole backlog',
      foldedGrid(
        ['', 'weeks', 'done by', team, 'cost'].slice(0, cost ? 5 : 4),
        levels.map((p): Cell[] => [
          p.toUpperCase(),
          weeksOf(p),
          val(dates?.[p]),
          val(effort?.[p]),
          ...(cost ? [`${cell(val(cost[p]))} ${String(cost.currency)}`] : []),
        ]),
      ),
    ),
  );
  const curve = list(r.probabilityByDate);
  if (curve.length > 0) {
    parts.push(
      section(
        'Chance to be done by each date',
        grid(['date', 'weeks', 'chance'], curveRows(curve)),
      ),
    );
  }
  return parts;
}

function cost(r: Obj): string[] {
  const risk = obj(r.risk) ?? {};
  return [
    `Cost of ${cell(val(r.backlog))} items (${String(r.currency ?? '')}): mean ${cell(val(r.mean), 0)}, sd ${cell(val(r.sd), 0)}.`,
    r.model === 'duration'
      ? `Model: duration, weeks to finish × ${r.teamSize === null || r.teamSize === undefined ? 'one person' : `${cell(val(r.teamSize))} people`} × ${cell(val(r.costPerPersonWeek))} per person-week.`
      : 'Model: per-item PERT-Beta, items drawn independently.',
    section(
      'Percentiles',
      percentileGrid([
        ['total cost', obj(r.percentile_stats)],
        ['95% interval', intervals(r)],
        ['weeks', obj(r.weeks)],
      ]),
    ),
    pairs([
      ['contingency to P85', val(risk.contingencyP85)],
      ['contingency to P95', val(risk.contingencyP95)],
      ['budget', val(risk.budget)],
      [
        'P(over budget)',
        risk.probabilityOverBudget === undefined ? undefined : chance(risk.probabilityOverBudget),
      ],
      ['efficiency factor', val(r.efficiencyFactor)],
    ]),
  ];
}

function risks(r: Obj): string[] {
  return [
    grid(
      ['rank', 'risk', 'probability', 'expected', 'P85', 'severity'],
      list(r.risks).map((x) => [
        val(x.rank),
        val(x.description) || `risk ${cell(val(x.index))}`,
        percent(x.probability, 0),
        val(x.expectedImpact),
        val(x.p85Impact),
        val(x.severity),
      ]),
    ),
    pairs([
      ['total expected impact (items)', val(r.totalExpectedImpact)],
      ['total P85 impact (items)', val(r.totalP85Impact)],
    ]),
  ];
}

function dependencies(r: Obj): string[] {
  return [
    pairs([
      ['P(all on time)', chance(r.onTimeProbability)],
      ['odds', val(r.odds)],
      ['mean delay (days)', val(r.meanDelayDays)],
      ['risk score', val(r.riskScore)],
      ['risk level', val(r.riskLevel)],
    ]),
    section(
      'Delay percentiles',
      percentileGrid([
        ['days', obj(r.delayDays)],
        ['95% interval (days)', intervalsText(r.delayDaysIntervals)],
        ['weeks', obj(r.delayWeeks)],
        ['95% interval (weeks)', intervalsText(r.delayWeeksIntervals)],
      ]),
    ),
    ...moreRunsLine(obj(r.delayWeeksIntervals)?.p85, 'P85', 'week'),
    grid(
      ['dependency', 'on time', 'expected delay (d)', 'mean delay if late (d)'],
      list(r.dependencies).map((d) => [
        val(d.name),
        percent(d.onTimeProbability, 0),
        val(d.expectedDelayDays),
        val(d.meanDelayWhenLate),
      ]),
    ),
  ];
}

function accuracy(r: Obj): string[] {
  return [
    pairs([
      [
        'actual on or before forecast',
        `${val(r.onOrBefore)} of ${val(r.n)} (${val(r.onOrBeforeRate)}%)`,
      ],
      ['pairs', val(r.n)],
      ['MAE', val(r.mae)],
      ['RMSE', val(r.rmse)],
      ['MAPE %', val(r.mape)],
      ['R²', val(r.r2 ?? r.rSquared)],
      ['bias', val(r.bias)],
      ['within ±20%', val(r.accuracyRate)],
      [
        'quality',
        r.quality === 'insufficient' ? 'too few pairs to judge (under 5)' : val(r.quality),
      ],
    ]),
    grid(
      ['forecast', 'actual', 'actual − forecast', '% of forecast'],
      list(r.pairs).map((p) => [val(p.forecast), val(p.actual), val(p.error), val(p.percentError)]),
    ),
  ];
}

function pbc(r: Obj): string[] {
  const signals = obj(r.signals) ?? {};
  const count = (v: unknown) => (Array.isArray(v) ? v.length : val(v));
  return [
    pairs([
      ['points', val(r.n)],
      ['average', val(r.average)],
      ['upper limit (UNPL)', val(r.unpl)],
      ['lower limit (LNPL)', val(r.lnpl)],
      ['moving range average', val(r.averageMovingRange)],
      ['moving range limit (URL)', val(r.urlMovingRange)],
      ['points beyond limits', count(signals.pointsBeyondLimits)],
      ['runs (8+ on one side)', count(signals.runs)],
      ['trends (6+ rising/falling)', count(signals.trends)],
      ['predictability score', val(r.score)],
      ['verdict', val(r.verdict)],
    ]),
  ];
}

function history(r: Obj): string[] {
  const weeks = Array.isArray(r.weekStarts) ? (r.weekStarts as unknown[]) : [];
  const tp = Array.isArray(r.weeklyThroughput) ? (r.weeklyThroughput as unknown[]) : [];
  const lt = Array.isArray(r.leadTimes) ? (r.leadTimes as number[]) : [];
  const sorted = [...lt].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.round((sorted.length - 1) * p)] : null);
  return [
    section(
      'Weekly throughput',
      grid(
        ['week of', 'items'],
        weeks.map((w, i) => [val(w), val(tp[i])]),
      ),
    ),
    pairs([
      ['tpSamples', tp.join(', ')],
      ['lead times', lt.length],
      ['lead time median (days)', at(0.5)],
      ['lead time P85 (days)', at(0.85)],
    ]),
    section('Items', scalarPairs(obj(r.counts) ?? {})),
  ];
}

function metricsGrid(metrics: Obj[]): string {
  // No folds column: the backtest's number of folds is the calibration's, said once above.
  return grid(
    ['confidence %', 'MAE', 'RMSE', 'MAPE %', 'bias', 'hit rate %'],
    metrics.map((m) => [
      val(m.confidence),
      val(m.mae),
      val(m.rmse),
      val(m.mape),
      val(m.bias),
      val(m.hitRate),
    ]),
  );
}

function backtest(r: Obj): string[] {
  const calibration = obj(r.calibration) ?? {};
  return [
    // One number of folds everywhere (trust rules): those scored against real completion
    // times, as the web page's tile and table count them.
    `${String(r.method)} backtest of ${cell(val(r.backlog))} items over ${cell(val(calibration.folds))} folds, ` +
      `model ${String(r.throughputModel)}.`,
    // Errors on the same folds as the calibration (the original's backlog / test-window mean
    // scores other folds; it stays in the JSON as `metrics`).
    section(
      'Errors against real completion times (the same folds)',
      metricsGrid(list(calibration.metrics)),
    ),
    section(
      `Calibration against real completion times (about ${cell(val(calibration.effectiveFolds), 1)} independent periods)`,
      foldedGrid(
        ['nominal %', 'folds', 'hit rate %', 'coverage %', 'verdict'],
        list(calibration.levels).map((l) => [
          val(l.nominal),
          val(l.folds),
          val(l.hitRate),
          val(l.coverage),
          val(l.verdict),
        ]),
      ),
    ),
    pairs([
      [
        'verdict',
        calibration.verdictLevel === null || calibration.verdictLevel === undefined
          ? val(calibration.verdict)
          : `${val(calibration.verdict)} at P${val(calibration.verdictLevel)}`,
      ],
    ]),
  ];
}

/** The forecast journal: one row per check-in, as of its date. */
function delivery(r: Obj): string[] {
  const checkIns = list(r.checkIns);
  const showHits = checkIns.some((c) => obj(c.hits) !== undefined);
  const hit = (c: Obj, level: string) => {
    const h = obj(c.hits)?.[level];
    return typeof h === 'boolean' ? (h ? 'yes' : 'no') : null;
  };
  return [
    pairs([
      ['delivery', val(r.name)],
      ['start', val(r.start)],
      ['target', val(r.targetDate)],
      ['actual', val(r.actualDate)],
    ]),
    section(
      'Forecast journal',
      grid(
        [
          'check-in',
          'done',
          'remaining',
          'added',
          'P50',
          'P85',
          'P95',
          'P(target)',
          ...(showHits ? ['P50 held', 'P85 held', 'P95 held'] : []),
        ],
        checkIns.map((c): Cell[] => {
          const dates = obj(c.completionDates) ?? {};
          const p = c.probabilityByTarget;
          return [
            val(c.date),
            val(c.done),
            val(c.remaining),
            val(c.scopeAdded),
            val(dates.p50),
            val(dates.p85),
            val(dates.p95),
            typeof p === 'number' ? chance(p) : null,
            ...(showHits ? [hit(c, 'P50'), hit(c, 'P85'), hit(c, 'P95')] : []),
          ];
        }),
      ),
    ),
  ];
}

/** Flow analytics: the SLE first, then cycle time, work in progress by age, weekly throughput. */
function flow(r: Obj): string[] {
  const ct = obj(r.cycleTime) ?? {};
  const pct = obj(ct.percentiles) ?? {};
  const sle = obj(r.sle);
  const win = obj(r.window) ?? {};
  const counts = obj(r.counts) ?? {};
  const backlog = obj(r.backlog) ?? {};
  const sizing = obj(r.rightSizing) ?? {};
  const historyWindow = obj(r.historyWindow);
  const weekly = list(obj(r.throughput)?.weekly);
  const span = `${win.from === null || win.from === undefined ? 'all history' : String(win.from)} to ${String(win.to)}`;
  const keys = Object.keys(pct);
  return [
    sle
      ? `${cell(val(sle.percentile))}% of items finish within ${cell(val(sle.days))} days (done ${span}, as of ${String(r.asOf)}).`
      : `No done items in the window (${span}).`,
    section(
      'Cycle time (days)',
      grid(
        ['n', ...keys.map((k) => k.toUpperCase()), 'mean', 'min', 'max'],
        [[val(ct.n), ...keys.map((k) => val(pct[k])), val(ct.mean), val(ct.min), val(ct.max)]],
      ),
    ),
    section(
      `Work in progress (${cell(val(backlog.inProgress))} in progress + ${cell(val(backlog.notStarted))} not started = ${cell(val(backlog.total))} items)`,
      grid(
        ['item', 'state', 'started', 'age (d)', 'passed'],
        list(r.inProgress).map((i) => [
          val(i.id),
          val(i.state),
          val(i.started),
          val(i.age),
          typeof i.passed === 'number' ? `P${i.passed}` : null,
        ]),
      ),
    ),
    pairs([
      // The engine's shares are already percentages (37.5), not fractions.
      ['past P70', `${cell(val(sizing.pastP70))} (${cell(val(sizing.shareP70))}%)`],
      ['past the SLE', `${cell(val(sizing.pastSle))} (${cell(val(sizing.shareSle))}%)`],
      ['done', val(counts.done)],
      ['done without a start date', val(counts.doneWithoutStart)],
      ['done before started (left out)', val(counts.doneBeforeStarted)],
      ['history window for forecasts', historyWindow ? val(historyWindow.reason) : undefined],
    ]),
    section(
      'Weekly throughput (last 12 weeks)',
      grid(
        ['week of', 'items'],
        weekly.slice(-12).map((w) => [val(w.weekStart), val(w.count)]),
      ),
    ),
  ];
}

const FORMATTERS: Record<RequestKind, (r: Obj) => string[]> = {
  simulate,
  when,
  'how-many': howMany,
  deadline,
  cost,
  risks,
  dependencies,
  backtest,
  accuracy,
  pbc,
  history,
  delivery,
  flow,
  portfolio: portfolioTable,
};

/** Kinds without a table of their own (added kinds) show their top-level figures. */
function figures(r: Obj): string[] {
  return [pairs(Object.entries(r).map(([key, value]): [string, Cell] => [key, val(value)]))];
}

/** The engine said the backlog is empty: no table of zero weeks, which reads like a forecast. */
function emptyBacklog(r: Obj): boolean {
  return list(r.warningCodes).some((w) => w.code === 'emptyBacklog');
}

export function formatTable(kind: string, result: unknown): string {
  const r = obj(result) ?? {};
  const body = emptyBacklog(r)
    ? ['Nothing left to do: the backlog is empty, so there is nothing to forecast.']
    : isRequestKind(kind)
      ? FORMATTERS[kind](r)
      : figures(r);
  const parts = [...body, calendarText(r), footer(r)].filter((p) => p.trim() !== '');
  return `${parts.join('\n\n')}\n`;
}
