/**
 * The programmatic CLI: `run(argv, io)` does everything `ff` does and returns the exit code,
 * so tests and scripts can drive it without a process. Output goes through `io` only.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EngineInputError } from '@flow-forecaster/engine';
import type { HistoryResult } from '@flow-forecaster/engine';
import { FORECAST_REGISTRY, parseForecast } from '@flow-forecaster/schemas';
import { installHolidays } from '@flow-forecaster/schemas/holidays';
import type { CliFlags, ForecastRegistry, ParseResult } from '@flow-forecaster/schemas';
import { parseCommandLine } from './args';
import type { CommandSpec } from './commands';
import { candidatesFor, itemsFromCsv, readCsvRows } from './csv-history';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, errorLine, usageError } from './errors';
import { commandHelp, globalHelp } from './help';
import type { InputSource } from './input';
import { parseJson, readRequestText, readTextFile } from './input';
import type { CliOptions } from './options';
import { runPull } from './pull-command';
import { runDecode, runEncode } from './share-command';
import { formatTable } from './table';
import { VERSION } from './version';

export interface CliIo extends InputSource {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where tokens come from (`ff pull`); the process environment when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface RunOptions {
  /** The forecast kinds the commands come from; default FORECAST_REGISTRY. */
  registry?: ForecastRegistry;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body of the command, with the command-line overrides applied. */
async function requestBody(
  registry: ForecastRegistry,
  command: CommandSpec,
  options: CliOptions,
  io: CliIo,
): Promise<{ body: unknown; extra?: Record<string, unknown> }> {
  const row = registry.get(command.kind);
  if (command.kind === 'history' && options.csv !== undefined) {
    if (options.input !== undefined) throw usageError('give either --csv or --input, not both');
    if (options.doneColumn === undefined) {
      throw usageError('--done-column NAME is required with --csv', '--done-column');
    }
    const text = await readTextFile(options.csv, io.cwd, '--csv');
    const csv = itemsFromCsv(text, {
      doneColumn: options.doneColumn,
      startColumn: options.startColumn,
      dateFormat: options.dateFormat,
      delimiter: options.delimiter,
    });
    return {
      body: {
        items: csv.items,
        dateFormat: csv.dateFormat,
        from: options.from,
        to: options.to,
        ...(calendarOverrides(options) !== null ? { calendar: calendarOverrides(options) } : {}),
      },
      extra: { csv: { file: options.csv, dateFormat: csv.dateFormat, rows: csv.rows } },
    };
  }
  if ((options.doneColumn ?? options.startColumn) !== undefined && options.csv === undefined) {
    throw usageError('--done-column and --start-column need --csv FILE', '--csv');
  }
  if (row?.csv !== undefined && options.csv !== undefined) {
    if (options.input !== undefined) throw usageError('give either --csv or --input, not both');
    const text = await readTextFile(options.csv, io.cwd, '--csv');
    const { rows } = readCsvRows(text, options.delimiter);
    const read = row.csv(rows, {
      columns: { done: options.doneColumn, started: options.startColumn },
      dateFormats: options.dateFormat === 'auto' ? [] : candidatesFor(options.dateFormat),
    });
    const flagged = row.cliFlags ? row.cliFlags(read.body, flagsOf(options)) : read.body;
    return {
      body: withCalendarOptions(flagged, options),
      extra: { ...read.notes, csvFile: options.csv },
    };
  }

  const body = parseJson(await readRequestText(options.input, io));
  if (!isPlainObject(body)) return { body };
  if (row?.cliFlags !== undefined) {
    return { body: withCalendarOptions(row.cliFlags(body, flagsOf(options)), options) };
  }
  const patched: Record<string, unknown> = { ...body };
  if (options.seed !== undefined) patched.seed = options.seed;
  if (options.runs !== undefined && command.runsField !== undefined) {
    // Drop both spellings first so the override cannot conflict with an alias in the file.
    delete patched.numberOfSimulations;
    delete patched.nSimulations;
    patched[command.runsField] = options.runs;
  }
  if (options.from !== undefined) patched.from = options.from;
  if (options.to !== undefined) patched.to = options.to;
  return { body: withCalendarOptions(patched, options) };
}

/** The flags given (absent ones left out, so a row never sees `undefined` fields). */
function flagsOf(options: CliOptions): CliFlags {
  const flags: CliFlags = {};
  if (options.asOf !== undefined) flags.asOf = options.asOf;
  if (options.window !== undefined) flags.window = options.window;
  if (options.from !== undefined) flags.from = options.from;
  if (options.to !== undefined) flags.to = options.to;
  return flags;
}

/**
 * The body with `--country`, `--blackout`… merged into its `calendar` and `--resolution` set.
 * Kinds with their own flag handling (flow) and CSV readers go through it too, so a calendar
 * given on the command line is never dropped on the way.
 */
