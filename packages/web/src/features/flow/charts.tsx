/**
 * The flow charts. Dots are aggregated before drawing (one mark per distinct done day and
 * cycle time, one per distinct state and age), so 100,000 items draw as at most a few
 * thousand SVG marks; each mark's tooltip lists its item ids.
 */
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line, LinePath } from '@visx/shape';
import { useState, type ReactNode, type SVGProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowMetricsResult } from '@flow-forecaster/engine';
import { ChartAxes, ChartSvg, GridLines, MarkerLine } from '../../charts/ChartSvg';
import { COLORS, INNER_H, VALUE_TICKS } from '../../charts/frame';
import { ticksFor, ticksForLabels, useChartWidth } from '../../charts/width';
import { useFormat } from '../../i18n/format';

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** What each flow chart is drawn from: the team's metrics and the chart's title. */
interface FlowChartProps {
  metrics: FlowMetricsResult;
  title: string;
  /** The team's calendar: its non-working days are shaded behind the marks. */
  calendar?: ChartCalendar | null;
}

/** The plot's width, the translations and the number formats every flow chart draws with. */
function useChartKit() {
  const { innerW } = useChartWidth();
  const { t } = useTranslation();
  const fmt = useFormat();
  return { innerW, t, fmt };
}

const PERCENTILE_COLORS: Record<string, string> = {
  p50: COLORS.p50,
  p70: '#2e7d32',
  p85: COLORS.p85,
  p95: COLORS.p95,
};

function percentileLines(percentiles: Record<string, number>) {
  return Object.entries(percentiles).map(([key, value]) => ({
    key,
    value,
    color: PERCENTILE_COLORS[key] ?? COLORS.line,
  }));
}

const MAX_IDS_IN_TOOLTIP = 20;

/**
 * What the last tapped mark holds (ids, value): phones have no hover, so a mark's tooltip
 * would never show there. A live region, so screen readers hear it too.
 */
function TappedMark({ text }: { text: string | null }) {
  return (
    <p className="flow-tapped" role="status" data-testid="flow-tapped">
      {text ?? ''}
    </p>
  );
}

/**
 * A chart whose marks can be tapped (`TapDot`): the chart, then the last tapped mark's text.
 * The tapped state lives here so every chart with marks behaves the same.
 */
function TappableChart({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: (onTap: (text: string) => void) => ReactNode;
}) {
  const [tapped, setTapped] = useState<string | null>(null);
  return (
    <>
      <ChartSvg title={title} testId={testId}>
        {children(setTapped)}
      </ChartSvg>
      <TappedMark text={tapped} />
    </>
  );
}

/** A dot whose text is both its hover tooltip and, when tapped, the chart's tapped text. */
function TapDot({
  text,
  onTap,
  ...circle
}: Omit<SVGProps<SVGCircleElement>, 'onClick' | 'className'> & {
  text: string;
  onTap: (text: string) => void;
}) {
  return (
    <circle {...circle} className="flow-mark" onClick={() => onTap(text)}>
      <title>{text}</title>
    </circle>
  );
}

function idsText(ids: string[]): string {
  return ids.length > MAX_IDS_IN_TOOLTIP
    ? `${ids.slice(0, MAX_IDS_IN_TOOLTIP).join(', ')} … (+${ids.length - MAX_IDS_IN_TOOLTIP})`
    : ids.join(', ');
}

/** Above this many distinct (day, cycle time) marks, dots are grouped by week of done. */
const MAX_MARKS = 4000;

