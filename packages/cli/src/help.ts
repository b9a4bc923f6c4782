/** `--help` text, generated from the command and option tables. */
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import type { ForecastRegistry } from '@flow-forecaster/schemas';
import type { CommandSpec } from './commands';
import { commandsOf } from './commands';
import { optionsFor } from './options';

function columns(rows: readonly [string, string][], indent = 2): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows
    .map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}${right}`)
    .join('\n');
}

function optionRows(command: CommandSpec | undefined): [string, string][] {
  return optionsFor(command).map((o) => {
    const names = `${o.short ? `-${o.short}, ` : '    '}--${o.flag}${o.value ? ` ${o.value}` : ''}`;
    return [names, o.description];
  });
}

export function globalHelp(registry: ForecastRegistry = FORECAST_REGISTRY): string {
  return [
    'ff: Flow Forecaster on the command line (Monte Carlo delivery forecasts)',
    '',
    'Usage: ff <command> [--input FILE.json | < FILE.json] [options]',
    '',
    'Commands:',
    columns([
      ...commandsOf(registry).map((c): [string, string] => [c.name, c.summary]),
      // Not forecast kinds: pull fetches a tracker's items for them, mcp serves them as tools,
      // encode/decode carry a request as a share code.
      ['pull', "fetch a tracker's work items with status history (ff pull --help)"],
      ['mcp', 'every forecast above as a tool for AI assistants, over stdio (ff mcp --help)'],
      ['encode', "a share code for a request, as the web app's links (ff encode --help)"],
      ['decode', 'the kind and request a share code holds, as JSON (ff decode --help)'],
    ]),
    '',
    'Options:',
    columns(optionRows(undefined)),
    '',
    "Run 'ff <command> --help' for a command's options.",
    'Exit codes: 0 ok, 2 bad input or usage (one line on stderr naming the field), 1 other failures.',
    '',
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  const input =
    command.kind === 'history'
      ? '(--csv FILE --done-column NAME | --input FILE.json)'
      : command.csv
        ? '(--csv FILE | --input FILE.json)'
        : '--input FILE.json';
  return [
    `Usage: ff ${command.name} ${input} [options]`,
    '',
    `${command.summary}.`,
    ...(command.aliases ? [`Also: ff ${command.aliases.join(', ff ')} (the API's names).`] : []),
    '',
    'Options:',
    columns(optionRows(command)),
    '',
    'Example:',
    `  ${command.example}`,
    '',
  ].join('\n');
}
