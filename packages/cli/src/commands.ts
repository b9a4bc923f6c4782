/**
 * The commands of `ff`: one per row of the forecast registry, under the row's CLI names. Help,
 * the argument parser and the option scopes read this view of the row.
 */
import { FORECAST_REGISTRY, acceptsCalendar } from '@flow-forecaster/schemas';
import type { AnyForecastKind, ForecastRegistry, RunsField } from '@flow-forecaster/schemas';

export interface CommandSpec {
  /** The command (the row's first CLI name). */
  name: string;
  /** The forecast kind it runs. */
  kind: string;
  summary: string;
  /** Uses random draws, so `--seed` applies. */
  seeded: boolean;
  /** The request field `--runs` sets, when the kind simulates. */
  runsField?: RunsField;
  /** Its request takes `calendar`, so the calendar options apply. */
  calendar: boolean;
  example: string;
  /** Reads a tracker CSV (`--csv` and its column/date flags). */
  csv: boolean;
  /** Takes `--as-of`, `--window` and `--from/--to` as request fields. */
  flags: boolean;
  /** The API path's names (`POST /api/forecast-when` → `forecast-when`), for users of the API. */
  aliases?: readonly string[];
}

export function commandOf(row: AnyForecastKind): CommandSpec {
  const [name, ...aliases] = row.cli;
  return {
    name,
    kind: row.kind,
    summary: row.description,
    seeded: row.seeded,
    calendar: acceptsCalendar(row.schema),
    ...(row.runsField ? { runsField: row.runsField } : {}),
    example: row.cliExample,
    csv: row.kind === 'history' || row.csv !== undefined,
    flags: row.cliFlags !== undefined,
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

export function commandsOf(registry: ForecastRegistry): CommandSpec[] {
  return registry.kinds.map(commandOf);
}

/** The commands of the built-in kinds. */
export const COMMANDS: readonly CommandSpec[] = commandsOf(FORECAST_REGISTRY);

export function findCommand(registry: ForecastRegistry, name: string): CommandSpec | undefined {
  const row = registry.byCommand(name);
  return row ? commandOf(row) : undefined;
}
