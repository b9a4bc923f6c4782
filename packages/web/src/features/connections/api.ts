import type { ConnectionSyncSummary } from '@flow-forecaster/schemas';
import { apiFetch } from '../../lib/api';

export type Tracker = 'jira' | 'ado' | 'linear' | 'github';
export type StateCategory = 'todo' | 'inProgress' | 'done' | 'canceled';

/** A connection as the server answers it: the token only as its last four characters. */
export interface Connection {
  id: string;
  name: string;
  tracker: Tracker;
  settings: Record<string, unknown> & { mapping?: Record<string, StateCategory> };
  token: string;
  syncEveryMinutes: number | null;
  lastSync: {
    at: string;
    status: 'ok' | 'failed' | 'running' | null;
    error: string | null;
    /** The connector's error kind (unreachable, auth…), for a translated message. */
    errorCode?: string | null;
    summary: ConnectionSyncSummary | null;
  } | null;
  hasData: boolean;
}

export interface ConnectionItems {
  items: {
    id: string;
    type?: string;
    created: string;
    state: string;
    started: string | null;
    done: string | null;
  }[];
  states: { name: string; category: StateCategory }[];
  unmappedStates: string[];
}

export interface NewConnection {
  name: string;
  settings: Record<string, unknown>;
  token: string;
  syncEveryMinutes: number | null;
}

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/connections`;

export const connectionsApi = {
  /** `available`: false when the server cannot hold connections (no CONNECTION_KEY). */
  list: async (projectId: string) => {
    const r = await apiFetch<{ items: Connection[]; available?: boolean }>(base(projectId));
    return { items: r.items, available: r.available !== false };
  },
  create: (projectId: string, body: NewConnection) =>
    apiFetch<Connection>(base(projectId), { body }),
  update: (projectId: string, id: string, body: Partial<NewConnection>) =>
    apiFetch<Connection>(`${base(projectId)}/${id}`, { method: 'PATCH', body }),
  sync: (projectId: string, id: string) =>
    apiFetch<{ connection: Connection | null }>(`${base(projectId)}/${id}/sync`, {
      method: 'POST',
      body: {},
      // A first full sync of a big board takes a while; the server bounds it, not the browser.
      timeoutMs: 300_000,
    }),
  items: (projectId: string, id: string) =>
    apiFetch<ConnectionItems>(`${base(projectId)}/${id}/items`),
  remove: (projectId: string, id: string) =>
    apiFetch<void>(`${base(projectId)}/${id}`, { method: 'DELETE' }),
  itemsUrl: (projectId: string, id: string) => `${base(projectId)}/${id}/items`,
};
