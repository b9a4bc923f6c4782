/**
 * The team workspace without an account: each team's data (imported work items or pasted
 * weekly throughput) lives in this browser's IndexedDB, so it survives a reload and works
 * offline, and every page reads the current team from here instead of asking again.
 *
 * Shared (lib, not a feature) because every page that needs history reads it. Without
 * IndexedDB (old browsers, jsdom) the teams live in memory for the visit only.
 */
import type { FlowItemInput } from '@flow-forecaster/engine';
import type { SavedCalendar } from '@flow-forecaster/schemas';
import { browserState, hasIdb, newId, request, transact } from './browser-store';

export interface RejectedRow {
  /** Field path of the engine's problem, e.g. `items.17.started`. */
  field: string;
  id: string | null;
  reason: string;
}

/**
 * The window a team's forecasts sample from: the one its history calibrates best (`auto`),
 * the last N weeks, all of it, or a date range (done dates inside it).
 */
export type TeamWindow = 'auto' | 'all' | { weeks: number } | { from: string; to: string };

export interface TeamSettings {
  window?: TeamWindow;
  /** The team's working calendar (country, blackouts…): its flow charts shade its days off. */
  calendar?: SavedCalendar;
}

/** Where this team is saved in an account's project, and the version last read or written. */
export interface TeamRemote {
  projectId: string;
  projectName: string;
  teamId: string;
  version: number;
  savedAt: string;
}

export interface Team {
  id: string;
  name: string;
  /** Example data loaded with "Try with example data": always labelled as such. */
  sample: boolean;
  /** `connection`: the items of a project's tracker connection (fileName names it). */
  source: 'csv' | 'throughput' | 'connection';
  fileName: string | null;
  /** Work items with ISO dates (empty for pasted throughput). */
  items: FlowItemInput[];
  /** Pasted weekly counts, oldest first (empty for an import: derived from the items). */
  throughput: number[];
  /** Rows of the import that could not be used, with the reason. */
  rejected: RejectedRow[];
  /** Absent on teams made before settings existed: the window is then `auto`. */
  settings?: TeamSettings;
  /** Set once the team is saved in (or opened from) a project. */
  remote?: TeamRemote;
  updatedAt: string;
}

export interface TeamsState {
  loaded: boolean;
  teams: Team[];
  currentId: string | null;
}

const STORE = 'teams';
const META = 'meta';
const DB = {
  name: 'flow-forecaster-teams',
  stores: [{ name: STORE, keyPath: 'id' }, { name: META }],
};

const byName = (a: Team, b: Team) => a.name.localeCompare(b.name);

const teamsState = browserState<TeamsState>(
  { loaded: false, teams: [], currentId: null },
  (current) =>
    transact(DB, 'readonly', async (tx) => {
      const teams = ((await request(tx.objectStore(STORE).getAll())) as Team[]).sort(byName);
      const stored = (await request(tx.objectStore(META).get('currentId'))) as unknown;
      const currentId = typeof stored === 'string' ? stored : null;
      const valid = teams.some((t) => t.id === currentId) ? currentId : (teams[0]?.id ?? null);
      return { ...current, loaded: true, teams, currentId: valid };
    }),
  'Teams',
);

async function write(put: Team | null, removeId: string | null, currentId: string | null) {
  if (!hasIdb()) return;
  await transact(DB, 'readwrite', (tx) => {
    if (put) tx.objectStore(STORE).put(put);
    if (removeId) tx.objectStore(STORE).delete(removeId);
    tx.objectStore(META).put(currentId, 'currentId');
  });
}

/** Reads the teams once per visit; the hook calls it, tests may await it. */
export const loadTeams = teamsState.load;

export function useTeams(): TeamsState & { current: Team | null } {
  const s = teamsState.use();
  return { ...s, current: s.teams.find((t) => t.id === s.currentId) ?? null };
}

/** Adds or replaces a team and makes it the current one. */
export async function saveTeam(
  team: Omit<Team, 'id' | 'updatedAt'> & { id?: string },
): Promise<Team> {
  // A change made while the first read is under way would be overwritten by that read.
  await loadTeams();
  const saved: Team = { ...team, id: team.id ?? newId(), updatedAt: new Date().toISOString() };
  const state = teamsState.get();
  const teams = [...state.teams.filter((t) => t.id !== saved.id), saved].sort(byName);
  teamsState.set({ ...state, teams, currentId: saved.id });
  await write(saved, null, saved.id);
  return saved;
}

/** Changes some fields of a saved team (its settings, its project link) without re-importing. */
export async function updateTeam(
  id: string,
  change: Partial<Pick<Team, 'settings' | 'remote' | 'name'>>,
): Promise<Team | null> {
  await loadTeams();
  const state = teamsState.get();
  const team = state.teams.find((t) => t.id === id);
  if (!team) return null;
  const saved: Team = { ...team, ...change, updatedAt: new Date().toISOString() };
  const teams = state.teams.map((t) => (t.id === id ? saved : t));
  teamsState.set({ ...state, teams });
  await write(saved, null, state.currentId);
  return saved;
}

export async function selectTeam(id: string): Promise<void> {
  await loadTeams();
  teamsState.set({ ...teamsState.get(), currentId: id });
  await write(null, null, id);
}

export async function deleteTeam(id: string): Promise<void> {
  await loadTeams();
  const state = teamsState.get();
  const teams = state.teams.filter((t) => t.id !== id);
  const currentId = state.currentId === id ? (teams[0]?.id ?? null) : state.currentId;
  teamsState.set({ ...state, teams, currentId });
  await write(null, id, currentId);
}
