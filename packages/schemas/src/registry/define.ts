/**
 * One forecast kind, declared once: its request schema, the engine function it runs and how
 * every layer (API paths, async queue, CLI, saved forecasts, OpenAPI) presents it.
 *
 * `defineForecastKind` closes over the row's own types, so a parsed forecast carries the
 * operations of its kind (`run`, `workBound`, `summarise`) already bound to a correctly
 * typed input. Code that handles "any kind" calls those methods and never has to restate,
 * with a cast, that a `kind: string` and an `input: unknown` belong together.
 */
import type { z } from 'zod';
import type { SimulationPlan, SimulateOptions } from '@flow-forecaster/engine';
import { abortError, requestSeed } from '@flow-forecaster/engine';
import type { ParseResult } from '../issues';
import { parseBody } from '../parse';

/** How a caller follows or stops a run (progress per batch, cancellation between batches). */
export type ForecastRunOptions = SimulateOptions;

/** What a saved forecast or a list shows of a result, besides its kind and name. */
export interface ForecastSummary {
  /** One line a person reads in a list ("85 %: 9 weeks"). */
  headline: string;
  p50Weeks: number | null;
  p85Weeks: number | null;
  p95Weeks: number | null;
  canMeetDeadline: boolean | null;
  seed: number | null;
}

/** The field a CLI `--runs` override sets. */
export type RunsField = 'numberOfSimulations' | 'nSimulations';

/** An API path of a kind: always under `/api/`. */
export type ApiPath = `/api/${string}`;

export interface ForecastKindSpec<K extends string, S extends z.ZodType, R> {
  /** Unique id: the `kind` of saved forecasts, jobs and share links. */
  kind: K;
  /** Short name, for the OpenAPI summary. */
  title: string;
  /** One sentence: the OpenAPI description and the CLI's command list. */
  description: string;
  /** The request schema; accepts the original API's aliases and normalises them. */
  schema: S;
  /**
   * The schema requests are parsed with when it is not `schema` itself: the same fields and
   * output read by a faster path (`schema` stays what OpenAPI documents).
   */
  parseSchema?: z.ZodType<z.output<S>>;
  /** The engine function (pure). */
  run: (input: z.output<S>, options: ForecastRunOptions) => R;
  /** API paths; the first is canonical, the rest are the original's aliases. */
  paths: readonly [ApiPath, ...ApiPath[]];
  /** CLI command names; the first is the command, the rest aliases. */
  cli: readonly [string, ...string[]];
  /** A command line that shows the command at work (CLI help). */
  cliExample: string;
  /** Uses random draws: takes a `seed`, which an async job fixes before queueing. */
  seeded: boolean;
  /** The request field holding the number of runs (CLI `--runs`). */
  runsField?: RunsField;
  /** May be sent to `/api/async/<name>` and run as a job. */
  queueable: boolean;
  /**
   * An upper bound of the work, in engine steps (draws), decided from the validated input
   * alone: what the limits allow, never a mean that a heavy-tailed history can defeat.
   */
  workBound: (input: z.output<S>) => number;
  /** The small figures a saved forecast keeps beside its result. */
  summarise: (input: z.output<S>, result: R) => ForecastSummary;
  /** A valid request body: tests, the OpenAPI example and docs use it. */
  example: z.input<S>;
  /**
   * For kinds whose run splits into fixed-size batches that may run on several threads and
   * merge to the very same result: the plan of those batches.
   */
  simulationPlan?: (input: z.output<S>) => SimulationPlan;
  /** For kinds that read a tracker export: `ff <command> --csv FILE` builds the body here. */
  csv?: CsvRequestReader;
  /** For kinds with an "as of" day and a history window: `--as-of`, `--window`, `--from/--to`. */
  cliFlags?: CliFlagsApplier;
}

/** What `--csv` hands a kind: the file's rows and the column/date flags the user gave. */
export interface CsvRequestOptions {
  /** Columns named with `--done-column` / `--start-column`; others are guessed. */
  columns: { done?: string; started?: string };
  /** Engine date patterns `--date-format` allows; empty: detect from the whole file. */
  dateFormats: readonly string[];
}

/** The request body read from a CSV, and notes on how it was read (format, columns). */
export type CsvRequestReader = (
  rows: readonly Record<string, string | undefined>[],
  options: CsvRequestOptions,
) => { body: Record<string, unknown>; notes: Record<string, unknown> };

export interface CliFlags {
  asOf?: string;
  /** `all` or a number of weeks. */
  window?: 'all' | number;
  from?: string;
  to?: string;
}

/** Sets the request fields the flags mean for this kind (a body from `--input` or `--csv`). */
export type CliFlagsApplier = (
  body: Record<string, unknown>,
  flags: CliFlags,
) => Record<string, unknown>;

