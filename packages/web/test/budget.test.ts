// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../e2e/build';
import { HOLIDAY_CHUNK, OFFLINE_HOLIDAY_COUNTRIES } from '../holiday-chunks';

const offline: readonly string[] = OFFLINE_HOLIDAY_COUNTRIES;

/**
 * The first page (the shell plus the "When" page, before any result) must stay small enough for
 * a slow 4G link: JS + CSS ≤ 150 KB gzipped, measured on a real production build. Charts, the
 * validation schemas and the other pages load later.
 */
const BUDGET = 150 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

let dist: string;
let manifest: Record<string, ManifestChunk>;

function staticClosure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const k of manifest[key]?.imports ?? []) visit(k);
  };
  keys.forEach(visit);
  return seen;
}

function gzSize(file: string): number {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}

describe('first page budget (production build)', () => {
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ff-budget-'));
    await buildWeb(dist);
    manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  }, 120_000);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('loads at most 150 KB of gzipped JS + CSS for the When page', () => {
    const keys = staticClosure(['index.html', 'src/features/when/WhenPage.tsx']);
    const files = new Set<string>();
    for (const k of keys) {
      files.add(manifest[k].file);
      for (const css of manifest[k].css ?? []) files.add(css);
    }
    // A Portuguese or Spanish reader also loads that language's strings before the first paint:
    // count the larger of the two, so the budget holds for every reader, not only English ones.
    const localeFiles = ['src/i18n/locales/pt-BR.ts', 'src/i18n/locales/es.ts'].map((k) => {
      expect(manifest[k], `${k} is its own chunk`).toBeDefined();
      return manifest[k].file;
    });
    files.add(localeFiles.reduce((a, b) => (gzSize(a) >= gzSize(b) ? a : b)));
    const sizes = [...files].map((f) => ({ f, gz: gzSize(f) }));
    const total = sizes.reduce((s, x) => s + x.gz, 0);
    console.log(
      `first page: ${(total / 1024).toFixed(1)} KB gz\n` +
        sizes
          .sort((a, b) => b.gz - a.gz)
          .map((x) => `  ${(x.gz / 1024).toFixed(1).padStart(6)} KB  ${x.f}`)
          .join('\n'),
    );
    expect(total).toBeGreaterThan(40 * 1024); // React alone is ~46 KB: the measure is real
    expect(total).toBeLessThanOrEqual(BUDGET);

    // What must stay out of it: the chart components, zod schemas and the CSV parser.
    const first = [...files].join(' ');
    expect(first).not.toMatch(/Histogram|BurnDownFan|CsvImport|validate/);
  });

  it('precaches every built file in the service worker', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    // It must be valid JavaScript (the list is spliced into it at build time).
    expect(() => new Function(sw)).not.toThrow();
    const list = JSON.parse(sw.match(/const PRECACHE = (\[[^\]]*\]);/)![1]) as string[];
    // Every file but the holiday rules of countries other than the default ones.
    const files = Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => {
        const country = HOLIDAY_CHUNK.exec(f)?.[1];
        return country === undefined || offline.includes(country);
      });
    for (const f of files) expect(list).toContain(`/${f}`);
    expect(list.some((f) => /engine\.worker-.*\.js$/.test(f))).toBe(true);
    expect(list).toContain('/');
  });

  it('splits the holiday data per country, default countries cached, none on the first page', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const list = JSON.parse(sw.match(/const PRECACHE = (\[[^\]]*\]);/)![1]) as string[];
    const chunks = Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => HOLIDAY_CHUNK.test(f));
    // One chunk per country date-holidays knows (about 200), each small.
    expect(chunks.length).toBeGreaterThan(150);
    const byCountry = new Map(chunks.map((f) => [HOLIDAY_CHUNK.exec(f)![1], f]));
    for (const c of offline) expect(list).toContain(`/${byCountry.get(c)}`);
    expect(list).not.toContain(`/${byCountry.get('DE')}`);
    const br = gzSize(byCountry.get('BR')!);
    console.log(`holiday rules, Brazil: ${(br / 1024).toFixed(1)} KB gz`);
    expect(br).toBeLessThan(8 * 1024);
    // The whole library's data (800 KB) is in no chunk: no file carries two countries' rules.
    for (const f of Object.values(manifest).map((c) => c.file)) {
      if (!f.endsWith('.js') || HOLIDAY_CHUNK.test(f)) continue;
      const text = readFileSync(join(dist, f), 'utf8');
      expect(text.includes('Dia de Tiradentes') && text.includes('Weiberfastnacht')).toBe(false);
    }
    const first = staticClosure(['index.html', 'src/features/when/WhenPage.tsx']);
    for (const k of first) expect(HOLIDAY_CHUNK.test(manifest[k].file)).toBe(false);
  });
});
