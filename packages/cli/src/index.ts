/** @flow-forecaster/cli — the `ff` command as a library: `run(argv, io)` → exit code. */
import { run as runCli, type CliIo } from './run';

export type { CliIo };

/**
 * Runs `ff` with `argv` (without node and the script); resolves to the exit code. The
 * registry option of the inner `run` (tests register extra kinds) is not part of the published
 * API, so the published types need nothing from the private schemas package.
 */
export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runCli(argv, io);
}
export { itemsFromCsv } from './csv-history';
export type { CsvHistoryOptions, CsvItems } from './csv-history';
export { OPTIONS } from './options';
export type { CliOptions } from './options';