/** One mark per distinct done day and cycle time (per week when that is still too many). */
function scatterMarks(scatter: FlowMetricsResult['scatter']) {
  const group = (bucket: (day: number) => number) => {
    const groups = new Map<string, { day: number; ct: number; ids: string[] }>();
    for (const p of scatter) {
      const day = bucket(dayOf(p.done));
      const key = `${day}|${p.cycleTime}`;
      const g = groups.get(key);
      if (g) g.ids.push(p.id);
      else groups.set(key, { day, ct: p.cycleTime, ids: [p.id] });
    }
    return [...groups.values()];
  };
  const daily = group((d) => d);
  // 1970-01-01 was a Thursday: day + 3 counts from a Monday.
  return daily.length <= MAX_MARKS ? daily : group((d) => d - ((((d + 3) % 7) + 7) % 7));
}

/** A team calendar as the date-axis charts shade it (the engine's FlowCalendarDays fits). */
export interface ChartCalendar {
  workingDays: readonly number[];
  daysOff: readonly { date: string; reason: string }[];
}

/** Narrower than this (px per day), weekend stripes would grey the whole chart: holidays only. */
const MIN_PX_PER_SHADED_WEEKEND_DAY = 2;

/**
 * Runs of non-working days between two epoch days: the calendar's days off always, its other
 * weekdays (weekends) only when a day is wide enough to read; each run is [first, last, why].
 */
export function offDayRuns(
  from: number,
  to: number,
  calendar: ChartCalendar,
  pxPerDay: number,
): { first: number; last: number; reason: string }[] {
  const reasons = new Map(calendar.daysOff.map((d) => [dayOf(d.date), d.reason]));
  const weekends = pxPerDay >= MIN_PX_PER_SHADED_WEEKEND_DAY;
  const out: { first: number; last: number; reason: string }[] = [];
  for (let d = from; d <= to; d++) {
    // 1970-01-01 was a Thursday (ISO 4).
    const weekday = ((((d + 3) % 7) + 7) % 7) + 1;
    const reason =
      reasons.get(d) ?? (weekends && !calendar.workingDays.includes(weekday) ? '' : null);
    if (reason === null) continue;
    const prev = out.at(-1);
    if (prev && prev.last === d - 1) {
      prev.last = d;
      if (reason && !prev.reason.includes(reason))
        prev.reason = prev.reason ? `${prev.reason}, ${reason}` : reason;
    } else out.push({ first: d, last: d, reason });
  }
  return out;
}

/** Grey bands behind a date-axis chart's marks, one per run of non-working days. */
function OffDayBands({
  runs,
  x0,
  x1,
  testId,
  fmt,
}: {
  runs: { first: number; last: number; reason: string }[];
  /** Left and right edge of a day on the x axis. */
  x0: (day: number) => number;
  x1: (day: number) => number;
  testId: string;
  fmt: { shortDate: (iso: string) => string };
}) {
  const { innerW } = useChartWidth();
  if (runs.length === 0) return null;
  return (
    <g data-testid={`${testId}-offdays`}>
      {runs.map((r) => {
        const left = Math.max(0, x0(r.first));
        const right = Math.min(innerW, x1(r.last));
        if (right <= left) return null;
        const span =
          r.first === r.last
            ? fmt.shortDate(isoOf(r.first))
            : `${fmt.shortDate(isoOf(r.first))}–${fmt.shortDate(isoOf(r.last))}`;
        return (
          <rect
            key={r.first}
            data-testid={`${testId}-off`}
            data-date={isoOf(r.first)}
            x={left}
            y={0}
            width={right - left}
            height={INNER_H}
            fill={COLORS.grid}
            opacity={0.5}
          >
            <title>{r.reason ? `${span}: ${r.reason}` : span}</title>
          </rect>
        );
      })}
    </g>
  );
}

