/**
 * A team saved in a project (issue 15): its work items or pasted weekly throughput, the rows
 * its import could not use, and its settings (the history window its forecasts sample from and
 * its working calendar).
 * The web keeps the same shape in IndexedDB, so "save to project" and "open from project"
 * move it whole.
 *
 * Everything is bounded so one save cannot fill the database: items by TEAM_LIMITS.items (a
 * larger export belongs in a live connection), text by the storable short text, and the route's
 * body by TEAM_BODY_LIMIT. Items are checked like a `flow` request: an unreadable date, a
 * duplicate id or a missing id is a 400 naming `items.17.started`.
 */
import { z } from 'zod';
import { FLOW_MAX_LISTED_PROBLEMS, prepareFlowItems } from '@flow-forecaster/engine';
import type { FlowItemInput } from '@flow-forecaster/engine';
import { compact } from './aliases';
import { checkSavedCalendar, savedCalendarField } from './calendar';
import { dateField } from './dates';
import { int, nonNegative, report, shortText } from './fields';
import { LIMITS } from './limits';

export const TEAM_LIMITS = {
  items: 100_000,
  throughputWeeks: LIMITS.samples.max,
  rejected: FLOW_MAX_LISTED_PROBLEMS,
  name: 200,
} as const;

/** Bytes a team's JSON may take on the wire: 100,000 items of ~150 bytes, with room to spare. */
export const TEAM_BODY_LIMIT = 24 * 1024 * 1024;

const itemText = shortText.nullable().optional();

const teamItemSchema = z
  .object({
    id: shortText,
    type: itemText,
    created: itemText,
    started: itemText,
    done: itemText,
    state: itemText,
  })
  .transform((item): FlowItemInput => compact(item));

const rejectedRowSchema = z.object({
  field: shortText,
  id: shortText.nullable(),
  reason: shortText,
});

/** The window a team's forecasts sample from: the calibrated choice, N weeks, all, or dates. */
export const teamWindowSchema = z.union([
  z.literal('auto'),
  z.literal('all'),
  z.strictObject({ weeks: int(1, LIMITS.maxWeeks.max) }),
  z.strictObject({ from: dateField, to: dateField }),
]);

export type TeamWindow = z.output<typeof teamWindowSchema>;

export const teamSettingsSchema = z.strictObject({
  window: teamWindowSchema.optional(),
  /** The team's working calendar: every forecast and flow chart of the team uses it. */
  calendar: savedCalendarField.optional(),
});

export type TeamSettings = z.output<typeof teamSettingsSchema>;

export const teamSources = ['csv', 'throughput', 'connection'] as const;

/** `POST /api/projects/:projectId/teams` and `PUT …/teams/:id` (the whole team each time). */
export const saveTeamSchema = z
  .object({
    name: shortText.trim().min(1).max(TEAM_LIMITS.name),
    sample: z.boolean().default(false),
    source: z.enum(teamSources),
    fileName: shortText.nullable().default(null),
    items: z.array(teamItemSchema).max(TEAM_LIMITS.items).default([]),
    throughput: z.array(nonNegative).max(TEAM_LIMITS.throughputWeeks).default([]),
    rejected: z.array(rejectedRowSchema).max(TEAM_LIMITS.rejected).default([]),
    settings: teamSettingsSchema.default({}),
    /** The version the client last read: a write over someone else's change is a 409. */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    const w = v.settings.window;
    if (w !== undefined && typeof w === 'object' && 'from' in w && w.to < w.from) {
      report(ctx, ['settings', 'window', 'to'], 'must_not_precede', {
        other: 'settings.window.from',
      });
    }
    if (v.settings.calendar !== undefined) {
      checkSavedCalendar(ctx, ['settings', 'calendar'], v.settings.calendar);
    }
    if (v.items.length === 0 && v.throughput.length === 0) {
      report(ctx, ['items'], 'required', { when: 'throughput is empty' });
    }
    const firstInvalid = prepareFlowItems(v.items).problems.find((p) => p.severity === 'invalid');
    if (firstInvalid !== undefined) {
      const [, index, field] = firstInvalid.field.split('.');
      report(ctx, ['items', Number(index), field], 'invalid', { reason: firstInvalid.message });
    }
  });

export type SaveTeamBody = z.output<typeof saveTeamSchema>;
