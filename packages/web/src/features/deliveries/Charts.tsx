import type { CheckInForecast } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useMeasuredWidth } from '../../charts/width';
import { ChartLegend, type LegendEntry } from '../../charts/Legend';

/** The widest drawing; on a narrower screen the drawing takes the screen's width (see Frame). */
const WIDEST = 640;
const H = 260;
// Left room for a localized date tick ("21 de dez. de 2026" is about 100 px at 11 px).
const PAD = { left: 110, right: 16, top: 12, bottom: 36 };
const DAY = 86_400_000;

const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Room for one day-and-month label along the bottom; closer check-ins leave theirs out. */
const X_LABEL_ROOM = 56;

/** Day and month in the chosen language ("19 de out."): the year is on the journal table. */
function dayMonth(locale: string): (date: string) => string {
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (date) => f.format(new Date(ms(date)));
}

function scale(lo: number, hi: number, a: number, b: number) {
  const span = hi - lo || 1;
  return (v: number) => a + ((v - lo) / span) * (b - a);
}

function path(points: [number, number][]): string {
  return points
    .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`)
    .join('');
}

/** The box a chart measures and the width it draws at in it. */
type Drawing = ReturnType<typeof useMeasuredWidth<HTMLDivElement>>;

/**
 * The axes and ticks around a chart, drawn `width` wide inside the box it measured: the viewBox
 * is the screen's width, so the 11 px labels stay 11 px on a phone instead of shrinking with a
 * 640-wide drawing scaled down to fit.
 */
function Frame({
  drawing: [box, W],
  label,
  testId,
  yTicks,
  dates,
  legend,
  children,
}: {
  drawing: Drawing;
  label: string;
  testId: string;
  yTicks: { y: number; text: string }[];
  /** The check-in dates ticked along the bottom ("04-07"), and where each sits. */
  dates: { at: (date: string) => number; of: readonly { date: string }[] };
  legend?: (LegendEntry | false | undefined)[];
  children: React.ReactNode;
}) {
  const { locale } = useFormat();
  const tickText = dayMonth(locale);
  const xTicks: { x: number; text: string }[] = [];
  for (const c of dates.of) {
    const x = dates.at(c.date);
    const prev = xTicks[xTicks.length - 1];
    if (!prev || x - prev.x >= X_LABEL_ROOM) xTicks.push({ x, text: tickText(c.date) });
  }
  return (
    <div ref={box}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={label}
        data-testid={testId}
        className="delivery-chart"
      >
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          stroke="currentColor"
        />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="currentColor" />
        {yTicks.map((tk) => (
          <text key={`y${tk.text}`} x={PAD.left - 6} y={tk.y + 4} textAnchor="end" fontSize="11">
            {tk.text}
          </text>
        ))}
        {xTicks.map((tk) => (
          <text
            key={`x${tk.text}`}
            x={tk.x}
            y={H - PAD.bottom + 16}
            textAnchor="middle"
            fontSize="11"
          >
            {tk.text}
          </text>
        ))}
        {children}
      </svg>
      {legend && <ChartLegend entries={legend} />}
    </div>
  );
}

interface DatedCheckIn {
  date: string;
  completionDates: { p50: string; p85: string; p95: string };
}

/**
 * Check-ins whose P50, P85 and P95 are dates: a percentile beyond maxWeeks has none (a cap is
 * never drawn as a date; the journal table says "beyond N weeks" instead).
 */
function dated(checkIns: readonly CheckInForecast[]): DatedCheckIn[] {
  return checkIns.flatMap((c) => {
    const { p50, p85, p95 } = c.completionDates;
    return p50 !== null && p85 !== null && p95 !== null
      ? [{ date: c.date, completionDates: { p50, p85, p95 } }]
      : [];
  });
}

/** Forecast completion date against check-in date: P50, P85, the P50–P95 band, target, actual. */
export function JournalChart({
  checkIns: all,
  targetDate,
  actualDate,
}: {
  checkIns: CheckInForecast[];
  targetDate?: string | null;
  actualDate?: string | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const drawing = useMeasuredWidth(WIDEST);
  const W = drawing[1];
  const checkIns = dated(all);
  if (checkIns.length === 0) return null;
  const xs = checkIns.map((c) => ms(c.date));
  const ys = checkIns.flatMap((c) => [ms(c.completionDates.p50), ms(c.completionDates.p95)]);
  if (targetDate) ys.push(ms(targetDate));
  if (actualDate) ys.push(ms(actualDate));
  const x0 = Math.min(...xs) - 3 * DAY;
  const x1 = Math.max(...xs) + 3 * DAY;
  const y0 = Math.min(...ys) - 7 * DAY;
  const y1 = Math.max(...ys) + 7 * DAY;
  const x = scale(x0, x1, PAD.left, W - PAD.right);
  const y = scale(y0, y1, H - PAD.bottom, PAD.top);
  const at = (key: 'p50' | 'p85' | 'p95') =>
    checkIns.map((c): [number, number] => [x(ms(c.date)), y(ms(c.completionDates[key]))]);
  const band = [...at('p50'), ...at('p95').reverse()];
  return (
    <Frame
      drawing={drawing}
      label={t('deliveries.journal')}
      testId="journal-chart"
      dates={{ at: (d) => x(ms(d)), of: checkIns }}
      yTicks={[y0 + 7 * DAY, (y0 + y1) / 2, y1 - 7 * DAY].map((v) => ({
        y: y(v),
        text: fmt.shortDate(iso(v)),
      }))}
      legend={[
        { label: t('deliveries.legend.p50'), color: '#2a6' },
        { label: t('deliveries.legend.p85'), color: '#c60' },
        { label: t('deliveries.legend.band'), color: 'var(--accent, #4a7)', swatch: 'band' },
        !!targetDate && { label: t('deliveries.legend.target'), color: '#a00' },
        !!actualDate && { label: t('deliveries.legend.actual'), color: '#333' },
      ]}
    >
      <path d={`${path(band)}Z`} fill="var(--accent, #4a7)" fillOpacity={0.18} data-series="band" />
      <path d={path(at('p50'))} fill="none" stroke="#2a6" strokeWidth={2} data-series="p50" />
      <path d={path(at('p85'))} fill="none" stroke="#c60" strokeWidth={2} data-series="p85" />
      {at('p85').map(([px, py], i) => (
        <circle
          key={checkIns[i].date}
          cx={px}
          cy={py}
          r={3}
          fill="#c60"
          data-testid="journal-p85-point"
        />
      ))}
      {targetDate && (
        <DateLine
          width={W}
          y={y(ms(targetDate))}
          series="target"
          stroke="#a00"
          strokeDasharray="6 4"
        />
      )}
      {actualDate && (
        <DateLine width={W} y={y(ms(actualDate))} series="actual" stroke="#333" strokeWidth={2} />
      )}
    </Frame>
  );
}

/** The latest forecast's dates the burn-up projects to, dashed in their percentile's colour. */
const PROJECTED = [
  { key: 'p50', stroke: '#2a6' },
  { key: 'p85', stroke: '#c60' },
] as const;

/** Done and total scope over time, with the latest forecast's P50 and P85 dates projected. */
export function BurnUpChart({ checkIns }: { checkIns: CheckInForecast[] }) {
  const { t } = useTranslation();
  const drawing = useMeasuredWidth(WIDEST);
  const W = drawing[1];
  if (checkIns.length === 0) return null;
  const last = checkIns[checkIns.length - 1];
  const projected = dated([last])[0]?.completionDates;
  const xs = [...checkIns.map((c) => ms(c.date)), ...(projected ? [ms(projected.p85)] : [])];
  const x = scale(Math.min(...xs) - 3 * DAY, Math.max(...xs) + 3 * DAY, PAD.left, W - PAD.right);
  const top = Math.max(...checkIns.map((c) => c.totalScope), 1);
  const y = scale(0, top, H - PAD.bottom, PAD.top);
  const done = checkIns.map((c): [number, number] => [x(ms(c.date)), y(c.done)]);
  const total = checkIns.map((c): [number, number] => [x(ms(c.date)), y(c.totalScope)]);
  const end = done[done.length - 1];
  return (
    <Frame
      drawing={drawing}
      label={t('deliveries.burnUp')}
      testId="burnup-chart"
      dates={{ at: (d) => x(ms(d)), of: checkIns }}
      yTicks={[0, top].map((v) => ({ y: y(v), text: String(v) }))}
      legend={[
        { label: t('deliveries.legend.done'), color: '#2a6' },
        { label: t('deliveries.legend.total'), color: '#555' },
        !!projected && { label: t('deliveries.legend.p50'), color: '#2a6' },
        !!projected && { label: t('deliveries.legend.p85'), color: '#c60' },
      ]}
    >
      <path d={path(total)} fill="none" stroke="#555" strokeWidth={2} data-series="total" />
      <path d={path(done)} fill="none" stroke="#2a6" strokeWidth={2} data-series="done" />
      {projected &&
        PROJECTED.map(({ key, stroke }) => (
          <path
            key={key}
            d={path([end, [x(ms(projected[key])), y(last.totalScope)]])}
            fill="none"
            stroke={stroke}
            strokeDasharray="4 4"
            data-series={key}
          />
        ))}
    </Frame>
  );
}

/** Probability of making the target at each check-in, 0–100 %. */
export function ProbabilityChart({ checkIns }: { checkIns: CheckInForecast[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const drawing = useMeasuredWidth(WIDEST);
  const W = drawing[1];
  const points = checkIns.filter((c) => c.probabilityByTarget !== null);
  if (points.length === 0) return null;
  const xs = points.map((c) => ms(c.date));
  const x = scale(Math.min(...xs) - 3 * DAY, Math.max(...xs) + 3 * DAY, PAD.left, W - PAD.right);
  const y = scale(0, 1, H - PAD.bottom, PAD.top);
  return (
    <Frame
      drawing={drawing}
      label={t('deliveries.probability')}
      testId="probability-chart"
      dates={{ at: (d) => x(ms(d)), of: points }}
      yTicks={[0, 0.5, 1].map((v) => ({ y: y(v), text: fmt.percent(v) }))}
    >
      <path
        d={path(
          points.map((c): [number, number] => [x(ms(c.date)), y(c.probabilityByTarget as number)]),
        )}
        fill="none"
        stroke="#36c"
        strokeWidth={2}
        data-series="probability"
      />
    </Frame>
  );
}

/** A date across the whole plot (the target, the actual finish), its series named for tests. */
function DateLine({
  width: W,
  y,
  series,
  ...stroke
}: {
  width: number;
  y: number;
  series: string;
  stroke: string;
  strokeWidth?: number;
  strokeDasharray?: string;
}) {
  return <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} {...stroke} data-series={series} />;
}