/** A validated request of one kind, with the operations of that kind bound to it. */
export interface ParsedForecast<K extends string = string, I = unknown, R = unknown> {
  readonly kind: K;
  readonly input: I;
  /** Runs the engine on this thread. */
  run(options?: ForecastRunOptions): R;
  /** The row's upper bound of the work of this input. */
  workBound(): number;
  /**
   * The summary of a result of this forecast. The result may come back from a worker thread,
   * a Redis job or the database, where it is plain data again: it must be one this kind's
   * engine computed (never a client's), which every caller guarantees.
   */
  summarise(result: unknown): ForecastSummary;
  /** Whether the run splits into batches (`simulationPlan` gives them). */
  readonly batched: boolean;
  /** The batches of a batched kind, else undefined. */
  simulationPlan(): SimulationPlan | undefined;
  /** Plain data for crossing threads or Redis; parse it again on the other side. */
  request(): ForecastRequest;
}

/** A forecast as plain data: what jobs, pool tasks and share links carry. */
export interface ForecastRequest {
  kind: string;
  input: unknown;
}

export interface ParseForecastOptions {
  /**
   * Kept for callers that ask for a fixed seed (a retried job, a saved forecast): every seeded
   * request without a seed now gets the hash of its input, with or without this flag.
   */
  fixSeed?: boolean;
}

/** A defined kind: the row's declaration plus its typed parser. */
export interface ForecastKind<K extends string = string, I = unknown, R = unknown> {
  readonly kind: K;
  readonly title: string;
  readonly description: string;
  readonly schema: z.ZodType;
  readonly paths: readonly [ApiPath, ...ApiPath[]];
  readonly cli: readonly [string, ...string[]];
  readonly cliExample: string;
  readonly seeded: boolean;
  readonly runsField?: RunsField;
  readonly queueable: boolean;
  readonly example: unknown;
  /** Whether a run splits into batches several threads can share. */
  readonly batched: boolean;
  /** Names accepted by `/api/async/<name>`: the kind and its paths' last segments. */
  readonly asyncNames: readonly string[];
  readonly csv?: CsvRequestReader;
  readonly cliFlags?: CliFlagsApplier;
  parse(body: unknown, options?: ParseForecastOptions): ParseResult<ParsedForecast<K, I, R>>;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A seeded request without a seed gets the hash of its validated input (trust rules): the same
 * inputs give the same numbers through the API, the CLI, the browser's worker and the queue,
 * and the result carries the seed that reproduces it.
 */
function withSeed<I>(input: I): I {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const seed = (input as { seed?: unknown }).seed;
  if (seed !== undefined && seed !== null) return input;
  return { ...input, seed: requestSeed(input as { seed?: number | null }) };
}

/**
 * Declares a kind. Everything the layers need is derived from this one value; adding a kind
 * is an engine function, this call in `kinds/<kind>.ts` and one line in `registry.ts`.
 */
export function defineForecastKind<K extends string, S extends z.ZodType, R>(
  spec: ForecastKindSpec<K, S, R>,
): ForecastKind<K, z.output<S>, R> {
  type I = z.output<S>;
  // The one place a result that crossed a thread, Redis or the database is taken for what it
  // is: every result handed to `summarise` was computed by this row's `run` for this input.
  const trusted = (result: unknown): R => result as R;
  const bind = (input: I): ParsedForecast<K, I, R> => ({
    kind: spec.kind,
    input,
    run(options = {}) {
      if (options.signal?.aborted) throw abortError();
      const result = spec.run(input, options);
      // Kinds without batches report once, when done, so every caller sees progress reach 1.
      if (!spec.simulationPlan) options.onProgress?.(1);
      return result;
    },
    batched: spec.simulationPlan !== undefined,
    workBound: () => spec.workBound(input),
    summarise: (result) => spec.summarise(input, trusted(result)),
    simulationPlan: () => spec.simulationPlan?.(input),
    request: () => ({ kind: spec.kind, input }),
  });
  const asyncNames = spec.queueable
    ? [...new Set([spec.kind, ...spec.paths.map(lastSegment)])]
    : [];
  return {
    kind: spec.kind,
    title: spec.title,
    description: spec.description,
    schema: spec.schema,
    paths: spec.paths,
    cli: spec.cli,
    cliExample: spec.cliExample,
    seeded: spec.seeded,
    ...(spec.runsField ? { runsField: spec.runsField } : {}),
    queueable: spec.queueable,
    example: spec.example,
    batched: spec.simulationPlan !== undefined,
    asyncNames,
    ...(spec.csv ? { csv: spec.csv } : {}),
    ...(spec.cliFlags ? { cliFlags: spec.cliFlags } : {}),
    parse(body, _options = {}) {
      const parsed = parseBody(spec.parseSchema ?? spec.schema, body);
      if (!parsed.ok) return parsed;
      return { ok: true, value: bind(spec.seeded ? withSeed(parsed.value) : parsed.value) };
    },
  };
}
