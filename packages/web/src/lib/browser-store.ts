/**
 * What the stores kept in this browser (the team workspace, saved portfolios) share: one
 * IndexedDB database per store opened for each transaction (so an upgrade in another tab is
 * never blocked), and a state that is read once per visit and watched with
 * `useSyncExternalStore`. Without IndexedDB (old browsers, jsdom) the state lives in memory
 * for the visit only.
 */
import { useSyncExternalStore } from 'react';

export function hasIdb(): boolean {
  return typeof indexedDB !== 'undefined';
}

/** A database and its object stores; a store without `keyPath` takes explicit keys. */
export interface DbSpec {
  name: string;
  stores: { name: string; keyPath?: string }[];
}

function openDb(spec: DbSpec): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(spec.name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const s of spec.stores) {
        if (db.objectStoreNames.contains(s.name)) continue;
        db.createObjectStore(s.name, s.keyPath ? { keyPath: s.keyPath } : undefined);
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

/** The value a request answers with. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

/**
 * Runs `use` in one transaction over all the database's stores and resolves once the
 * transaction has committed, with what `use` answered.
 */
export async function transact<T>(
  spec: DbSpec,
  mode: IDBTransactionMode,
  use: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const db = await openDb(spec);
  try {
    const tx = db.transaction(
      spec.stores.map((s) => s.name),
      mode,
    );
    const committed = done(tx);
    // Awaited below; this only keeps a failure of `use` from also leaving it unhandled.
    committed.catch(() => undefined);
    const value = await use(tx);
    await committed;
    return value;
  } finally {
    db.close();
  }
}

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export interface BrowserState<S extends { loaded: boolean }> {
  get(): S;
  set(next: S): void;
  /** Reads the stored state once per visit; the hook calls it, tests may await it. */
  load(): Promise<void>;
  use(): S;
}

/**
 * A state read from IndexedDB once per visit by `read` (given the in-memory state, answering
 * the loaded one). A failed read is logged with `what` and leaves the in-memory state.
 */
export function browserState<S extends { loaded: boolean }>(
  initial: S,
  read: (current: S) => Promise<S>,
  what: string,
): BrowserState<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  let loading: Promise<void> | null = null;
  const set = (next: S) => {
    state = next;
    for (const l of listeners) l();
  };
  const get = () => state;
  const load = (): Promise<void> => {
    loading ??= (async () => {
      if (!hasIdb()) return set({ ...state, loaded: true });
      try {
        set({ ...(await read(state)), loaded: true });
      } catch (err) {
        console.warn(`${what} could not be read from this browser`, err);
        set({ ...state, loaded: true });
      }
    })();
    return loading;
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    void load();
    return () => {
      listeners.delete(listener);
    };
  };
  return { get, set, load, use: () => useSyncExternalStore(subscribe, get, get) };
}
