import { describe, expect, it } from 'vitest';
import { detectLanguage } from './languages';
import { formatterFor } from './format';

describe('detectLanguage', () => {
  it('prefers a saved choice, then the first browser language we speak', () => {
    expect(detectLanguage(['pt-PT', 'en'], 'es')).toBe('es');
    expect(detectLanguage(['pt-PT', 'en'], null)).toBe('pt-BR');
    expect(detectLanguage(['de-DE', 'es-AR'], null)).toBe('es');
    expect(detectLanguage(['de-DE'], 'xx')).toBe('en');
  });
});

describe('formatterFor', () => {
  it('formats numbers and dates in each language', () => {
    expect(formatterFor('pt-BR').number(1234.5)).toBe('1.234,5');
    expect(formatterFor('en').number(1234.5)).toBe('1,234.5');
    expect(formatterFor('es').date('2027-03-14')).toBe('14 de marzo de 2027');
    expect(formatterFor('en').date('2027-03-14')).toBe('March 14, 2027');
    expect(formatterFor('pt-BR').date('2027-03-14')).toBe('14 de março de 2027');
  });
});
