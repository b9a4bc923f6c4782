/** @flow-forecaster/cli — the `ff` command as a library: `run(argv, io)` → exit code. */
export { run } from './run';
export type { CliIo } from './run';
export { itemsFromCsv } from './csv-history';
export type { CsvHistoryOptions, CsvItems } from './csv-history';
export { COMMANDS } from './commands';
export { OPTIONS } from './options';
export type { CliOptions } from './options';
