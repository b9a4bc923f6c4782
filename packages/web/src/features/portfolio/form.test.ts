import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseForecast } from '@flow-forecaster/schemas';
import { blankFeature, cellError, initialForm, move, reorder, toBody } from './form';
import { portfolioBundles } from './i18n';

const ROOT = resolve(__dirname, '../../../../..');

describe('portfolio form', () => {
  it('reads the initial form into examples/portfolio.json (what the e2e test compares with)', () => {
    const built = toBody(initialForm);
    expect(built.issues).toEqual([]);
    const example = JSON.parse(
      readFileSync(join(ROOT, 'examples/portfolio.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect({ ...built.body, seed: 1 }).toEqual(example);
    expect(parseForecast('portfolio', built.body).ok).toBe(true);
  });

  it('reads sizes, ranges and splits, and names what it cannot read', () => {
    const form = {
      ...initialForm,
      features: [
        { ...blankFeature, name: 'A', parts: 'Payments: 3-5, Platform: x' },
        { ...blankFeature, name: 'B', team: 'Platform', size: '7–9' },
      ],
    };
    const built = toBody(form);
    expect(built.body.features).toEqual([
      { name: 'A', parts: [{ team: 'Payments', sizeLow: 3, sizeHigh: 5 }, { team: 'Platform' }] },
      { name: 'B', team: 'Platform', sizeLow: 7, sizeHigh: 9 },
    ]);
    expect(built.issues.map((i) => i.field)).toEqual(['features.0.parts.1.size']);
  });

  it('moves rows, and applies a suggested order keeping unknown rows after it', () => {
    expect(move([1, 2, 3, 4], 3, 1)).toEqual([1, 4, 2, 3]);
    expect(move([1, 2, 3], 0, 5)).toEqual([1, 2, 3]);
    const names = reorder(initialForm.features, ['Reports', 'Checkout']).map((f) => f.name);
    expect(names).toEqual(['Reports', 'Checkout', 'Search', 'Export', 'Audit log', 'Dark mode']);
  });

  it('shows each request field’s error in the cell that feeds it', () => {
    const errors = {
      'features.2.parts.1.team': 'unknown team',
      'features.1.sizeLow': 'too big',
      'features.0.dependsOn.0': 'not a feature',
    };
    expect(cellError(errors, 2, 'parts')).toBe('unknown team');
    expect(cellError(errors, 1, 'size')).toBe('too big');
    expect(cellError(errors, 0, 'dependsOn')).toBe('not a feature');
    expect(cellError(errors, 0, 'name')).toBeUndefined();
  });

  it('has every string it uses in pt-BR, en and es', () => {
    const dir = __dirname;
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*[`']portfolio\.([a-zA-Z0-9]+)/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    const en = Object.keys(portfolioBundles.en.portfolio).sort();
    for (const lang of ['pt-BR', 'es'] as const) {
      expect(Object.keys(portfolioBundles[lang].portfolio).sort()).toEqual(en);
    }
    expect([...used].filter((k) => !en.includes(k) && !en.includes(`${k}_other`))).toEqual([]);
  });
});
