/**
 * `ff encode <command> [FILE.json]` and `ff decode <code>`: share codes on the command line, in
 * the one format the web app's share links and the server's `/api/encode`/`/api/decode` use
 * (`@flow-forecaster/schemas`' share-code.ts, with the same limits and the same checks), so a
 * code made here opens in the app and a link copied from the app reads back here.
 */
import {
  ShareCodeError,
  checkOpenedShare,
  checkShareToWrite,
  decodeShareCode,
  encodeShareCode,
} from '@flow-forecaster/schemas';
import type { ForecastRegistry } from '@flow-forecaster/schemas';
import { EXIT_OK, usageError } from './errors';
import type { InputSource } from './input';
import { parseJson, readRequestText } from './input';

export interface ShareIo extends InputSource {
  stdout: { write(text: string): unknown };
}

export const ENCODE_HELP = `Usage: ff encode <command> [FILE.json | -]

A share code for a forecast request (the JSON a command takes with --input; stdin when no
FILE is given): the web app opens it at #/open?s=<code>, and 'ff decode' or the API's
/api/decode read it back. The request is checked first, as the command would check it.

  ff encode when examples/when.json
`;

export const DECODE_HELP = `Usage: ff decode <code | ->

The forecast a share code holds, as JSON: { "kind", "input" } and the web page's "form" when
it has one ('-' reads the code from stdin). Pipe "input" to the command of that kind:

  ff decode v1.… | jq .input | ff when
`;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A share-code problem as the CLI's usage error (exit 2) naming the field or the argument. */
async function asUsage<T>(work: () => Promise<T>, subject: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof ShareCodeError)) throw e;
    const field = e.field === 'code' ? subject : e.field;
    // The schemas' messages may open with their field (`code: …`); the error line names it.
    const prefix = `${e.field}: `;
    throw usageError(
      e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message,
      field,
    );
  }
}

export async function runEncode(
  argv: readonly string[],
  io: ShareIo,
  registry: ForecastRegistry,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(ENCODE_HELP);
    return EXIT_OK;
  }
  const [name, file, ...rest] = argv;
  if (name === undefined)
    throw usageError("give the command whose request it is: 'ff encode when FILE.json'");
  if (rest.length > 0) throw usageError(`unexpected argument '${rest[0]}'`);
  const row = registry.byCommand(name);
  if (!row) throw usageError(`unknown command '${name}'; run 'ff --help' for the list`);
  const input = parseJson(await readRequestText(file, io));
  if (!isPlainObject(input)) throw usageError('the request must be a JSON object', 'input');
  const code = await asUsage(
    () => encodeShareCode(checkShareToWrite({ kind: row.kind, input })),
    'input',
  );
  io.stdout.write(`${code}\n`);
  return EXIT_OK;
}

export async function runDecode(argv: readonly string[], io: ShareIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(DECODE_HELP);
    return EXIT_OK;
  }
  const [arg, ...rest] = argv;
  if (arg === undefined) throw usageError("give the share code: 'ff decode v1.…'");
  if (rest.length > 0) throw usageError(`unexpected argument '${rest[0]}'`);
  const code = arg === '-' ? (await readRequestText('-', io)).trim() : arg;
  // A whole link pasted from the app (…#/when?s=v1.…) reads as its code.
  const bare = /[?&]s=([^&\s]+)/.exec(code)?.[1] ?? code;
  const shared = await asUsage(async () => checkOpenedShare(await decodeShareCode(bare)), 'code');
  io.stdout.write(`${JSON.stringify(shared, null, 2)}\n`);
  return EXIT_OK;
}