export function CycleTimeScatter({ metrics, title, calendar }: FlowChartProps) {
  const { innerW, t, fmt } = useChartKit();
  const points = scatterMarks(metrics.scatter);
  if (points.length === 0) return <p className="empty">—</p>;
  const days = points.map((p) => p.day);
  const lines = percentileLines(metrics.cycleTime.percentiles);
  const maxCt = Math.max(...points.map((p) => p.ct), ...lines.map((l) => l.value));
  const x = scaleLinear<number>({
    domain: [Math.min(...days) - 1, Math.max(...days) + 1],
    range: [0, innerW],
  });
  const y = scaleLinear<number>({ domain: [0, maxCt + 1], range: [INNER_H, 0], nice: VALUE_TICKS });
  const [from, to] = x.domain();
  const runs = calendar ? offDayRuns(from, to, calendar, innerW / (to - from)) : [];
  return (
    <TappableChart title={title} testId="flow-scatter">
      {(onTap) => (
        <>
          <OffDayBands
            runs={runs}
            x0={(d) => x(d - 0.5)}
            x1={(d) => x(d + 0.5)}
            testId="flow-scatter"
            fmt={fmt}
          />
          <GridLines y={y} />
          {lines.map((l, i) => (
            <g key={l.key} data-percentile={l.key}>
              <Line
                from={{ x: 0, y: y(l.value) }}
                to={{ x: innerW, y: y(l.value) }}
                stroke={l.color}
                strokeWidth={1.5}
                strokeDasharray={l.key === 'p85' ? undefined : '6 3'}
              />
              <text
                x={innerW - 4 - i * 58}
                y={y(l.value) - 4}
                fill={l.color}
                fontSize={11}
                fontWeight={700}
                textAnchor="end"
              >
                {`${l.key.toUpperCase()}: ${fmt.integer(l.value)}`}
              </text>
            </g>
          ))}
          {points.map((p) => {
            const text = `${idsText(p.ids)}: ${fmt.integer(p.ct)} ${t('flow.charts.cycleDays')} (${fmt.shortDate(isoOf(p.day))})`;
            return (
              <TapDot
                key={`${p.day}|${p.ct}`}
                text={text}
                onTap={onTap}
                cx={x(p.day)}
                cy={y(p.ct)}
                r={Math.min(9, 3 + Math.sqrt(p.ids.length))}
                fill={COLORS.barStrong}
                fillOpacity={0.6}
                data-testid="flow-dot"
                data-count={p.ids.length}
              />
            );
          })}
          <ChartAxes
            x={x}
            y={y}
            xLabel={t('flow.charts.doneDay')}
            yLabel={t('flow.charts.cycleDays')}
            xFormat={(v) => fmt.shortDate(isoOf(v))}
            yFormat={(v) => fmt.integer(v)}
            xTicks={5}
          />
        </>
      )}
    </TappableChart>
  );
}

export function CycleTimeHistogram({ metrics, title }: FlowChartProps) {
  const { innerW, t, fmt } = useChartKit();
  const bins = metrics.histogram;
  if (bins.length === 0) return <p className="empty">—</p>;
  const maxDays = bins[bins.length - 1].days;
  const domain = Array.from({ length: maxDays }, (_, i) => i + 1);
  const x = scaleBand<number>({ domain, range: [0, innerW], padding: 0.12 });
  const y = scaleLinear<number>({
    domain: [0, Math.max(...bins.map((b) => b.count))],
    range: [INNER_H, 0],
    nice: VALUE_TICKS,
  });
  const lines = percentileLines(metrics.cycleTime.percentiles);
  const step = Math.max(1, Math.ceil(domain.length / ticksFor(14, innerW)));
  return (
    <ChartSvg title={title} testId="flow-histogram">
      <GridLines y={y} />
      {bins.map((b) => (
        <Bar
          key={b.days}
          x={x(b.days)}
          y={y(b.count)}
          width={x.bandwidth()}
          height={INNER_H - y(b.count)}
          fill={COLORS.bar}
        >
          <title>{`${fmt.integer(b.days)} ${t('flow.table.daysCol')}: ${fmt.integer(b.count)}`}</title>
        </Bar>
      ))}
      {lines.map((l, i) => {
        const cx = (x(l.value) ?? 0) + x.bandwidth() / 2;
        return (
          <g key={l.key}>
            <Line
              from={{ x: cx, y: 0 }}
              to={{ x: cx, y: INNER_H }}
              stroke={l.color}
              strokeWidth={2}
            />
            <text x={cx + 4} y={14 + i * 14} fill={l.color} fontSize={11} fontWeight={700}>
              {`${l.key.toUpperCase()}: ${fmt.integer(l.value)}`}
            </text>
          </g>
        );
      })}
      <ChartAxes
        x={x}
        y={y}
        xLabel={t('flow.table.daysCol')}
        yLabel={t('flow.charts.items')}
        xFormat={(v) => fmt.integer(v)}
        yFormat={(v) => fmt.integer(v)}
        xTickValues={domain.filter((d) => (d - 1) % step === 0)}
      />
    </ChartSvg>
  );
}

