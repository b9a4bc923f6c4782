import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseForecast } from '@flow-forecaster/schemas';
import {
  blankFeature,
  cellError,
  exampleForm,
  initialForm,
  move,
  nextMonday,
  onlyReordered,
  reorder,
  toBody,
} from './form';
import { portfolioBundles } from './i18n';

const ROOT = resolve(__dirname, '../../../../..');

describe('portfolio form', () => {
  it('reads the example form started on 2036-01-07 into examples/portfolio.json', () => {
    const built = toBody(exampleForm('2036-01-07'));
    expect(built.issues).toEqual([]);
    const example = JSON.parse(
      readFileSync(join(ROOT, 'examples/portfolio.json'), 'utf8'),
    ) as Record<string, unknown>;
    // The page sends its currency (the reader's); the example file relies on the default, USD.
    const { currency, ...body } = built.body;
    expect(currency).toBe('USD');
    expect({ ...body, seed: 1 }).toEqual(example);
    expect(parseForecast('portfolio', built.body).ok).toBe(true);
  });

  it('sends the calendar only when it is on, with the spec field names the schema checks', () => {
    expect(toBody(initialForm).body).not.toHaveProperty('calendar');
    const on = {
      ...exampleForm('2036-01-07'),
      calendarOn: true,
      country: '',
      blackoutText: '2036-02-04..2036-02-06 offsite',
    };
    const built = toBody(on);
    expect(built.body.calendar).toEqual({
      blackouts: [{ from: '2036-02-04', to: '2036-02-06', note: 'offsite' }],
    });
    expect(parseForecast('portfolio', built.body).ok).toBe(true);
    const bad = parseForecast(
      'portfolio',
      toBody({ ...on, blackoutText: '2036-02-06..2036-02-04' }).body,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('calendar.blackouts.0.to');
  });

  it('starts the example next Monday, so its dates are never in the past', () => {
    expect(nextMonday(new Date(2026, 11, 5))).toBe('2026-12-07'); // a Saturday
    expect(nextMonday(new Date(2026, 11, 7))).toBe('2026-12-07'); // a Monday: that day
    expect(nextMonday(new Date(2026, 11, 8, 23, 30))).toBe('2026-12-14');
    const form = exampleForm('2026-12-07');
    expect(form.startDate).toBe('2026-12-07');
    expect(form.features[0].targetDate).toBe('2027-01-18');
    expect(form.targetDate).toBe('2027-02-15');
    expect(initialForm.startDate >= nextMonday(new Date(Date.now() - 86_400_000))).toBe(true);
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

  it('tells a pure reorder from an edit, so a reorder reruns without waiting', () => {
    const form = exampleForm('2036-01-07');
    const moved = { ...form, features: move(form.features, 5, 0) };
    expect(onlyReordered(form, moved)).toBe(true);
    expect(onlyReordered(form, form)).toBe(false);
    const edited = moved.features.map((f, i) => (i === 0 ? { ...f, size: '9' } : f));
    expect(onlyReordered(form, { ...moved, features: edited })).toBe(false);
    expect(onlyReordered(form, { ...moved, runs: '500' })).toBe(false);
    expect(onlyReordered(form, { ...form, features: form.features.slice(1) })).toBe(false);
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

  it('words the two joint probabilities differently from their first words, in every language', () => {
    for (const bundle of Object.values(portfolioBundles)) {
      const head = (text: string) =>
        text
          .split(/[\s:]+/)
          .slice(0, 2)
          .join(' ');
      const { allOnTime, allOwnOnTime } = bundle.portfolio;
      expect(head(allOnTime)).not.toBe(head(allOwnOnTime));
      expect(allOnTime).not.toContain(allOwnOnTime.split(':')[0]);
    }
  });
});
