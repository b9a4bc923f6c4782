/** Command line → command + typed options, using the option table and node's own parser. */
import { parseArgs } from 'node:util';
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import type { ForecastRegistry } from '@flow-forecaster/schemas';
import type { CommandSpec } from './commands';
import { findCommand } from './commands';
import { usageError } from './errors';
import type { CliOptions } from './options';
import { defaultOptions, optionsFor } from './options';

export interface ParsedCommandLine {
  command: CommandSpec | undefined;
  options: CliOptions;
}

type ParseArgsConfig = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** node's parseArgs messages are long and advise on positionals; keep the useful part. */
function shortParseError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /Option '(?:-\w, )?(-{1,2}[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `option '${missing[1]}' needs a value`;
  return message.split('\n')[0];
}

export function parseCommandLine(
  argv: readonly string[],
  registry: ForecastRegistry = FORECAST_REGISTRY,
): ParsedCommandLine {
  const first = argv[0];
  let command: CommandSpec | undefined;
  let rest = argv;
  if (first !== undefined && !first.startsWith('-')) {
    command = findCommand(registry, first);
    if (command === undefined) {
      throw usageError(
        `unknown command '${first}'; commands: ${registry.kinds.map((r) => r.cli[0]).join(', ')}`,
      );
    }
    rest = argv.slice(1);
  }

  const specs = optionsFor(command);
  const config: ParseArgsConfig = {};
  for (const spec of specs) {
    config[spec.flag] = {
      type: spec.value === undefined ? 'boolean' : 'string',
      ...(spec.short ? { short: spec.short } : {}),
    };
  }

  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: config,
      strict: true,
      allowPositionals: true,
    });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals;
  } catch (e) {
    const where = command ? `'ff ${command.name} --help'` : "'ff --help'";
    throw usageError(`${shortParseError(e)}; see ${where}`);
  }
  if (positionals.length > 0) {
    throw usageError(
      command
        ? `unexpected argument '${positionals[0]}'; give the request with --input FILE`
        : `unexpected argument '${positionals[0]}'; the command comes first, e.g. ff simulate …`,
    );
  }

  const options = defaultOptions();
  const target = options as unknown as Record<string, unknown>;
  for (const spec of specs) {
    const raw = values[spec.flag];
    if (raw === undefined) continue;
    if (typeof raw === 'boolean') target[spec.key] = raw;
    else target[spec.key] = spec.parse ? spec.parse(raw, spec.flag) : raw;
  }
  return { command, options };
}
