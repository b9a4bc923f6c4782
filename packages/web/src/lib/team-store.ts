/**
 * The team workspace without an account: each team's data (imported work items or pasted
 * weekly throughput) lives in this browser's IndexedDB, so it survives a reload and works
 * offline, and every page reads the current team from here instead of asking again.
 *
 * Shared (lib, not a feature) because every page that needs history reads it. Without
 * IndexedDB (old browsers, jsdom) the teams live in memory for the visit only.
 */
import { useSyncExternalStore } from 'react';
import type { FlowItemInput } from '@flow-forecaster/engine';

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

const DB_NAME = 'flow-forecaster-teams';
const STORE = 'teams';
const META = 'meta';

let state: TeamsState = { loaded: false, teams: [], currentId: null };
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;

function emit(next: TeamsState): void {
  state = next;
  for (const l of listeners) l();
}

function hasIdb(): boolean {
  return typeof indexedDB !== 'undefined';
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });
}

async function readAll(): Promise<{ teams: Team[]; currentId: string | null }> {
  const db = await openDb();
  try {
    const tx = db.transaction([STORE, META], 'readonly');
    const teams = (await request(tx.objectStore(STORE).getAll())) as Team[];
    const current = (await request(tx.objectStore(META).get('currentId'))) as unknown;
    teams.sort((a, b) => a.name.localeCompare(b.name));
    return { teams, currentId: typeof current === 'string' ? current : null };
  } finally {
    db.close();
  }
}

async function write(put: Team | null, removeId: string | null, currentId: string | null) {
  if (!hasIdb()) return;
  const db = await openDb();
  try {
    const tx = db.transaction([STORE, META], 'readwrite');
    if (put) tx.objectStore(STORE).put(put);
    if (removeId) tx.objectStore(STORE).delete(removeId);
    tx.objectStore(META).put(currentId, 'currentId');
    await done(tx);
  } finally {
    db.close();
  }
}

/** Reads the teams once per visit; the hook calls it, tests may await it. */
export function loadTeams(): Promise<void> {
  if (!loading) {
    loading = (async () => {
      if (!hasIdb()) {
        emit({ ...state, loaded: true });
        return;
      }
      try {
        const { teams, currentId } = await readAll();
        const current = teams.some((t) => t.id === currentId) ? currentId : (teams[0]?.id ?? null);
        emit({ loaded: true, teams, currentId: current });
      } catch (err) {
        console.warn('Teams could not be read from this browser', err);
        emit({ ...state, loaded: true });
      }
    })();
  }
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadTeams();
  return () => listeners.delete(listener);
}

const getState = () => state;

export function useTeams(): TeamsState & { current: Team | null } {
  const s = useSyncExternalStore(subscribe, getState, getState);
  return { ...s, current: s.teams.find((t) => t.id === s.currentId) ?? null };
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Adds or replaces a team and makes it the current one. */
export async function saveTeam(
  team: Omit<Team, 'id' | 'updatedAt'> & { id?: string },
): Promise<Team> {
  const saved: Team = { ...team, id: team.id ?? newId(), updatedAt: new Date().toISOString() };
  const teams = [...state.teams.filter((t) => t.id !== saved.id), saved].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  emit({ ...state, teams, currentId: saved.id });
  await write(saved, null, saved.id);
  return saved;
}

/** Changes some fields of a saved team (its settings, its project link) without re-importing. */
export async function updateTeam(
  id: string,
  change: Partial<Pick<Team, 'settings' | 'remote' | 'name'>>,
): Promise<Team | null> {
  const team = state.teams.find((t) => t.id === id);
  if (!team) return null;
  const saved: Team = { ...team, ...change, updatedAt: new Date().toISOString() };
  const teams = state.teams.map((t) => (t.id === id ? saved : t));
  emit({ ...state, teams });
  await write(saved, null, state.currentId);
  return saved;
}

export async function selectTeam(id: string): Promise<void> {
  emit({ ...state, currentId: id });
  await write(null, null, id);
}

export async function deleteTeam(id: string): Promise<void> {
  const teams = state.teams.filter((t) => t.id !== id);
  const currentId = state.currentId === id ? (teams[0]?.id ?? null) : state.currentId;
  emit({ ...state, teams, currentId });
  await write(null, id, currentId);
}
