/**
 * Plurals through Intl.PluralRules, one rule per language on a page: pt-BR showed "0 semana" in
 * the boxes (CLDR files 0 under "one") beside "0 semanas" in the effort sentence, and the
 * sentence said "1 semanas" for one week.
 */
import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { simulate, type SimulateInput } from '@flow-forecaster/engine';
import { WhenResults } from '../features/when/WhenResults';
import { changeLanguage, i18next, registerTranslations } from './index';
import { registerFlowTranslations } from '../features/flow/i18n';
import { registerDeliveriesTranslations } from '../features/deliveries/i18n';
import { registerTeamDataTranslations } from '../features/shared/team-i18n';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import { es } from './locales/es';

const bundleModules = import.meta.glob<Record<string, unknown>>(
  ['../features/*/i18n.ts', '../features/*/i18n/index.ts', '../features/shared/*-i18n.ts'],
  { eager: true },
);

/** Every table of a language: the core locale and each feature's own bundle. */
function tables(lang: 'en' | 'pt-BR' | 'es'): Record<string, unknown>[] {
  const core = { en, 'pt-BR': ptBR, es }[lang];
  const features = Object.values(bundleModules).flatMap((mod) =>
    Object.entries(mod)
      .filter(([name, value]) => name.endsWith('Bundles') && typeof value === 'object')
      .map(([, value]) => (value as Record<string, Record<string, unknown>>)[lang]),
  );
  return [core, ...features];
}

/** Messages by key path, each beside its siblings (to find a key's `_one`). */
function messages(node: unknown, path = ''): [string, string, Record<string, unknown>][] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [
          [path + k, v, node as Record<string, unknown>] as [
            string,
            string,
            Record<string, unknown>,
          ],
        ]
      : messages(v, `${path}${k}.`),
  );
}

/**
 * Left without a singular, each for its reason: the shortest history a check asks for (6
 * weeks); messages no page shows; and the engine's warnings, whose plural follows the number
 * they count (runs, folds), not the weeks beside it.
 */
const NEVER_ONE = new Set<string>([
  'errors.not_enough_history',
  'deadline.canMeet',
  'deadline.cannotMeet',
  'teamData.applied',
  'engineWarnings.unfinishedRuns',
  'engineWarnings.backtestRunsLowered',
  'engineWarnings.backtestHistoryTooShort',
  'engineWarnings.backtestShortTraining',
]);

afterEach(async () => {
  await changeLanguage('en');
});

describe('plurals in pt-BR', () => {
  it('takes the plural for 0 and the singular for 1 (and 1.5), in core and feature strings', () => {
    const weeks = (count: number) =>
      i18next.t('common.weeksCount', { count, n: String(count), lng: 'pt-BR' });
    expect(weeks(0)).toBe('0 semanas');
    expect(weeks(1)).toBe('1 semana');
    expect(weeks(1.5)).toBe('1.5 semana');
    expect(weeks(2)).toBe('2 semanas');
    registerTranslations({
      en: { pluralProbe: { days: '{{count}} days', days_one: '{{count}} day' } },
      'pt-BR': { pluralProbe: { days: '{{count}} dias', days_one: '{{count}} dia' } },
      es: { pluralProbe: { days: '{{count}} días', days_one: '{{count}} día' } },
    });
    expect(i18next.t('pluralProbe.days', { count: 0, lng: 'pt-BR' })).toBe('0 dias');
    expect(i18next.t('pluralProbe.days', { count: 0, lng: 'es' })).toBe('0 días');
    expect(i18next.t('pluralProbe.days', { count: 1, lng: 'pt-BR' })).toBe('1 dia');
  });

  it('says the effort in the same number as the boxes on the When page', async () => {
    await changeLanguage('pt-BR');
    // Every run takes one week: P50 = P85 = one week, one person's effort one week.
    const input: SimulateInput = { tpSamples: [10], numberOfTasks: 5, seed: 1 };
    const r = simulate(input);
    expect(r.percentile_stats.p85).toBe(1);
    render(
      <Suspense fallback={<p>loading</p>}>
        <WhenResults result={r} input={input} />
      </Suspense>,
    );
    const text = screen.getByTestId('when-results').textContent ?? '';
    expect(text).toContain('P851 semana');
    expect(text).toContain('Esforço a 85%: 1 semana de uma pessoa');
    expect(text).not.toMatch(/\b1 semanas/);
  });
});

const availableOne = {
  en: 'P85 is 1 week of the 1 available',
  'pt-BR': 'o P85 é 1 semana da 1 disponível',
  es: 'el P85 es 1 semana de la 1 disponible',
} as const;

describe('a number of weeks takes the singular for one week', () => {
  it.each([
    ['en', 'P85 is 1 week of the 3 available', 'P85 is 2 weeks of the 3 available'],
    ['pt-BR', 'o P85 é 1 semana das 3', 'o P85 é 2 semanas das 3'],
    ['es', 'el P85 es 1 semana de las 3', 'el P85 es 2 semanas de las 3'],
  ] as const)('%s: the deadline sentence and the team-window notes', (lng, one, two) => {
    registerFlowTranslations();
    registerDeliveriesTranslations();
    registerTeamDataTranslations();
    const canMeet = (count: number, wtd = 3) =>
      i18next.t('deadline.canMeetP85', {
        count,
        p85: String(count),
        available: i18next.t('deadline.available', { count: wtd, wtd: String(wtd), lng }),
        answer: '',
        lng,
      });
    expect(canMeet(1)).toContain(one);
    expect(canMeet(2)).toContain(two);
    // The weeks available take their own number: one week left is "the 1 available" in the singular.
    expect(canMeet(1, 1)).toContain(availableOne[lng]);
    expect(canMeet(1, 2)).not.toContain(availableOne[lng]);
    const unit = lng === 'en' ? 'week' : 'semana';
    for (const key of ['teamData.spanWeeks', 'flow.team.pasted', 'deliveries.csvLoaded']) {
      const text = (count: number) => i18next.t(key, { count, weeks: String(count), lng });
      expect(text(1), key).toMatch(new RegExp(`\\b1 ${unit}\\b(?!s)`));
      expect(text(2), key).toMatch(new RegExp(`\\b2 ${unit}s\\b`));
    }
  });
});

describe('every number of weeks in the tables has a singular', () => {
  it.each(['en', 'pt-BR', 'es'] as const)('%s', (lang) => {
    const unit = lang === 'en' ? 'weeks' : 'semanas';
    const missing = tables(lang).flatMap((table) =>
      messages(table)
        .filter(
          ([key, text]) =>
            new RegExp(`\\}\\} ${unit}\\b`).test(text) && !/_(one|other|many)$/.test(key),
        )
        .filter(([key, , siblings]) => !(`${key.split('.').pop()}_one` in siblings))
        .map(([key]) => key)
        .filter((key) => !NEVER_ONE.has(key)),
    );
    expect(missing).toEqual([]);
  });
});