function withCalendarOptions(body: unknown, options: CliOptions): unknown {
  if (!isPlainObject(body)) return body;
  const calendar = calendarOverrides(options);
  if (calendar === null && options.resolution === undefined) return body;
  const out: Record<string, unknown> = { ...body };
  if (calendar !== null) {
    out.calendar = { ...(isPlainObject(body.calendar) ? body.calendar : {}), ...calendar };
  }
  if (options.resolution !== undefined) out.resolution = options.resolution;
  return out;
}

function calendarOverrides(options: CliOptions): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (options.country !== undefined) out.country = options.country;
  if (options.region !== undefined) out.region = options.region;
  if (options.workingDays !== undefined) out.workingDays = options.workingDays;
  if (options.blackouts !== undefined) out.blackouts = options.blackouts;
  if (options.optionalHolidays !== undefined) out.optionalHolidays = options.optionalHolidays;
  if (options.holidayLanguage !== undefined) out.language = options.holidayLanguage;
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * History as the engine returns it, led by `tpSamples` and `ltSamples` so the file can be
 * fed straight to the other commands (`ff history … > h.json`, then add numberOfTasks).
 */
function historyOutput(result: HistoryResult, extra?: Record<string, unknown>) {
  return {
    tpSamples: result.weeklyThroughput,
    ltSamples: result.leadTimes,
    weeks: result.weekStarts.length,
    ...result,
    ...extra,
  };
}

/** The parsed request, or the CLI's usage error naming the field. */
function parsedOrUsage<T>(parsed: ParseResult<T>): T {
  if (parsed.ok) return parsed.value;
  throw new CliError(parsed.error.message, {
    exitCode: EXIT_USAGE,
    subject: parsed.error.field ?? 'input',
  });
}

/** Runs the command's forecast; history's output leads with what other commands take. */
function compute(
  registry: ForecastRegistry,
  command: CommandSpec,
  body: unknown,
  extra?: Record<string, unknown>,
): unknown {
  // History is the built-in row (its CSV options are part of the CLI), so its result is typed.
  if (command.kind === 'history') {
    return historyOutput(parsedOrUsage(parseForecast('history', body)).run(), extra);
  }
  const result = parsedOrUsage(registry.parse(command.kind, body)).run();
  // How a CSV was read (columns, date format) travels with the result it produced.
  return extra !== undefined && isPlainObject(result) ? { ...result, ...extra } : result;
}

async function execute(
  argv: readonly string[],
  io: CliIo,
  registry: ForecastRegistry,
): Promise<number> {
  // `pull` talks to trackers rather than running a forecast kind, so it has its own options.
  if (argv[0] === 'pull') return runPull(argv.slice(1), io);
  // `mcp` serves the forecast kinds rather than running one; its module loads the SDK lazily.
  if (argv[0] === 'mcp') {
    const { runMcp } = await import('./mcp-command');
    return runMcp(argv.slice(1), io, registry);
  }
  // Share codes carry a request rather than run one; the schemas module does the work.
  if (argv[0] === 'encode') return runEncode(argv.slice(1), io, registry);
  if (argv[0] === 'decode') return runDecode(argv.slice(1), io);
  const { command, options } = parseCommandLine(argv, registry);
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (command === undefined) {
    if (options.help) {
      io.stdout.write(globalHelp(registry));
      return EXIT_OK;
    }
    throw usageError("no command given; run 'ff --help' for the list");
  }
  if (options.help) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }

  const { body, extra } = await requestBody(registry, command, options, io);
  const output = compute(registry, command, body, extra);
  const text =
    options.format === 'table'
      ? formatTable(command.kind, output)
      : `${JSON.stringify(output, null, 2)}\n`;

  if (options.output !== undefined) {
    try {
      await writeFile(resolve(io.cwd, options.output), text, 'utf8');
    } catch (e) {
      throw new CliError(`${options.output}: ${(e as Error).message}`, {
        exitCode: EXIT_FAILURE,
        subject: '--output',
      });
    }
  } else {
    io.stdout.write(text);
  }
  return EXIT_OK;
}

/** Runs `ff` with `argv` (without node and the script); resolves to the exit code. */
export async function run(
  argv: readonly string[],
  io: CliIo,
  options: RunOptions = {},
): Promise<number> {
  // A country's holidays are resolved while parsing; the CLI always has the data at hand.
  installHolidays();
  try {
    return await execute(argv, io, options.registry ?? FORECAST_REGISTRY);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`${errorLine(e.subject, e.message)}\n`);
      return e.exitCode;
    }
    if (e instanceof EngineInputError) {
      // The schemas should have caught it; it is still the user's input, so exit 2.
      io.stderr.write(`${errorLine(e.field, e.message)}\n`);
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`${errorLine(undefined, `unexpected failure: ${message}`)}\n`);
    return EXIT_FAILURE;
  }
}
