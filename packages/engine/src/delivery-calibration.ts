/**
 * The calibration loop: across closed deliveries, how often the actual completion date landed
 * on or before each check-in's P50, P85 and P95 (spec/tracking.md).
 *
 * Decisions where the spec is silent:
 * - Every check-in strictly before the actual date counts once per level; the interval is the
 *   Wilson 95 % score interval of that hit rate.
 * - Check-ins of one delivery share one actual, so they are not independent: the verdict
 *   (the backtest's `calibrationVerdict`) compares the hit rate with the binomial band around
 *   the level for n = the number of deliveries, and needs at least 5 of them.
 * - "Our P85 held in 9 of 10 deliveries" is per delivery: a delivery's level held when the
 *   actual fell on or before that level's date at its first check-in (the commitment, the
 *   forecast furthest from the end).
 * - Horizon = weeks from the check-in to the actual: more than 8, 4 to 8, under 4.
 */
import { binomialBand, calibrationVerdict, type CalibrationVerdict } from './calibration';
import { daysBetween } from './dates';
import { DELIVERY_LEVELS, heldBy, type DeliveryLevel } from './delivery';

const Z95 = 1.959963984540054;

export interface ClosedDeliveryForCalibration {
  id?: string;
  name?: string | null;
  actualDate: string;
  checkIns: readonly {
    date: string;
    /** Null where the percentile was beyond maxWeeks. */
    completionDates: { p50: string | null; p85: string | null; p95: string | null };
  }[];
}

export interface WilsonInterval {
  low: number;
  high: number;
}

/** Wilson 95 % score interval of `hits` successes in `n` trials (shares 0–1). */
export function wilsonInterval(hits: number, n: number): WilsonInterval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = hits / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface LevelHitRate {
  level: DeliveryLevel;
  /** The level as a share (0.85). */
  nominal: number;
  hits: number;
  count: number;
  /** hits / count, 0–1; null without check-ins. */
  hitRate: number | null;
  interval: WilsonInterval;
}

export interface LevelCalibration extends LevelHitRate {
  verdict: CalibrationVerdict;
  /** Deliveries whose first check-in's date at this level held. */
  deliveriesHeld: number;
  deliveries: number;
}

export type HorizonBucket = 'over8' | '4to8' | 'under4';
export const HORIZON_BUCKETS: readonly HorizonBucket[] = ['over8', '4to8', 'under4'];

export interface HorizonCalibration {
  horizon: HorizonBucket;
  levels: LevelHitRate[];
}

export interface DeliveryCalibrationResult {
  deliveries: number;
  checkIns: number;
  levels: LevelCalibration[];
  byHorizon: HorizonCalibration[];
  /** The P85 verdict. */
  verdict: CalibrationVerdict;
}

const NOMINAL: Record<DeliveryLevel, number> = { P50: 0.5, P85: 0.85, P95: 0.95 };
const KEY = { P50: 'p50', P85: 'p85', P95: 'p95' } as const;

export function horizonOf(checkInDate: string, actualDate: string): HorizonBucket {
  const weeks = daysBetween(checkInDate, actualDate) / 7;
  if (weeks > 8) return 'over8';
  if (weeks >= 4) return '4to8';
  return 'under4';
}

interface Scored {
  horizon: HorizonBucket;
  held: Record<DeliveryLevel, boolean>;
}

function scoreDelivery(d: ClosedDeliveryForCalibration): Scored[] {
  return d.checkIns
    .filter((c) => c.date < d.actualDate)
    .map((c) => ({
      horizon: horizonOf(c.date, d.actualDate),
      held: {
        P50: heldBy(d.actualDate, c.completionDates[KEY.P50]),
        P85: heldBy(d.actualDate, c.completionDates[KEY.P85]),
        P95: heldBy(d.actualDate, c.completionDates[KEY.P95]),
      },
    }));
}

function hitRate(level: DeliveryLevel, scored: readonly Scored[]): LevelHitRate {
  const hits = scored.filter((s) => s.held[level]).length;
  const count = scored.length;
  return {
    level,
    nominal: NOMINAL[level],
    hits,
    count,
    hitRate: count > 0 ? hits / count : null,
    interval: wilsonInterval(hits, count),
  };
}

export function calibrateDeliveries(
  deliveries: readonly ClosedDeliveryForCalibration[],
): DeliveryCalibrationResult {
  const perDelivery = deliveries.map(scoreDelivery).filter((s) => s.length > 0);
  const all = perDelivery.flat();
  const n = perDelivery.length;
  const levels = DELIVERY_LEVELS.map((level): LevelCalibration => {
    const rate = hitRate(level, all);
    const band = binomialBand(NOMINAL[level], n);
    const verdict =
      rate.hitRate === null ? 'insufficient data' : calibrationVerdict(rate.hitRate, band, n);
    return {
      ...rate,
      verdict,
      deliveriesHeld: perDelivery.filter((s) => s[0].held[level]).length,
      deliveries: n,
    };
  });
  const byHorizon = HORIZON_BUCKETS.map((horizon) => {
    const inBucket = all.filter((s) => s.horizon === horizon);
    return { horizon, levels: DELIVERY_LEVELS.map((l) => hitRate(l, inBucket)) };
  });
  return {
    deliveries: n,
    checkIns: all.length,
    levels,
    byHorizon,
    verdict: levels[1].verdict,
  };
}
