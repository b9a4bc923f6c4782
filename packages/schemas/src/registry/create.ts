/**
 * A registry: the rows every layer is generated from, indexed by each name a client may use
 * (kind, API path, CLI command, async name). `createForecastRegistry` refuses two rows that
 * claim the same name, so a new kind cannot shadow an old one's path or command.
 */
import { englishMessage, type ParseResult } from '../issues';
import { failure } from '../parse';
import type { ForecastKind, ParseForecastOptions, ParsedForecast } from './define';

export type AnyForecastKind = ForecastKind<string, unknown, unknown>;

export interface ForecastRegistry {
  /** The rows, in the order the CLI help and the OpenAPI document list them. */
  readonly kinds: readonly AnyForecastKind[];
  /** The row of a kind id. */
  get(kind: string): AnyForecastKind | undefined;
  /** The row serving an API path (canonical or alias). */
  byPath(path: string): AnyForecastKind | undefined;
  /** The row of a CLI command name (or alias). */
  byCommand(name: string): AnyForecastKind | undefined;
  /** The queueable row answering to `/api/async/<name>`. */
  byAsyncName(name: string): AnyForecastKind | undefined;
  /** Every name `/api/async/<name>` accepts. */
  readonly asyncNames: readonly string[];
  /** Validates `body` as a request of `kind`; an unknown kind is an issue on `kind`. */
  parse(kind: string, body: unknown, options?: ParseForecastOptions): ParseResult<ParsedForecast>;
}

/** The issue for a kind no row declares. */
export function unknownKind(kinds: readonly string[], field = 'kind'): ParseResult<never> {
  const params = { options: [...kinds] };
  return failure([
    {
      field,
      code: 'invalid_option',
      params,
      message: englishMessage(field, 'invalid_option', params),
    },
  ]);
}

function index(
  rows: readonly AnyForecastKind[],
  what: string,
  names: (row: AnyForecastKind) => readonly string[],
): Map<string, AnyForecastKind> {
  const map = new Map<string, AnyForecastKind>();
  for (const row of rows) {
    for (const name of names(row)) {
      const other = map.get(name);
      if (other && other !== row) {
        throw new Error(
          `forecast kinds ${other.kind} and ${row.kind} both claim the ${what} ${name}`,
        );
      }
      map.set(name, row);
    }
  }
  return map;
}

export function createForecastRegistry(rows: readonly AnyForecastKind[]): ForecastRegistry {
  const byKind = index(rows, 'kind', (r) => [r.kind]);
  const byPath = index(rows, 'path', (r) => r.paths);
  const byCommand = index(rows, 'command', (r) => r.cli);
  const byAsync = index(rows, 'async name', (r) => r.asyncNames);
  const kinds = rows.map((r) => r.kind);
  return {
    kinds: rows,
    get: (kind) => byKind.get(kind),
    byPath: (path) => byPath.get(path),
    byCommand: (name) => byCommand.get(name),
    byAsyncName: (name) => byAsync.get(name),
    asyncNames: [...byAsync.keys()],
    parse(kind, body, options) {
      const row = byKind.get(kind);
      return row ? row.parse(body, options) : unknownKind(kinds, 'kind');
    },
  };
}
