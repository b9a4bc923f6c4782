/**
 * Portfolios saved without an account: the form as typed and its seed, in this browser's
 * IndexedDB (as the team workspace keeps its teams), so they survive a reload and work offline.
 * Saving under a name that is already there replaces that portfolio. Without IndexedDB (old
 * browsers, jsdom) they live in memory for the visit only.
 */
import { useSyncExternalStore } from 'react';
import type { PortfolioForm } from './form';

export interface SavedPortfolio {
  id: string;
  name: string;
  form: PortfolioForm;
  /** The seed its numbers came from; absent when it was saved before any run. */
  seed: number | null;
  savedAt: string;
}

export interface SavedState {
  loaded: boolean;
  /** Newest first. */
  items: SavedPortfolio[];
}

const DB_NAME = 'flow-forecaster-portfolios';
const STORE = 'portfolios';

let state: SavedState = { loaded: false, items: [] };
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;

function emit(next: SavedState): void {
  state = next;
  for (const l of listeners) l();
}

const newestFirst = (a: SavedPortfolio, b: SavedPortfolio) =>
  b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name);

function hasIdb(): boolean {
  return typeof indexedDB !== 'undefined';
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  use: (store: IDBObjectStore) => IDBRequest<T> | null,
): Promise<T | undefined> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const req = use(tx.objectStore(STORE));
    let value: T | undefined;
    if (req) req.onsuccess = () => (value = req.result);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'));
    });
    return value;
  } finally {
    db.close();
  }
}

/** Reads the saved portfolios once per visit; the hook calls it, tests may await it. */
export function loadSaved(): Promise<void> {
  if (!loading) {
    loading = (async () => {
      if (!hasIdb()) {
        emit({ ...state, loaded: true });
        return;
      }
      try {
        const items = ((await withStore('readonly', (s) => s.getAll())) ?? []) as SavedPortfolio[];
        emit({ loaded: true, items: items.filter(isSaved).sort(newestFirst) });
      } catch (err) {
        console.warn('Saved portfolios could not be read from this browser', err);
        emit({ ...state, loaded: true });
      }
    })();
  }
  return loading;
}

/** Rows written by an older version, or by hand, are skipped rather than breaking the page. */
function isSaved(x: unknown): x is SavedPortfolio {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Partial<SavedPortfolio>;
  return (
    typeof s.id === 'string' &&
    typeof s.name === 'string' &&
    typeof s.savedAt === 'string' &&
    typeof s.form === 'object' &&
    s.form !== null &&
    Array.isArray(s.form.features) &&
    Array.isArray(s.form.teams)
  );
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Saves the form under `name` (trimmed), replacing a portfolio of the same name. */
export async function savePortfolio(
  name: string,
  form: PortfolioForm,
  seed: number | null,
  now: Date = new Date(),
): Promise<SavedPortfolio> {
  await loadSaved();
  const trimmed = name.trim();
  const same = state.items.find((p) => p.name === trimmed);
  const saved: SavedPortfolio = {
    id: same?.id ?? newId(),
    name: trimmed,
    // A copy: later edits of the page's form never reach the saved one.
    form: JSON.parse(JSON.stringify(form)) as PortfolioForm,
    seed,
    savedAt: now.toISOString(),
  };
  emit({ ...state, items: [saved, ...state.items.filter((p) => p.id !== saved.id)] });
  if (hasIdb()) await withStore('readwrite', (s) => s.put(saved));
  return saved;
}

export async function deletePortfolio(id: string): Promise<void> {
  emit({ ...state, items: state.items.filter((p) => p.id !== id) });
  if (hasIdb()) await withStore('readwrite', (s) => s.delete(id));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadSaved();
  return () => listeners.delete(listener);
}

const getState = () => state;

export function useSavedPortfolios(): SavedState {
  return useSyncExternalStore(subscribe, getState, getState);
}