export function AgingChart({ metrics, title }: FlowChartProps) {
  const { innerW, t, fmt } = useChartKit();
  const states = metrics.aging.states.map((s) => s.state);
  if (states.length === 0) return <p className="empty">—</p>;
  const bands = percentileLines(metrics.aging.bands);
  const maxAge = Math.max(...metrics.inProgress.map((i) => i.age), ...bands.map((b) => b.value));
  const x = scaleBand<number>({
    domain: states.map((_, i) => i),
    range: [0, innerW],
    padding: 0.2,
  });
  const stateIndex = new Map(states.map((s, i) => [s, i]));
  const y = scaleLinear<number>({
    domain: [0, maxAge + 1],
    range: [INNER_H, 0],
    nice: VALUE_TICKS,
  });
  const groups = new Map<string, { state: string; age: number; ids: string[]; past: boolean }>();
  for (const i of metrics.inProgress) {
    const key = `${i.state}|${i.age}`;
    const g = groups.get(key);
    if (g) g.ids.push(i.id);
    else groups.set(key, { state: i.state, age: i.age, ids: [i.id], past: i.pastSle });
  }
  // Bands from 0 up to each percentile, lightest on top, so each age sits in its band.
  const shades = ['#e3f0e3', '#fff6d6', '#fde2cc', '#f8cfd0'];
  let lower = 0;
  const rects = bands.map((b, k) => {
    const r = { key: b.key, from: lower, to: b.value, fill: shades[k % shades.length] };
    lower = b.value;
    return r;
  });
  return (
    <TappableChart title={title} testId="flow-aging">
      {(onTap) => (
        <>
          {rects.map((r) => (
            <rect
              key={r.key}
              x={0}
              width={innerW}
              y={y(r.to)}
              height={Math.max(0, y(r.from) - y(r.to))}
              fill={r.fill}
            >
              <title>{`${r.key.toUpperCase()}: ${fmt.integer(r.to)}`}</title>
            </rect>
          ))}
          {bands.map((b) => (
            <text
              key={b.key}
              x={innerW - 4}
              y={y(b.value) - 3}
              fontSize={11}
              textAnchor="end"
              fill={b.color}
            >
              {`${b.key.toUpperCase()}: ${fmt.integer(b.value)}`}
            </text>
          ))}
          {[...groups.values()].map((g) => {
            const text = `${idsText(g.ids)}: ${fmt.integer(g.age)} ${t('flow.charts.ageDays')}`;
            return (
              <TapDot
                key={`${g.state}|${g.age}`}
                text={text}
                onTap={onTap}
                cx={(x(stateIndex.get(g.state) ?? 0) ?? 0) + x.bandwidth() / 2}
                cy={y(g.age)}
                r={Math.min(10, 4 + Math.sqrt(g.ids.length))}
                fill={g.past ? COLORS.bad : COLORS.barStrong}
                data-testid="aging-dot"
                data-past={g.past ? 'yes' : 'no'}
              />
            );
          })}
          <ChartAxes
            x={x}
            y={y}
            xLabel={t('flow.charts.state')}
            yLabel={t('flow.charts.ageDays')}
            xFormat={(v) => states[v] ?? ''}
            xTickValues={states.map((_, i) => i)}
            yFormat={(v) => fmt.integer(v)}
          />
        </>
      )}
    </TappableChart>
  );
}

