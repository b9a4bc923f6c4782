/**
 * Deliveries tracked over time (spec/tracking.md): the `delivery` forecast request, and the
 * bodies of the delivery routes (create, add a check-in, close).
 *
 * Every cross-field rule names the offending value: check-ins out of date order or before the
 * start (`checkIns.2.date`), a check-in after the actual date, history weeks that do not start
 * on a Monday or are out of order (`history.4.weekStart`). Counts are whole and ≥ 0 by field.
 */
import { z } from 'zod';
import type {
  DeliveryCheckInInput,
  DeliveryHistoryWeek,
  DeliveryInput,
  DeliverySettings,
} from '@flow-forecaster/engine';
import { compact } from './aliases';
import { calendarField, resolveCalendar } from './calendar';
import { dateField } from './dates';
import {
  int,
  longText,
  maxWeeks,
  num,
  report,
  sCurveSize,
  seed,
  shortText,
  simulations,
  tasks,
  teamFocus,
  throughputModel,
} from './fields';
import { LIMITS } from './limits';
import { checkContributorRange, teamShape } from './simulate';

export const DELIVERY_LIMITS = {
  checkIns: 200,
  /** Check-ins × runs: each check-in is a full simulation. */
  totalRuns: 2_000_000,
  historyWeeks: LIMITS.samples.max,
  name: 200,
} as const;

const count = int(0, LIMITS.tasks.max);

export const checkInSchema = z.object({
  date: dateField,
  done: tasks,
  remaining: tasks,
  note: longText.optional(),
  seed: seed.optional(),
});

export const historyWeekSchema = z.object({ weekStart: dateField, count });

const historyField = z.array(historyWeekSchema).max(DELIVERY_LIMITS.historyWeeks);

const estimatePoint = num(0, 1_000_000).optional();

/** The forecast settings of a delivery, besides the model, the runs and the seed. */
export const deliverySettingsShape = {
  pBest: estimatePoint,
  pLikely: estimatePoint,
  pWorst: estimatePoint,
  ...teamShape,
  historicalTeamSize: z.number().gt(0).max(LIMITS.contributors.max).optional(),
  sCurveSize: sCurveSize.optional(),
  teamFocus: teamFocus.optional(),
  maxWeeks: maxWeeks.optional(),
  /** Working days, holidays (resolved from the delivery's start) and blackouts. */
  calendar: calendarField.optional(),
};

const SETTINGS_KEYS = Object.keys(deliverySettingsShape) as (keyof typeof deliverySettingsShape)[];

/** Everything but the check-ins: what a stored delivery keeps as its settings. */
export const deliveryHeaderShape = {
  name: shortText.min(1).max(DELIVERY_LIMITS.name).optional(),
  start: dateField,
  targetDate: dateField.optional(),
  actualDate: dateField.optional(),
  history: historyField.optional(),
  throughputModel: throughputModel.optional(),
  numberOfSimulations: simulations.optional(),
  seed: seed.optional(),
  scopeGrowth: z.boolean().optional(),
  ...deliverySettingsShape,
  /** The same settings grouped, as the engine's input (and a stored delivery) carries them. */
  settings: z.object(deliverySettingsShape).optional(),
};

function isMonday(iso: string): boolean {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() === 1;
}

type SettingsValues = {
  minContributors?: number;
  maxContributors?: number;
  pBest?: number;
  pLikely?: number;
  pWorst?: number;
};

type HeaderValues = SettingsValues & {
  settings?: SettingsValues;
  start: string;
  targetDate?: string;
  actualDate?: string;
  history?: DeliveryHistoryWeek[];
  throughputModel?: 'weibull' | 'bootstrap' | 'estimate';
  numberOfSimulations?: number;
};

