import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en as coreEn } from '../../../i18n/locales/en';
import { INPUT_LABELS } from '../forecasts/InputList';
import { accountEn } from './en';
import { accountEs } from './es';
import { accountPtBR } from './pt-BR';

// The account pages bring their own strings; the same three checks as the core locale test.

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function lookup(obj: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], obj);
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

const others = { 'pt-BR': accountPtBR, es: accountEs };
const enKeys = keys(accountEn).sort();

describe('account translations', () => {
  it.each(Object.entries(others))('%s has exactly the English keys', (_n, lang) => {
    expect(keys(lang).sort()).toEqual(enKeys);
  });

  it.each(Object.entries(others))('%s keeps every {{placeholder}}', (_n, lang) => {
    for (const key of enKeys) {
      expect(placeholders(lookup(lang, key) as string), key).toEqual(
        placeholders(lookup(accountEn, key) as string),
      );
    }
  });

  it.each(Object.entries(others))('%s translates the sentences', (_n, lang) => {
    const same = enKeys.filter((k) => {
      const text = lookup(accountEn, k) as string;
      return text.split(' ').length > 3 && lookup(lang, k) === text;
    });
    expect(same).toEqual([]);
  });

  it('every account key the pages ask for exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'account\.([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => typeof lookup(accountEn, k) !== 'string');
    expect(missing).toEqual([]);
  });

  it('every shared key the pages borrow (common., errors., …) exists in the core strings', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g))
        if (!m[1].startsWith('account.')) used.add(m[1]);
    }
    for (const key of Object.values(INPUT_LABELS)) used.add(key);
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => typeof lookup(coreEn, k) !== 'string')).toEqual([]);
  });

  it('names every forecast kind and role the pages may show', async () => {
    const { REQUEST_KINDS } = await import('@flow-forecaster/schemas');
    for (const kind of REQUEST_KINDS)
      expect(typeof lookup(accountEn, `kinds.${kind}`), kind).toBe('string');
    for (const role of ['student', 'instructor', 'admin'])
      expect(typeof lookup(accountEn, `roles.${role}`), role).toBe('string');
  });
});