/**
 * The days a run chart shades: non-working days of a daily series (weekends, and the days off
 * a calendar lists), so a zero on a Saturday does not read as a bad day.
 */
export function nonWorkingDays(
  points: readonly { date: string }[],
  workingDays: readonly number[] = [1, 2, 3, 4, 5],
  daysOff: readonly string[] = [],
): Set<number> {
  const off = new Set(daysOff);
  const out = new Set<number>();
  points.forEach((p, i) => {
    const day = new Date(`${p.date}T00:00:00Z`).getUTCDay() || 7;
    if (!workingDays.includes(day) || off.has(p.date)) out.add(i);
  });
  return out;
}

/** Bars of a count per period with a dashed line at its mean; zero periods drawn as zero. */
export function RunChart({
  points,
  mean,
  title,
  testId,
  xLabel,
  bars = true,
  shaded,
}: {
  points: { date: string; count: number }[];
  mean: number | null;
  title: string;
  testId: string;
  xLabel: string;
  bars?: boolean;
  /** Indexes of the periods to shade (non-working days). */
  shaded?: ReadonlySet<number>;
}) {
  const { innerW, t, fmt } = useChartKit();
  if (points.length === 0) return <p className="empty">—</p>;
  const x = scaleBand<number>({
    domain: points.map((_, i) => i),
    range: [0, innerW],
    padding: bars ? 0.15 : 0,
  });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...points.map((p) => p.count))],
    range: [INNER_H, 0],
    nice: VALUE_TICKS,
  });
  // Date labels keep their size on a narrow (phone) drawing, so fewer of them fit.
  const step = dateTickStep(points, innerW, 8, fmt);
  const cx = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
  return (
    <ChartSvg title={title} testId={testId}>
      {shaded &&
        [...shaded].map((i) => (
          <rect
            key={`off-${i}`}
            data-testid={`${testId}-off`}
            x={x(i) ?? 0}
            y={0}
            width={x.step()}
            height={INNER_H}
            fill={COLORS.grid}
            opacity={0.5}
          />
        ))}
      <GridLines y={y} />
      {bars ? (
        points.map((p, i) => (
          <Bar
            key={p.date}
            x={x(i)}
            y={y(p.count)}
            width={x.bandwidth()}
            height={INNER_H - y(p.count)}
            fill={COLORS.bar}
          >
            <title>{`${fmt.shortDate(p.date)}: ${fmt.integer(p.count)}`}</title>
          </Bar>
        ))
      ) : (
        <LinePath
          data={points.map((p, i) => [cx(i), y(p.count)] as [number, number])}
          x={(d) => d[0]}
          y={(d) => d[1]}
          stroke={COLORS.barStrong}
          strokeWidth={1.5}
        />
      )}
      {mean !== null && (
        <g data-testid={`${testId}-mean`}>
          <MarkerLine
            y={y(mean)}
            color={COLORS.p85}
            strokeWidth={1.5}
            label={{
              text: `${t('flow.charts.mean')}: ${fmt.number(mean, 2)}`,
              x: 4,
              y: y(mean) - 4,
              fontSize: 11,
            }}
          />
        </g>
      )}
      <ChartAxes
        x={x}
        y={y}
        xLabel={xLabel}
        yLabel={t('flow.charts.items')}
        xFormat={(v) => (points[v] ? fmt.axisDate(points[v].date) : '')}
        yFormat={(v) => fmt.integer(v)}
        xTickValues={points.map((_, i) => i).filter((i) => i % step === 0)}
      />
    </ChartSvg>
  );
}