/** The rules between fields of a delivery; each issue names the value to fix. */
export function checkDelivery(
  v: HeaderValues & { checkIns: readonly { date: string }[] },
  ctx: z.RefinementCtx,
): void {
  const s = { ...v.settings, ...compact(v) };
  checkContributorRange(s, ctx);
  if (v.targetDate !== undefined && v.targetDate < v.start) {
    report(ctx, ['targetDate'], 'must_not_precede', { other: 'start' });
  }
  if (v.actualDate !== undefined && v.actualDate < v.start) {
    report(ctx, ['actualDate'], 'must_not_precede', { other: 'start' });
  }
  (v.history ?? []).forEach((w, i) => {
    if (!isMonday(w.weekStart)) {
      report(ctx, ['history', i, 'weekStart'], 'invalid', {
        reason: `${w.weekStart} is not a Monday, and weeks start on Monday`,
      });
    } else if (i > 0 && w.weekStart <= (v.history as DeliveryHistoryWeek[])[i - 1].weekStart) {
      report(ctx, ['history', i, 'weekStart'], 'must_follow', {
        other: `history.${i - 1}.weekStart`,
      });
    }
  });
  if (v.throughputModel === 'estimate') {
    for (const key of ['pBest', 'pLikely', 'pWorst'] as const) {
      if (s[key] === undefined)
        report(ctx, [key], 'required', { when: 'throughputModel is estimate' });
    }
  } else if (v.checkIns.length > 0 && !(v.history ?? []).some((w) => w.count > 0)) {
    report(ctx, ['history'], 'all_zero');
  }
  v.checkIns.forEach((c, i) => {
    const field = ['checkIns', i, 'date'];
    if (c.date < v.start) report(ctx, field, 'must_not_precede', { other: 'start' });
    else if (i > 0 && c.date <= v.checkIns[i - 1].date) {
      report(ctx, field, 'must_follow', { other: `checkIns.${i - 1}.date` });
    } else if (v.actualDate !== undefined && c.date > v.actualDate) {
      report(ctx, field, 'must_not_exceed', { other: 'actualDate' });
    }
  });
  const runs = v.numberOfSimulations ?? 10_000;
  if (v.checkIns.length * runs > DELIVERY_LIMITS.totalRuns) {
    report(ctx, ['numberOfSimulations'], 'too_big', {
      maximum: Math.floor(DELIVERY_LIMITS.totalRuns / Math.max(1, v.checkIns.length)),
      inclusive: true,
    });
  }
}

/** The settings, grouped or at the top level (the top level wins). */
export function settingsOf(
  v: Partial<Record<(typeof SETTINGS_KEYS)[number], unknown>> & { settings?: object },
): DeliverySettings {
  const out: Record<string, unknown> = { ...compact(v.settings ?? {}) };
  for (const key of SETTINGS_KEYS) if (v[key] !== undefined) out[key] = v[key];
  return out as DeliverySettings;
}

/** The `delivery` forecast request: a delivery with its check-ins, re-forecast at each. */
export const deliverySchema = z
  .object({
    ...deliveryHeaderShape,
    history: historyField,
    checkIns: z.array(checkInSchema).min(1).max(DELIVERY_LIMITS.checkIns),
  })
  .transform((v, ctx): DeliveryInput => {
    checkDelivery(v, ctx);
    const settings = settingsOf(v);
    const calendar = v.calendar ?? v.settings?.calendar;
    if (calendar !== undefined) {
      // Holidays are resolved from the delivery's start, so every check-in (and its replay)
      // counts the same days off; each check-in's stored input carries the resolved list.
      settings.calendar = resolveCalendar(ctx, calendar, undefined, v.start).calendar;
    }
    return compact({
      name: v.name,
      start: v.start,
      targetDate: v.targetDate,
      actualDate: v.actualDate,
      history: v.history,
      throughputModel: v.throughputModel,
      checkIns: v.checkIns.map((c): DeliveryCheckInInput => compact(c)),
      numberOfSimulations: v.numberOfSimulations,
      seed: v.seed,
      scopeGrowth: v.scopeGrowth,
      settings: Object.keys(settings).length > 0 ? settings : undefined,
    });
  });

/** `POST …/deliveries`: a new delivery, optionally with its first check-ins. */
export const createDeliverySchema = z
  .object({
    ...deliveryHeaderShape,
    name: shortText.min(1).max(DELIVERY_LIMITS.name),
    actualDate: z.undefined().optional(),
    checkIns: z.array(checkInSchema).max(DELIVERY_LIMITS.checkIns).optional(),
  })
  .superRefine((v, ctx) => {
    checkDelivery({ ...v, checkIns: v.checkIns ?? [] }, ctx);
    // An unknown country or an inverted blackout is refused now, not at the first check-in.
    const calendar = v.calendar ?? v.settings?.calendar;
    if (calendar !== undefined) resolveCalendar(ctx, calendar, undefined, v.start);
  });

/** `POST …/deliveries/:id/check-ins`: one more check-in, and the history as known today. */
export const addCheckInSchema = checkInSchema.extend({ history: historyField.optional() });

/**
 * `POST …/deliveries/:id/check-ins/from-connection`: a check-in counted from the items of one of
 * the project's tracker connections as of `date` (its last sync), with its weekly history.
 */
export const connectionCheckInSchema = z.object({
  connectionId: z.uuid({ error: 'must be the id of a connection of this project' }),
  date: dateField,
  note: longText.optional(),
  seed: seed.optional(),
});

/** `POST …/deliveries/:id/close`. */
export const closeDeliverySchema = z.object({
  actualDate: dateField,
  note: longText.optional(),
});

export type DeliveryRequest = z.output<typeof deliverySchema>;
export type CreateDeliveryBody = z.output<typeof createDeliverySchema>;
export type AddCheckInBody = z.output<typeof addCheckInSchema>;
export type CloseDeliveryBody = z.output<typeof closeDeliverySchema>;
export type ConnectionCheckInBody = z.output<typeof connectionCheckInSchema>;
