/**
 * The forecast kinds, listed once. The server's routes (sync and async), the job processor,
 * the saved-forecast summaries, the CLI's commands and help, the web runner and the OpenAPI
 * document are all generated from `FORECAST_REGISTRY`; see the README for adding a kind.
 */
import { z } from 'zod';
import type { ParseResult } from './issues';
import type {
  ForecastKind,
  ForecastRunOptions,
  ParseForecastOptions,
  ParsedForecast,
} from './registry/define';
import { createForecastRegistry, unknownKind } from './registry/create';
import { accuracyKind } from './kinds/accuracy';
import { backtestKind } from './kinds/backtest';
import { costKind } from './kinds/cost';
import { deadlineKind } from './kinds/deadline';
import { deliveryKind } from './kinds/delivery';
import { dependenciesKind } from './kinds/dependencies';
import { flowKind } from './kinds/flow';
import { historyKind } from './kinds/history';
import { howManyKind } from './kinds/how-many';
import { pbcKind } from './kinds/pbc';
import { portfolioKind } from './kinds/portfolio';
import { risksKind } from './kinds/risks';
import { simulateKind } from './kinds/simulate';
import { whenKind } from './kinds/when';

export * from './registry/define';
export * from './registry/create';

/** The rows, in the order of the CLI help and the OpenAPI document. */
export const FORECAST_KIND_ROWS = [
  simulateKind,
  whenKind,
  howManyKind,
  deadlineKind,
  costKind,
  risksKind,
  dependenciesKind,
  backtestKind,
  accuracyKind,
  pbcKind,
  historyKind,
  deliveryKind,
  flowKind,
  portfolioKind,
] as const;

export const FORECAST_REGISTRY = createForecastRegistry(FORECAST_KIND_ROWS);

type Row = (typeof FORECAST_KIND_ROWS)[number];
export type ForecastKindName = Row['kind'];
type RowOf<K extends ForecastKindName> = Extract<Row, { kind: K }>;
/** The typed parse of kind `K`: `input` is exactly what that kind's engine function takes. */
export type ParsedForecastOf<K extends ForecastKindName> =
  RowOf<K> extends ForecastKind<K, infer I, infer R> ? ParsedForecast<K, I, R> : never;
/** A parsed forecast of any registered kind, discriminated by `kind`. */
export type AnyParsedForecast = { [K in ForecastKindName]: ParsedForecastOf<K> }[ForecastKindName];

type Parsers = {
  [K in ForecastKindName]: (
    body: unknown,
    options?: ParseForecastOptions,
  ) => ParseResult<ParsedForecastOf<K>>;
};

const PARSERS: Parsers = {
  simulate: simulateKind.parse,
  when: whenKind.parse,
  'how-many': howManyKind.parse,
  deadline: deadlineKind.parse,
  cost: costKind.parse,
  risks: risksKind.parse,
  dependencies: dependenciesKind.parse,
  backtest: backtestKind.parse,
  accuracy: accuracyKind.parse,
  pbc: pbcKind.parse,
  history: historyKind.parse,
  delivery: deliveryKind.parse,
  flow: flowKind.parse,
  portfolio: portfolioKind.parse,
};

function isKindName(kind: string): kind is ForecastKindName {
  return Object.hasOwn(PARSERS, kind);
}

/**
 * Validates `body` as a request of `kind` into a typed `{kind, input}` (plus the kind's
 * bound operations), or the first problem as a 400-style issue naming the field.
 */
export function parseForecast<K extends ForecastKindName>(
  kind: K,
  body: unknown,
  options?: ParseForecastOptions,
): ParseResult<ParsedForecastOf<K>>;
export function parseForecast(
  kind: string,
  body: unknown,
  options?: ParseForecastOptions,
): ParseResult<AnyParsedForecast>;
export function parseForecast(
  kind: string,
  body: unknown,
  options?: ParseForecastOptions,
): ParseResult<AnyParsedForecast> {
  if (!isKindName(kind)) return unknownKind(FORECAST_REGISTRY.kinds.map((r) => r.kind));
  return PARSERS[kind](body, options);
}

/** Runs a parsed forecast on this thread: the engine function of its kind. */
export function runForecast<R>(
  parsed: { run(options?: ForecastRunOptions): R },
  options: ForecastRunOptions = {},
): R {
  return parsed.run(options);
}

/** JSON Schema of what a client may send for a row, for the OpenAPI document. */
export function forecastJsonSchema(row: { schema: z.ZodType }): Record<string, unknown> {
  return z.toJSONSchema(row.schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
export * from './registry/saved';
