/**
 * Delivery changes as pure steps from a stored row to what to write: every step validates the
 * whole delivery it would produce with the shared schema first (so a bad check-in is a 400
 * naming `checkIns.N.date` and nothing is written), then forecasts only what is new. Stored
 * check-ins keep the input and seed they were forecast with; later history never touches them.
 */
import {
  calibrateDeliveries,
  checkInHits,
  forecastCheckInAt,
  forecastDelivery,
  type CheckInForecast,
  type DeliveryInput,
} from '@flow-forecaster/engine';
import {
  deliverySchema,
  settingsOf,
  type AddCheckInBody,
  type CreateDeliveryBody,
} from '@flow-forecaster/schemas';
import { validation } from '../errors';
import { parse } from '../routes/parse';
import {
  storedCheckIns,
  storedSettings,
  type DeliveryRow,
  type StoredDeliverySettings,
} from '../repositories/deliveries';

/** Engine input errors (a check-in with no history before it) are a 400 naming the field. */
function engineToHttp<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    const e = err as { name?: unknown; message?: unknown; field?: unknown };
    if (e && e.name === 'EngineInputError') {
      throw validation(
        typeof e.message === 'string' ? e.message : 'The input is not valid',
        typeof e.field === 'string' ? e.field : undefined,
      );
    }
    throw err;
  }
}

function settingsFrom(v: DeliveryInput | CreateDeliveryBody): StoredDeliverySettings {
  const out: StoredDeliverySettings = { start: v.start, history: v.history ?? [] };
  if (v.targetDate !== undefined) out.targetDate = v.targetDate;
  if (v.throughputModel !== undefined) out.throughputModel = v.throughputModel;
  if (v.numberOfSimulations !== undefined) out.numberOfSimulations = v.numberOfSimulations;
  if (v.seed !== undefined) out.seed = v.seed;
  if (v.scopeGrowth !== undefined) out.scopeGrowth = v.scopeGrowth;
  if ('settings' in v && v.settings !== undefined) out.settings = { ...v.settings };
  return out;
}

/** The body the shared schema validates for a delivery with these check-ins. */
function deliveryBody(
  name: string,
  settings: StoredDeliverySettings,
  checkIns: readonly {
    date: string;
    done: number;
    remaining: number;
    note?: string | null;
    seed?: number;
  }[],
  actualDate: string | null,
): Record<string, unknown> {
  return {
    ...settings,
    name,
    ...(actualDate ? { actualDate } : {}),
    checkIns: checkIns.map((c) => ({
      date: c.date,
      done: c.done,
      remaining: c.remaining,
      ...(c.note ? { note: c.note } : {}),
      ...(c.seed !== undefined ? { seed: c.seed } : {}),
    })),
  };
}

export function createDelivery(body: CreateDeliveryBody): {
  name: string;
  settings: StoredDeliverySettings;
  checkIns: CheckInForecast[];
} {
  const checkIns = body.checkIns ?? [];
  if (checkIns.length === 0) {
    const grouped = settingsOf(body);
    return {
      name: body.name,
      settings: {
        ...settingsFrom(body),
        ...(Object.keys(grouped).length > 0 ? { settings: { ...grouped } } : {}),
      },
      checkIns: [],
    };
  }
  const input = parse(deliverySchema, body);
  return {
    name: body.name,
    settings: settingsFrom(input),
    checkIns: engineToHttp(() => forecastDelivery(input).checkIns),
  };
}

export function addCheckIn(
  row: DeliveryRow,
  body: AddCheckInBody,
): {
  settings: StoredDeliverySettings;
  checkIns: CheckInForecast[];
} {
  const stored = storedSettings(row);
  const settings = { ...stored, history: body.history ?? stored.history };
  const previous = storedCheckIns(row);
  const input = parse(
    deliverySchema,
    deliveryBody(row.name, settings, [...previous, body], row.actualDate),
  );
  const forecast = engineToHttp(() => forecastCheckInAt(input, previous.length));
  return { settings, checkIns: [...previous, forecast] };
}

/** The check-ins with their hits against an actual date (null hits when reopened). */
export function withHits(
  checkIns: CheckInForecast[],
  actualDate: string | null,
): CheckInForecast[] {
  return checkIns.map((c) => ({
    ...c,
    hits: actualDate === null ? null : checkInHits(c.completionDates, actualDate, c.date),
  }));
}

/** Validates closing at `actualDate` (no check-in after it) and scores each check-in. */
export function closeDelivery(row: DeliveryRow, actualDate: string): CheckInForecast[] {
  const checkIns = storedCheckIns(row);
  const settings = storedSettings(row);
  if (checkIns.length === 0) {
    if (actualDate < settings.start) {
      throw validation('actualDate must not be before start.', 'actualDate');
    }
  } else {
    parse(deliverySchema, deliveryBody(row.name, settings, checkIns, actualDate));
  }
  return withHits(checkIns, actualDate);
}

export function deliveryView(row: DeliveryRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    ownerId: row.ownerId,
    name: row.name,
    ...storedSettings(row),
    actualDate: row.actualDate,
    closeNote: row.closeNote,
    closed: row.actualDate !== null,
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    checkIns: storedCheckIns(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function calibrationOf(rows: readonly DeliveryRow[]) {
  return calibrateDeliveries(
    rows
      .filter((r) => r.actualDate !== null)
      .map((r) => ({
        id: r.id,
        name: r.name,
        actualDate: r.actualDate as string,
        checkIns: storedCheckIns(r),
      })),
  );
}

const CSV_COLUMNS = [
  'date',
  'done',
  'remaining',
  'totalScope',
  'scopeAdded',
  'p50',
  'p85',
  'p95',
  'probabilityByTarget',
  'hitP50',
  'hitP85',
  'hitP95',
  'seed',
  'note',
] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Quote anything with a separator, a quote or a line break; neutralise formula starts.
  const safe = /^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line per check-in: the journal as a spreadsheet reads it. */
export function deliveryCsv(row: DeliveryRow): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of storedCheckIns(row)) {
    const cells = [
      c.date,
      c.done,
      c.remaining,
      c.totalScope,
      c.scopeAdded,
      c.completionDates.p50,
      c.completionDates.p85,
      c.completionDates.p95,
      c.probabilityByTarget,
      c.hits?.P50,
      c.hits?.P85,
      c.hits?.P95,
      c.seed,
      c.note,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
