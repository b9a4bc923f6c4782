// Runs scripts/long-functions.mjs as CI would and fails while any function over 120 lines is
// left without a `// long-function-ok: <why>` comment, naming each one.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { longFunctionsIn } from './long-functions.mjs';

const SCRIPT = fileURLToPath(new URL('./long-functions.mjs', import.meta.url));

interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
  exempt: boolean;
}

function run(args: string[]): { status: number; report: { functions: LongFunction[] } } {
  try {
    const out = execFileSync(process.execPath, [SCRIPT, '--json', ...args], { encoding: 'utf8' });
    return { status: 0, report: JSON.parse(out) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, report: JSON.parse(failed.stdout) };
  }
}

function body(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `  total += ${i};`).join('\n');
}

describe('long-functions script', () => {
  it('finds declarations, methods and arrows over the limit, by name', () => {
    const text = [
      `function short() {\n${body(3)}\n}`,
      `function long() {\n${body(10)}\n}`,
      `class Box {\n  method() {\n${body(10)}\n  }\n}`,
      `export const arrow = () => {\n${body(10)}\n};`,
    ].join('\n');
    const found = longFunctionsIn('x.ts', text, 8);
    expect(found.map((f: LongFunction) => [f.name, f.lines, f.exempt])).toEqual([
      ['long', 12, false],
      ['Box.method', 12, false],
      ['arrow', 12, false],
    ]);
  });

  it('accepts a long-function-ok reason only in the comment block directly above', () => {
    const text = [
      `// long-function-ok: the hot loop; calls cost speed\n// more words\nfunction hot() {\n${body(10)}\n}`,
      `// long-function-ok: too far away\n\nfunction far() {\n${body(10)}\n}`,
      `// long-function-ok:\nfunction empty() {\n${body(10)}\n}`,
    ].join('\n');
    const found = longFunctionsIn('x.ts', text, 8);
    expect(found.map((f: LongFunction) => [f.name, f.exempt])).toEqual([
      ['hot', true],
      ['far', false],
      ['empty', false],
    ]);
  });

  it('no non-test function is over 120 lines without a reason', () => {
    const { status, report } = run([]);
    const offenders = report.functions
      .filter((f) => !f.exempt)
      .map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(offenders).toEqual([]);
    expect(status).toBe(0);
  });

  it('lists only the functions over the limit', () => {
    const { report } = run([]);
    expect(report.functions.every((f) => f.lines > 120)).toBe(true);
  });
});
