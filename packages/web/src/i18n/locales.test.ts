import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import { es } from './locales/es';
import { WARNING_CODES, warningMessage } from '@flow-forecaster/engine';
type Bundle = Record<'en' | 'pt-BR' | 'es', object>;

/**
 * Feature folders register their own strings (registerTranslations) from an exported `…Bundles`
 * object; every one found is checked, and its keys count as keys the code may ask for.
 */
const bundleModules = import.meta.glob<Record<string, unknown>>(
  ['../features/*/i18n.ts', '../features/*/i18n/index.ts', '../features/shared/*-i18n.ts'],
  { eager: true },
);
const FEATURE_BUNDLES: Record<string, Bundle> = Object.fromEntries(
  Object.values(bundleModules).flatMap((mod) =>
    Object.entries(mod)
      .filter(([name, value]) => name.endsWith('Bundles') && typeof value === 'object')
      .map(([name, value]) => [name.replace(/Bundles$/, ''), value as Bundle]),
  ),
);
// Deep enough for the lookups below: each bundle owns its own top-level namespace.
const enWithFeatures: object = Object.assign(
  {},
  en,
  ...Object.values(FEATURE_BUNDLES).map((b) => b.en),
);

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

function lookup(obj: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], obj);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // The account pages bring their own bundle (registerTranslations) and test it themselves.
    if (path.endsWith(join('features', 'account'))) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

const languages = { 'pt-BR': ptBR, es } as const;

describe('translations', () => {
  const enKeys = keys(en).sort();

  it.each(Object.entries(languages))('%s has exactly the English keys', (_name, lang) => {
    expect(keys(lang).sort()).toEqual(enKeys);
  });

  it.each(Object.entries(languages))(
    '%s keeps every {{placeholder}} of each message',
    (_n, lang) => {
      for (const key of enKeys) {
        const mine = lookup(lang, key);
        expect(typeof mine, key).toBe('string');
        expect(placeholders(mine as string), key).toEqual(placeholders(lookup(en, key) as string));
      }
    },
  );

  it.each(Object.entries(languages))(
    '%s translates the sentences (not English copies)',
    (_n, lang) => {
      // Format examples (e.g. Jira's date format) are the same in every language.
      const universal = new Set(['csv.formats.jira']);
      const same = enKeys.filter((k) => {
        if (universal.has(k)) return false;
        const text = lookup(en, k) as string;
        return text.split(' ').length > 3 && lookup(lang, k) === text;
      });
      expect(same).toEqual([]);
    },
  );

  it('every key the code asks for exists (in the core locale or a feature’s own bundle)', () => {
    const root = join(__dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(
        /titleKey:\s*'([a-zA-Z0-9_.]+)'|page\('[^']+',\s*'([a-zA-Z0-9_.]+)'/g,
      ))
        used.add(m[1] ?? m[2]);
    }
    expect(used.size).toBeGreaterThan(100);
    // A key with a count is looked up by its plural forms (`key_one`, `key_other`).
    const missing = [...used].filter(
      (k) =>
        typeof lookup(enWithFeatures, k) !== 'string' &&
        typeof lookup(enWithFeatures, `${k}_other`) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(FEATURE_BUNDLES))(
    'the %s bundle has the English keys and placeholders in pt-BR and es',
    (_name, bundle) => {
      const english = keys(bundle.en).sort();
      for (const lang of [bundle['pt-BR'], bundle.es]) {
        expect(keys(lang).sort()).toEqual(english);
        for (const key of english) {
          expect(placeholders(lookup(lang, key) as string), key).toEqual(
            placeholders(lookup(bundle.en, key) as string),
          );
        }
      }
    },
  );

  it('translates every warning the engine can give, with the engine’s parameters', () => {
    // `code_one` is the singular of `code` (plurals through Intl.PluralRules), not a code.
    const codes = Object.keys(en.engineWarnings).filter((k) => !k.endsWith('_one'));
    expect(codes.sort()).toEqual([...WARNING_CODES].sort());
    for (const code of WARNING_CODES) {
      // The English sentence the engine writes for these parameters shows each one; the
      // translation may only use parameters the engine gives.
      const names = placeholders(lookup(en, `engineWarnings.${code}`) as string);
      const params = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
      const english = warningMessage({ code, params });
      for (const n of names) expect(english, `${code}: {{${n}}}`).toContain(`<${n}>`);
    }
  });
});
