import type { CheckInForecast, DeliveryCalibrationResult } from '@flow-forecaster/engine';
import { apiFetch } from '../../lib/api';

/** A delivery as the server returns it (settings flattened, check-ins with their forecasts). */
export interface Delivery {
  id: string;
  projectId: string;
  name: string;
  start: string;
  targetDate?: string;
  history: { weekStart: string; count: number }[];
  actualDate: string | null;
  closeNote: string | null;
  closed: boolean;
  checkIns: CheckInForecast[];
  version: number;
}

export interface NewDelivery {
  name: string;
  start: string;
  targetDate?: string;
  history: { weekStart: string; count: number }[];
  throughputModel: 'bootstrap';
  /** The request's `calendar` (spec calendars.md), resolved by the server. */
  calendar?: object;
  checkIns?: { date: string; done: number; remaining: number; note?: string }[];
}

/** A tracker connection of the project, as far as a check-in needs it. */
export interface SyncedConnection {
  id: string;
  name: string;
  hasData: boolean;
}

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/deliveries`;

export const deliveriesApi = {
  list: async (projectId: string) => (await apiFetch<{ items: Delivery[] }>(base(projectId))).items,
  get: (projectId: string, id: string) => apiFetch<Delivery>(`${base(projectId)}/${id}`),
  create: (projectId: string, body: NewDelivery) => apiFetch<Delivery>(base(projectId), { body }),
  addCheckIn: (
    projectId: string,
    d: Delivery,
    c: { date: string; done: number; remaining: number; note?: string },
  ) =>
    apiFetch<Delivery>(`${base(projectId)}/${d.id}/check-ins`, {
      body: { ...c, version: d.version },
    }),
  checkInFromConnection: (
    projectId: string,
    d: Delivery,
    c: { connectionId: string; date: string; note?: string },
  ) =>
    apiFetch<Delivery>(`${base(projectId)}/${d.id}/check-ins/from-connection`, {
      body: { ...c, version: d.version },
    }),
  connections: async (projectId: string) =>
    (
      await apiFetch<{ items: SyncedConnection[] }>(
        `/api/projects/${encodeURIComponent(projectId)}/connections`,
      )
    ).items,
  undoCheckIn: (projectId: string, d: Delivery) =>
    apiFetch<Delivery>(`${base(projectId)}/${d.id}/check-ins/last`, { method: 'DELETE' }),
  close: (projectId: string, d: Delivery, actualDate: string, note: string) =>
    apiFetch<Delivery>(`${base(projectId)}/${d.id}/close`, {
      body: { actualDate, ...(note ? { note } : {}), version: d.version },
    }),
  reopen: (projectId: string, d: Delivery) =>
    apiFetch<Delivery>(`${base(projectId)}/${d.id}/reopen`, { body: { version: d.version } }),
  remove: (projectId: string, id: string) =>
    apiFetch<void>(`${base(projectId)}/${id}`, { method: 'DELETE' }),
  exportUrl: (projectId: string, id: string, format: 'csv' | 'json') =>
    `${base(projectId)}/${id}/export?format=${format}`,
  calibration: (projectId: string) =>
    apiFetch<DeliveryCalibrationResult>(
      `/api/projects/${encodeURIComponent(projectId)}/calibration`,
    ),
};