/** Every how many points a date tick goes, so that `full` labels at most fit, as long as this locale writes them. */
function dateTickStep(
  points: readonly { date: string }[],
  innerW: number,
  full: number,
  fmt: { axisDate: (iso: string) => string },
): number {
  const longest = Math.max(1, ...points.map((p) => fmt.axisDate(p.date).length));
  return Math.max(1, Math.ceil(points.length / ticksForLabels(full, innerW, longest)));
}

const CFD_COLORS = { arrived: '#cfd8e3', started: '#f2c48d', done: '#7ea6d8' } as const;

/** Cumulative arrived / started / done: the gaps are the backlog and the work in progress. */
export function CfdChart({ metrics, title, calendar }: FlowChartProps) {
  const { innerW, t, fmt } = useChartKit();
  const cfd = metrics.cfd;
  if (cfd.length === 0) return <p className="empty">—</p>;
  // The CFD has a point per day: index i is the first date plus i days.
  const first = dayOf(cfd[0].date);
  const top = (p: (typeof cfd)[number]) => p.arrived ?? p.started;
  const x = scaleLinear<number>({ domain: [0, cfd.length - 1 || 1], range: [0, innerW] });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...cfd.map(top))],
    range: [INNER_H, 0],
    nice: VALUE_TICKS,
  });
  const area = (upper: (i: number) => number, lowerOf: (i: number) => number) => {
    const up = cfd.map((_, i) => `${x(i)},${y(upper(i))}`);
    const down = cfd.map((_, i) => `${x(i)},${y(lowerOf(i))}`).reverse();
    return `M${up.join('L')}L${down.join('L')}Z`;
  };
  const bands = metrics.cfdBands;
  // Each band is the area between its own cumulative count and the next band's.
  const layers = [
    {
      band: 'arrived',
      upper: (i: number) => cfd[i].arrived ?? 0,
      lower: (i: number) => cfd[i].started,
    },
    { band: 'started', upper: (i: number) => cfd[i].started, lower: (i: number) => cfd[i].done },
    { band: 'done', upper: (i: number) => cfd[i].done, lower: () => 0 },
  ] as const;
  const shown = layers.filter((l) => l.band !== 'arrived' || bands.includes('arrived'));
  const step = dateTickStep(cfd, innerW, 6, fmt);
  const last = first + cfd.length - 1;
  const runs = calendar ? offDayRuns(first, last, calendar, innerW / Math.max(1, cfd.length)) : [];
  return (
    <ChartSvg title={title} testId="flow-cfd">
      {/* Behind the data, as on the other charts; the bands fill the chart, so with days off
          they are a little translucent and a day off shows through them as a pause. */}
      <OffDayBands
        runs={runs}
        x0={(d) => x(d - first - 0.5)}
        x1={(d) => x(d - first + 0.5)}
        testId="flow-cfd"
        fmt={fmt}
      />
      <GridLines y={y} />
      {shown.map((l) => (
        <path
          key={l.band}
          d={area(l.upper, l.lower)}
          fill={CFD_COLORS[l.band]}
          fillOpacity={runs.length > 0 ? 0.8 : undefined}
          data-band={l.band}
        >
          <title>{t(`flow.charts.${l.band}`)}</title>
        </path>
      ))}
      <g>
        {bands.map((b, k) => (
          <g key={b} transform={`translate(${8 + k * 110}, 8)`}>
            <rect width={12} height={12} fill={CFD_COLORS[b]} />
            <text x={16} y={10} fontSize={11}>
              {t(`flow.charts.${b}`)}
            </text>
          </g>
        ))}
      </g>
      <ChartAxes
        x={x}
        y={y}
        xLabel={t('flow.charts.day')}
        yLabel={t('flow.charts.items')}
        xFormat={(v) => (cfd[Math.round(v)] ? fmt.axisDate(cfd[Math.round(v)].date) : '')}
        yFormat={(v) => fmt.integer(v)}
        xTickValues={cfd.map((_, i) => i).filter((i) => i % step === 0)}
      />
    </ChartSvg>
  );
}
