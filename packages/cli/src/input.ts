/** Reading the request: a file, or stdin when piped, and never waiting on a terminal. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from './errors';

export interface InputSource {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readTextFile(path: string, cwd: string, flag: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw usageError(`${path}: ${why}`, flag);
  }
}

/** The raw request text from `--input FILE`, `--input -` or a piped stdin. */
export async function readRequestText(input: string | undefined, io: InputSource): Promise<string> {
  if (input !== undefined && input !== '-') return readTextFile(input, io.cwd, '--input');
  if (io.stdin.isTTY) {
    throw usageError('no input: give --input FILE.json or pipe the JSON on stdin');
  }
  const text = await readStream(io.stdin);
  if (text.trim() === '') {
    throw usageError('stdin was empty; give --input FILE.json or pipe the JSON on stdin', 'input');
  }
  return text;
}

/** JSON.parse with a one-line, located message instead of an exception. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = (e as Error).message.replace(/^JSON\.parse: /, '');
    throw usageError(`not valid JSON (${detail})`, 'input');
  }
}
