import type { ParsedForecast } from '@flow-forecaster/schemas';
import type { Db } from '../db/client';
import { forecastsRepository } from '../repositories/forecasts';
import type { ForecastRow } from '../repositories/forecasts';

export interface SaveForecastArgs {
  /** The validated request (parsed with `fixSeed`, so a re-run reproduces it). */
  parsed: ParsedForecast;
  /**
   * The result the server itself computed for exactly this input (a finished job, the pool).
   * Never a client's numbers: routes recompute and pass their own result here.
   */
  result: unknown;
  projectId?: string | null;
  name?: string | null;
  /** Set by async `?save=true`: a second save of the same job returns the first row. */
  jobId?: string | null;
  parentId?: string | null;
  version?: number;
}

/** Saves a forecast for `userId` with the summary columns its kind's registry row computes. */
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
  const summary = args.parsed.summarise(args.result);
  return repo.insert({
    ownerId: userId,
    projectId: args.projectId ?? null,
    kind: args.parsed.kind,
    name: args.name ?? null,
    input: args.parsed.input,
    // Through JSON so what is stored is exactly what a client would receive.
    result: JSON.parse(JSON.stringify(args.result)) as unknown,
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
