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
