/**
 * One percent style in the English docs, the one the web app (Intl, en) and the CLI print:
 * "85%", never "85 %" typed with a space, so a figure quoted from a page reads the same here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'data', 'pglite']);

function markdown(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdown(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The docs folders and every README, outside fenced code (program output stays as printed). */
function docs(): string[] {
  const all = markdown(ROOT).map((p) => relative(ROOT, p));
  return all.filter((p) => /(^|\/)docs\//.test(p) || /(^|\/)README\.md$/.test(p));
}

function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    return !fenced;
  });
}

/** A digit, then a space (plain or no-break), then a percent sign. */
const SPACED = /\d[ \u00a0\u202f]%/;

describe('percent style in the docs', () => {
  it('writes "85%", not "85 %", in docs/ and the READMEs', () => {
    const files = docs();
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((file) =>
      prose(readFileSync(join(ROOT, file), 'utf8'))
        .filter((line) => SPACED.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('the check finds a spaced percent', () => {
    expect(SPACED.test('with 85 % confidence')).toBe(true);
    expect(SPACED.test('with 85% confidence')).toBe(false);
  });
});
