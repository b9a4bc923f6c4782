import type { AccuracyResult } from '@flow-forecaster/engine';
import type { TokenScope } from '@flow-forecaster/schemas';
import { apiFetch } from '../../lib/api';
import type { SessionUser } from '../../lib/session';

/**
 * The account API as the pages use it: one small fetcher per call, typed with what the pages
 * read. Lists come back as `{items}`; the fetchers unwrap them so the pages never care.
 */
export type Role = SessionUser['role'];

export interface AccountUser extends SessionUser {
  active?: boolean;
  instructorId?: string | null;
  accessExpiresAt?: string | null;
  createdAt?: string;
}

export interface Project {
  id: string;
  name: string;
  description?: string | null;
  archivedAt?: string | null;
  createdAt: string;
  updatedAt?: string;
  ownerId?: string;
}

export interface PercentileStats {
  p10?: number;
  p25?: number;
  p50?: number;
  p75?: number;
  p85?: number;
  p90?: number;
  p95?: number;
}

export interface SavedForecast {
  id: string;
  ownerId?: string;
  projectId?: string | null;
  kind: string;
  name?: string | null;
  /** Absent from list rows (summaries); present when one forecast is fetched. */
  input?: Record<string, unknown>;
  result?: Record<string, unknown> & { percentile_stats?: PercentileStats; seed?: number };
  seed?: number | null;
  p50Weeks?: number | null;
  p85Weeks?: number | null;
  p95Weeks?: number | null;
  canMeetDeadline?: boolean | null;
  version?: number;
  parentId?: string | null;
  createdAt: string;
}

export interface Actual {
  id: string;
  forecastId: string;
  actualWeeks?: number | null;
  actualItems?: number | null;
  completedDate?: string | null;
  notes?: string | null;
  errorVsP85?: number | null;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  /** What it may do (read, forecast, write); older servers send none: all. */
  scopes?: TokenScope[];
  lastUsedAt?: string | null;
  createdAt: string;
}

export interface SavedAccuracy {
  /** The engine's analysis over forecasts that have an actual; null while there are none. */
  analysis: AccuracyResult | null;
  count: number;
}

type Items<T> = { items: T[] } | T[];

function items<T>(data: Items<T>): T[] {
  return Array.isArray(data) ? data : data.items;
}

const json = (body: unknown) => ({ body });

// ---- auth ------------------------------------------------------------------------------------

export interface LoginReply {
  user: SessionUser;
  csrfToken: string;
}

export const authApi = {
  register: (body: { email: string; password: string; name?: string }) =>
    // The same answer whether or not the email had an account (no enumeration): log in next.
    apiFetch<{ ok: boolean; message: string }>('/api/auth/register', json(body)),
  login: (body: { email: string; password: string }) =>
    apiFetch<LoginReply>('/api/auth/login', json(body)),
  logout: () => apiFetch<unknown>('/api/auth/logout', { method: 'POST', body: {} }),
  me: () =>
    apiFetch<{ user: SessionUser | null; csrfToken?: string | null }>('/api/auth/me', {
      timeoutMs: 10_000,
    }),
  forgot: (body: { email: string }) => apiFetch<unknown>('/api/auth/forgot-password', json(body)),
  reset: (body: { token: string; password: string }) =>
    apiFetch<unknown>('/api/auth/reset-password', json(body)),
};

// ---- projects --------------------------------------------------------------------------------

export const projectsApi = {
  list: async (includeArchived = false) =>
    items(
      await apiFetch<Items<Project>>(
        `/api/projects${includeArchived ? '?includeArchived=true' : ''}`,
      ),
    ),
  get: (id: string) => apiFetch<Project>(`/api/projects/${encodeURIComponent(id)}`),
  create: (body: { name: string; description?: string }) =>
    apiFetch<Project>('/api/projects', json(body)),
  update: (id: string, body: { name?: string; description?: string; archived?: boolean }) =>
    apiFetch<Project>(`/api/projects/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  archive: (id: string) =>
    apiFetch<unknown>(`/api/projects/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

// ---- forecasts -------------------------------------------------------------------------------

export interface SaveForecastBody {
  projectId?: string | null;
  kind: string;
  input: unknown;
  result?: unknown;
  name?: string;
}

export const forecastsApi = {
  list: async (projectId?: string) =>
    items(
      await apiFetch<Items<SavedForecast>>(
        `/api/forecasts${projectId ? `?projectId=${encodeURIComponent(projectId)}` : ''}`,
      ),
    ),
  get: (id: string) => apiFetch<SavedForecast>(`/api/forecasts/${encodeURIComponent(id)}`),
  save: (body: SaveForecastBody) => apiFetch<SavedForecast>('/api/forecasts', json(body)),
  rerun: (id: string) =>
    apiFetch<SavedForecast>(`/api/forecasts/${encodeURIComponent(id)}/rerun`, {
      method: 'POST',
      body: {},
    }),
  remove: (id: string) =>
    apiFetch<unknown>(`/api/forecasts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  update: (id: string, body: { name?: string; projectId?: string | null }) =>
    apiFetch<SavedForecast>(`/api/forecasts/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  exportOne: (id: string) => apiFetch<unknown>(`/api/forecasts/${encodeURIComponent(id)}/export`),
  exportAll: () => apiFetch<unknown>('/api/forecasts/export'),
  import: (body: unknown) => apiFetch<unknown>('/api/forecasts/import', json(body)),
};

// ---- actuals and accuracy --------------------------------------------------------------------

export interface ActualBody {
  forecastId: string;
  actualWeeks?: number;
  actualItems?: number;
  completedDate?: string;
  notes?: string;
}

export const actualsApi = {
  list: async (forecastId: string) =>
    items(
      await apiFetch<Items<Actual>>(`/api/actuals?forecastId=${encodeURIComponent(forecastId)}`),
    ),
  create: (body: ActualBody) => apiFetch<Actual>('/api/actuals', json(body)),
  remove: (id: string) =>
    apiFetch<unknown>(`/api/actuals/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  accuracy: () => apiFetch<unknown>('/api/accuracy'),
};

// ---- tokens ----------------------------------------------------------------------------------

export const tokensApi = {
  list: async () => items(await apiFetch<Items<ApiToken>>('/api/tokens')),
  create: (body: { name: string; scopes: TokenScope[] }) =>
    apiFetch<{ id: string; token: string; scopes: TokenScope[] }>('/api/tokens', json(body)),
  revoke: (id: string) =>
    apiFetch<unknown>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

// ---- admin -----------------------------------------------------------------------------------

export interface UserPatch {
  role?: Role;
  active?: boolean;
  instructorId?: string | null;
  accessExpiresAt?: string | null;
}

export const adminApi = {
  users: async () => items(await apiFetch<Items<AccountUser>>('/api/admin/users')),
  /** An instructor's students (an admin: every student), by name and email. */
  students: async () => items(await apiFetch<Items<AccountUser>>('/api/students')),
  update: async (id: string, body: UserPatch) =>
    (
      await apiFetch<{ user: AccountUser }>(`/api/admin/users/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
      })
    ).user,
};
