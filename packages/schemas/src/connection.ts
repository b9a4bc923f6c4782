/**
 * A team's live data source, as the API takes it: which tracker, what to read (URL and query,
 * project, team or repository), the token (write-only: never answered back), the user's state
 * mapping and an optional sync schedule. Hosts must be http(s) URLs; the token is bounded.
 */
import { z } from 'zod';
import { shortText } from './fields';
import { storableString } from './storable';

const url = z
  .string()
  .max(500)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http(s) URL' });
const query = storableString().min(1).max(4000);
const name = storableString().min(1).max(200);

export const stateCategorySchema = z.enum(['todo', 'inProgress', 'done', 'canceled']);
const mapping = z.record(z.string().min(1).max(200), stateCategorySchema).optional();
const timeZone = z.string().min(1).max(64).optional();

export const connectionSettingsSchema = z.discriminatedUnion('tracker', [
  z.object({
    tracker: z.literal('jira'),
    url,
    jql: query,
    /** Jira Cloud's basic auth pairs the API token with the account's email; absent = Data Center PAT. */
    email: z.string().email().max(320).optional(),
    mapping,
    timeZone,
  }),
  z.object({
    tracker: z.literal('ado'),
    org: url,
    project: z.string().min(1).max(200),
    wiql: query,
    mapping,
    timeZone,
  }),
  z.object({
    tracker: z.literal('linear'),
    team: z.string().min(1).max(50),
    apiUrl: url.optional(),
    mapping,
    timeZone,
  }),
  z.object({
    tracker: z.literal('github'),
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name'),
    apiUrl: url.optional(),
    inProgressLabels: z.array(shortText).max(20).optional(),
    /** A Projects (v2) board of the repository's owner: its status field gives the states. */
    project: z.number().int().min(1).max(999_999_999).optional(),
    statusField: shortText.optional(),
    mapping,
    timeZone,
  }),
]);

export type ConnectionSettings = z.output<typeof connectionSettingsSchema>;

/** Scheduled syncs at most every 15 minutes: trackers rate-limit, and flow data moves slowly. */
export const syncEveryMinutesSchema = z
  .number()
  .int()
  .min(15)
  .max(7 * 24 * 60)
  .nullable()
  .optional();

export const connectionCreateSchema = z.object({
  name,
  settings: connectionSettingsSchema,
  token: z.string().min(4).max(2000),
  syncEveryMinutes: syncEveryMinutesSchema,
});

export const connectionUpdateSchema = z.object({
  name: name.optional(),
  settings: connectionSettingsSchema.optional(),
  token: z.string().min(4).max(2000).optional(),
  syncEveryMinutes: syncEveryMinutesSchema,
});

export type ConnectionCreate = z.output<typeof connectionCreateSchema>;
export type ConnectionUpdate = z.output<typeof connectionUpdateSchema>;

/**
 * What the last sync of a connection did, stored by the server and shown in the workspace
 * ("12 new, 3 changed").
 */
export interface ConnectionSyncSummary {
  items: number;
  added: number;
  changed: number;
  canceled: number;
  incremental: boolean;
  /** Seconds spent waiting on the tracker's Retry-After (rate limiting), when any. */
  waitedSeconds?: number;
}
