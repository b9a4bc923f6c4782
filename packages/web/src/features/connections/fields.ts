import type { Tracker } from './api';

export interface TrackerField {
  /** The setting's name in the API. */
  key: string;
  optional?: boolean;
  url?: boolean;
  /** Sent as a number (a GitHub Projects board's number). */
  number?: boolean;
  /** Its label's key when the setting's name means something else for another tracker. */
  label?: string;
}

/** The settings each tracker asks for, in form order; `optional` ones may stay empty. */
export const TRACKER_FIELDS: Record<Tracker, TrackerField[]> = {
  jira: [{ key: 'url', url: true }, { key: 'jql' }, { key: 'email', optional: true }],
  ado: [{ key: 'org', url: true }, { key: 'project' }, { key: 'wiql' }],
  linear: [{ key: 'team' }, { key: 'apiUrl', optional: true, url: true }],
  github: [
    { key: 'repo' },
    // A Projects (v2) board: its status field gives the states and their changes.
    { key: 'project', label: 'board', optional: true, number: true },
    { key: 'statusField', optional: true },
    { key: 'apiUrl', optional: true, url: true },
  ],
};

export const TRACKERS = Object.keys(TRACKER_FIELDS) as Tracker[];

/** The form's values as the API's settings: empty optional fields are left out. */
export function settingsOf(tracker: Tracker, values: Record<string, string>) {
  const settings: Record<string, unknown> = { tracker };
  for (const f of TRACKER_FIELDS[tracker]) {
    const v = (values[f.key] ?? '').trim();
    if (v !== '' || !f.optional) settings[f.key] = f.number && v !== '' ? Number(v) : v;
  }
  return settings;
}
