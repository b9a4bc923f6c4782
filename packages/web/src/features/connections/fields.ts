import type { Tracker } from './api';

/** The settings each tracker asks for, in form order; `optional` ones may stay empty. */
export const TRACKER_FIELDS: Record<Tracker, { key: string; optional?: boolean; url?: boolean }[]> =
  {
    jira: [{ key: 'url', url: true }, { key: 'jql' }, { key: 'email', optional: true }],
    ado: [{ key: 'org', url: true }, { key: 'project' }, { key: 'wiql' }],
    linear: [{ key: 'team' }, { key: 'apiUrl', optional: true, url: true }],
    github: [{ key: 'repo' }, { key: 'apiUrl', optional: true, url: true }],
  };

export const TRACKERS = Object.keys(TRACKER_FIELDS) as Tracker[];

/** The form's values as the API's settings: empty optional fields are left out. */
export function settingsOf(tracker: Tracker, values: Record<string, string>) {
  const settings: Record<string, unknown> = { tracker };
  for (const f of TRACKER_FIELDS[tracker]) {
    const v = (values[f.key] ?? '').trim();
    if (v !== '' || !f.optional) settings[f.key] = v;
  }
  return settings;
}
