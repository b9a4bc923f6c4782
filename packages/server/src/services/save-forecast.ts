import { runForecast } from '@flow-forecaster/engine';
import type { ForecastKind } from '@flow-forecaster/engine';
import type { Db } from '../db/client';
import { forecastsRepository } from '../repositories/forecasts';
import type { ForecastRow } from '../repositories/forecasts';

export interface SaveForecastArgs {
  kind: string;
  /** A request body already validated by `parseRequest(kind, …)`. */
  input: Record<string, unknown>;
  projectId?: string | null;
  name?: string | null;
  /** Set by async `?save=true`: a second save of the same job returns the first row. */
  jobId?: string | null;
  /**
   * A result the server itself computed for exactly this input (a finished job, the pool).
   * Never a client's numbers: routes recompute and pass their own result here.
   */
  result?: unknown;
  parentId?: string | null;
  version?: number;
}

// Only these kinds' percentile_stats are durations in weeks; cost's are money.
const WEEK_KINDS = new Set(['simulate', 'when', 'deadline']);

function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The summary columns, read from the result the server computed. */
export function summarise(kind: string, result: unknown) {
  const r = (result ?? {}) as Record<string, unknown>;
  const ps = (WEEK_KINDS.has(kind) ? r.percentile_stats : undefined) as
    Record<string, unknown> | undefined;
  const canMeet = r.canMeet ?? r.canMeetDeadline ?? r.can_meet_deadline;
  return {
    p50Weeks: finite(ps?.p50),
    p85Weeks: finite(ps?.p85),
    p95Weeks: finite(ps?.p95),
    canMeetDeadline: typeof canMeet === 'boolean' ? canMeet : null,
    seed: finite(r.seed),
  };
}

/**
 * Saves a forecast for `userId`: runs the engine unless given the server's own result, fixes
 * the seed into the stored input so a re-run reproduces it, and fills the summary columns.
 */
export async function saveForecast(
  db: Db,
  userId: string,
  args: SaveForecastArgs,
): Promise<ForecastRow> {
  const repo = forecastsRepository(db);
  if (args.jobId) {
    const existing = await repo.findByJobId(args.jobId);
    if (existing) return existing;
  }
  const result = args.result ?? runForecast(args.kind as ForecastKind, args.input as never);
  const summary = summarise(args.kind, result);
  const input =
    summary.seed !== null && args.input.seed === undefined
      ? { ...args.input, seed: summary.seed }
      : args.input;
  return repo.insert({
    ownerId: userId,
    projectId: args.projectId ?? null,
    kind: args.kind,
    name: args.name ?? null,
    input,
    // Through JSON so what is stored is exactly what a client would receive.
    result: JSON.parse(JSON.stringify(result)) as unknown,
    seed: summary.seed,
    p50Weeks: summary.p50Weeks,
    p85Weeks: summary.p85Weeks,
    p95Weeks: summary.p95Weeks,
    canMeetDeadline: summary.canMeetDeadline,
    version: args.version ?? 1,
    parentId: args.parentId ?? null,
    jobId: args.jobId ?? null,
  });
}
