import { describe, expect, it } from 'vitest';
import { csvConventions, toLocalizedCsv, type CsvTable } from './csv';

const table: CsvTable = {
  columns: [
    { header: 'Date', kind: 'date' },
    { header: 'Weeks', kind: 'weeks' },
    { header: 'Cost', kind: 'money' },
    { header: 'Chance (%)', kind: 'percent' },
    { header: 'Items', kind: 'integer' },
    { header: 'Done', kind: 'boolean' },
    { header: 'Note' },
  ],
  rows: [['2026-03-02', 12.345, 1234.5, 0.8512, 41.6, true, 'a; b, "c"']],
};

const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe('localized CSV', () => {
  it('writes English with commas and points, ISO dates, cents and one-decimal weeks', () => {
    const text = toLocalizedCsv(table, csvConventions('en', { yes: 'yes', no: 'no' }));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(lines(text)).toEqual([
      'Date,Weeks,Cost,Chance (%),Items,Done,Note',
      '2026-03-02,12.3,1234.50,85.1,42,yes,"a; b, ""c"""',
    ]);
  });

  it('writes Portuguese and Spanish with semicolons, decimal commas and day-first dates', () => {
    for (const [lang, yes] of [
      ['pt-BR', 'sim'],
      ['es', 'sí'],
    ]) {
      const text = toLocalizedCsv(table, csvConventions(lang, { yes, no: 'não' }));
      expect(lines(text)).toEqual([
        'Date;Weeks;Cost;Chance (%);Items;Done;Note',
        `02/03/2026;12,3;1234,50;85,1;42;${yes};"a; b, ""c"""`,
      ]);
    }
  });

  it('leaves missing values empty and never writes "-0" or NaN', () => {
    const c = csvConventions('en', { yes: 'yes', no: 'no' });
    const text = toLocalizedCsv(
      {
        columns: [
          { header: 'a', kind: 'number' },
          { header: 'b', kind: 'weeks' },
          { header: 'c', kind: 'number' },
        ],
        rows: [[null, -0.01, Number.NaN]],
      },
      c,
    );
    expect(lines(text)[1]).toBe(',0.0,');
  });
});

describe('measured chances in CSV (issue 14)', () => {
  it('writes the screen\'s "> 99.9" and "< 0.1", never 100.0 or 0.0', () => {
    const chances: CsvTable = {
      columns: [{ header: 'Chance (%)', kind: 'chance' }],
      rows: [[0.9999], [1], [0.0001], [0], [0.4567]],
    };
    expect(lines(toLocalizedCsv(chances, csvConventions('en', { yes: 'y', no: 'n' })))).toEqual([
      'Chance (%)',
      '> 99.9',
      '> 99.9',
      '< 0.1',
      '< 0.1',
      '45.7',
    ]);
    const pt = toLocalizedCsv(chances, csvConventions('pt-BR', { yes: 's', no: 'n' }));
    expect(lines(pt).slice(1, 4)).toEqual(['> 99,9', '> 99,9', '< 0,1']);
  });
});
