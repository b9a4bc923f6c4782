/**
 * No English left inside the Portuguese and Spanish text: every string of the core locales and
 * of the feature bundles is read word by word against English words that are not also
 * Portuguese or Spanish ("in", "weeks", "throughput"…), and the sentences the pages build from
 * engine figures (the odds of the dependencies page) are rendered in each language.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { directRunner } from '../../test/engine-runner';
import { renderPage } from '../../test/render';
import DependenciesPage from '../features/dependencies/DependenciesPage';
import RisksPage from '../features/risks/RisksPage';
import { changeLanguage } from './index';
import { ptBR } from './locales/pt-BR';
import { es } from './locales/es';

const bundleModules = import.meta.glob<Record<string, unknown>>(
  ['../features/*/i18n.ts', '../features/*/i18n/index.ts', '../features/shared/*-i18n.ts'],
  { eager: true },
);

/** English words that are no word of Portuguese or Spanish (so "no", "as", "time" are out). */
const ENGLISH = new Set(
  (
    'the and of in with for by from this that is are to on at or it be will an one other ' +
    'between then each all week weeks day days items throughput forecast forecasts deadline ' +
    'run runs teams about than less more done finish feature features risk risks dependency ' +
    'dependencies date dates show hide add remove save load your you when how many not per ' +
    'cost work people person delay yes window windows issues scope history cycle'
  ).split(' '),
);

function strings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

/** Words of a message, placeholders and markup left out; "check-in" stays one word. */
function englishWords(text: string): string[] {
  const clean = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/<[^>]*>/g, ' ');
  return clean.split(/[^A-Za-zÀ-ÿ-]+/).filter((w) => ENGLISH.has(w.toLowerCase()));
}

function bundlesOf(lang: 'pt-BR' | 'es'): [string, unknown][] {
  const core: [string, unknown] = ['core', lang === 'es' ? es : ptBR];
  const features = Object.values(bundleModules).flatMap((mod) =>
    Object.entries(mod)
      .filter(([name, value]) => name.endsWith('Bundles') && typeof value === 'object')
      .map(([name, value]): [string, unknown] => [name, (value as Record<string, unknown>)[lang]]),
  );
  return [core, ...features];
}

afterEach(async () => {
  await changeLanguage('en');
});

describe('no English in Portuguese or Spanish', () => {
  it.each(['pt-BR', 'es'] as const)('%s strings hold no English word', (lang) => {
    const found = bundlesOf(lang).flatMap(([bundle, node]) =>
      strings(node).flatMap(([key, text]) =>
        englishWords(text).map((w) => `${bundle} ${key}: “${w}” in “${text}”`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('the word test finds English when there is some', () => {
    expect(englishWords('Cerca de 1 in 2.')).toEqual(['in']);
    expect(englishWords('{{count}} weeks de throughput')).toEqual(['weeks', 'throughput']);
    expect(englishWords('Adicionar check-in')).toEqual([]);
  });

  it.each([
    ['pt-BR', /^Cerca de 1 em 2\.$/, 'Rodar previsão'],
    ['es', /^Aproximadamente 1 de cada 2\.$/, 'Ejecutar pronóstico'],
  ] as const)(
    '%s: the odds of the dependencies page are a sentence of the language',
    async (lang, odds, button) => {
      await changeLanguage(lang);
      renderPage(DependenciesPage, directRunner());
      await userEvent.click(screen.getByRole('button', { name: button }));
      const text = (await screen.findByTestId('dependency-odds')).textContent ?? '';
      expect(text).toMatch(odds);
      expect(englishWords(text)).toEqual([]);
    },
  );
});

describe('counts take the plural of their language', () => {
  it.each([
    ['en', '1 week', '2 weeks'],
    ['pt-BR', '1 semana', '2 semanas'],
    ['es', '1 semana', '2 semanas'],
  ] as const)('%s: a number of weeks', async (lang, one, two) => {
    await changeLanguage(lang);
    const { i18next } = await import('./index');
    expect(i18next.t('common.weeksCount', { count: 1, n: '1' })).toBe(one);
    expect(i18next.t('common.weeksCount', { count: 2, n: '2' })).toBe(two);
  });

  it('no page puts a fixed plural after a count ("1 weeks")', () => {
    const sources = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const fixed = Object.entries(sources).filter(([, text]) =>
      /\)\}? \{?\$?\{?t\('common\.weeks'\)/.test(text),
    );
    expect(fixed.map(([path]) => path)).toEqual([]);
  });
});

describe('example inputs in the reader’s language', () => {
  it.each([
    ['pt-BR', ['Redesenho da API', 'Nova regra de conformidade', 'Migração de fornecedor']],
    ['es', ['Rediseño de la API', 'Nueva norma de cumplimiento', 'Migración de proveedor']],
  ] as const)('%s: the example risks and dependencies are named in it', async (lang, risks) => {
    await changeLanguage(lang);
    const values = () =>
      [...document.querySelectorAll<HTMLInputElement>('.rows-editor input[inputmode="text"]')].map(
        (i) => i.value,
      );
    const shown = renderPage(RisksPage, directRunner());
    expect(values()).toEqual(risks);
    shown.unmount();
    renderPage(DependenciesPage, directRunner());
    const names = values();
    expect(names).toHaveLength(2);
    for (const name of names) expect(englishWords(name)).toEqual([]);
    expect(names).not.toContain('Payments API');
  });
});

/** Letters on neither side, so "dé" and "revíselo" are whole words (JS's \b stops at accents). */
const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(${alternatives})(?!\\p{L})`, 'iu');

/**
 * Spanish speaks to the reader as "tú" (elige, pega, tu equipo), as most of its strings did;
 * these are the "usted" forms that crept in beside them.
 */
const USTED = word(
  'usted|ustedes|elija|pegue|cargue|úselos|seleccione|introduzca|compruebe|añada|vuelva|' +
    'escriba|pruebe|pruébela|guarde|revise|revíselo|indique|abra|ábrala|inicie|ejecute|' +
    'intente|inténtelo|elimine|elimínela|haga|pulse|toque|copie|descargue|conecte|pida|' +
    'defina|reinícielo|corrija|cambie|vea|arrastre|dé|' +
    '(su|sus) (equipo|navegador|archivo|herramienta|proyectos?|cuenta|contraseña|exportación)',
);

/** pt-BR calls a team "time" (most of its strings did); "equipe" is the other word. */
const EQUIPE = word('equipes?');

describe('one voice per language', () => {
  it.each([
    ['es', USTED],
    ['pt-BR', EQUIPE],
  ] as const)('%s strings use one form throughout', (lang, other) => {
    const found = bundlesOf(lang).flatMap(([bundle, node]) =>
      strings(node)
        .filter(([, text]) => other.test(text))
        .map(([key, text]) => `${bundle} ${key}: “${text}”`),
    );
    expect(found).toEqual([]);
  });

  it('the form test finds the other form when there is some', () => {
    expect(USTED.test('Elija una opción')).toBe(true);
    expect(USTED.test('Dé un nombre')).toBe(true);
    expect(USTED.test('importa tu exportación de su herramienta')).toBe(true);
    expect(USTED.test('Elige una opción; cada funcionalidad cumple su fecha')).toBe(false);
    expect(EQUIPE.test('folgas da equipe')).toBe(true);
    expect(EQUIPE.test('folgas do time')).toBe(false);
  });
});
