/** One percent style per locale (issue 14): every percent on screen goes through Intl. */
import { describe, expect, it } from 'vitest';
import { formatterFor } from './format';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import { es } from './locales/es';

describe('percent style', () => {
  it('writes a figure in percent as Intl does for the locale, signed where asked', () => {
    expect(formatterFor('en').pct(85)).toBe('85%');
    expect(formatterFor('pt-BR').pct(120.5, 1)).toBe('120,5%');
    expect(formatterFor('es').pct(85)).toBe('85\u00a0%');
    expect(formatterFor('en').signedPct(9.1, 1)).toBe('+9.1%');
    expect(formatterFor('en').signedPct(-8.3, 1)).toBe('-8.3%');
  });

  it('uses the same style in the hand-written strings of each language', () => {
    // Intl: "85%" in en and pt-BR, "85 %" (a no-break space) in es; the translations follow it.
    const text = (bundle: unknown) => JSON.stringify(bundle);
    expect(text(en)).not.toMatch(/(\d|\}\}) %/);
    expect(text(ptBR)).not.toMatch(/(\d|\}\}) %/);
    expect(text(es)).not.toMatch(/(\d|\}\})( )?%/);
  });
});

describe('a small share that is not zero', () => {
  it('never reads 0 %: "< 1%" at whole percents, "< 0.1%" with one digit, in each locale', () => {
    const en = formatterFor('en');
    // 5 of 2,000 items: 0.25 % of the scope.
    expect(en.pct(0.25)).toBe('< 1%');
    expect(en.pct(0.04, 1)).toBe('< 0.1%');
    expect(en.pct(0.05, 1)).toBe('0.1%');
    expect(en.pct(0.5)).toBe('1%');
    expect(en.pct(0)).toBe('0%');
    expect(en.pct(-0.2)).toBe('> -1%');
    expect(en.percent(0.0025)).toBe('< 1%');
    expect(formatterFor('pt-BR').pct(0.25)).toBe('< 1%');
    expect(formatterFor('es').pct(0.25, 1)).toBe('0,3\u00a0%');
    expect(formatterFor('es').pct(0.25)).toBe('< 1\u00a0%');
  });
});

describe('a share short of the whole', () => {
  it('never reads 100 %: "> 99%" at whole percents, "> 99.9%" with one digit, in each locale', () => {
    const en = formatterFor('en');
    // 9,960 of 10,000 runs: 99.6 % is not certainty.
    expect(en.pct(99.6)).toBe('> 99%');
    expect(en.pct(99.5)).toBe('> 99%');
    expect(en.pct(99.4)).toBe('99%');
    expect(en.percent(0.996)).toBe('> 99%');
    expect(en.pct(99.96, 1)).toBe('> 99.9%');
    expect(en.pct(99.94, 1)).toBe('99.9%');
    // Exactly the whole is a true count; beyond it is no share.
    expect(en.pct(100)).toBe('100%');
    expect(en.percent(1)).toBe('100%');
    expect(en.pct(120.5, 1)).toBe('120.5%');
    expect(formatterFor('pt-BR').pct(99.7)).toBe('> 99%');
    expect(formatterFor('pt-BR').pct(99.96, 1)).toBe('> 99,9%');
    expect(formatterFor('es').pct(99.7)).toBe('> 99\u00a0%');
  });
});
