import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { LANGUAGES, detectLanguage, saveLanguage, type Language } from './languages';

/**
 * English is the fallback every missing key reads, so it ships with the first page; Portuguese
 * and Spanish load on demand (a reader needs one of them, never both), which keeps the first
 * page within its 150 KB budget. Feature folders still register their own strings for all three
 * languages (`registerTranslations`); the core strings merge under them when they arrive.
 */
const CORE_LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Record<string, unknown>>> = {
  'pt-BR': () => import('./locales/pt-BR').then((m) => withPluralZero(m.ptBR)),
  es: () => import('./locales/es').then((m) => m.es),
};
const loaded = new Map<Language, Promise<void>>([['en', Promise.resolve()]]);

/** Resolves once `lng`'s core strings are in i18next's store (at most one fetch per language). */
export function loadLanguage(lng: Language): Promise<void> {
  let done = loaded.get(lng);
  if (!done) {
    done = CORE_LOADERS[lng as Exclude<Language, 'en'>]().then((bundle) => {
      i18next.addResourceBundle(lng, 'translation', bundle, true, false);
    });
    // A failed fetch (offline before the chunk was cached) may be retried on the next switch.
    done.catch(() => loaded.delete(lng));
    loaded.set(lng, done);
  }
  return done;
}

/** Every language's core strings, for tests and tools that read all three at once. */
export async function loadAllLanguages(): Promise<void> {
  await Promise.all(LANGUAGES.map(loadLanguage));
}

/**
 * Zero takes the plural in Brazilian Portuguese ("0 semanas"), but Intl.PluralRules('pt-BR')
 * files 0 under "one" (CLDR's i = 0..1), which gave "0 semana" in a box beside "0 semanas" in a
 * sentence. Every message with a singular (`key_one`) gets a `key_zero` equal to its plural,
 * which i18next picks for a count of exactly 0; 1.5 stays singular, as CLDR and usage agree.
 */
export function withPluralZero<T>(bundle: T): T {
  if (typeof bundle !== 'object' || bundle === null) return bundle;
  const out: Record<string, unknown> = {};
  const entries = Object.entries(bundle as Record<string, unknown>);
  for (const [k, v] of entries) out[k] = withPluralZero(v);
  for (const [k, v] of entries) {
    const base = k.endsWith('_one') ? k.slice(0, -'_one'.length) : null;
    const plural = base === null ? undefined : (out[`${base}_other`] ?? out[base]);
    if (base !== null && typeof v === 'string' && typeof plural === 'string') {
      out[`${base}_zero`] ??= plural;
    }
  }
  return out as T;
}

export function initI18n(lng: Language = detectLanguage()) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  syncDocumentLanguage(lng);
  return i18next;
}

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/**
 * Lets a feature folder (e.g. features/account) bring its own strings without touching the
 * core locale files; they are deep-merged into the `translation` namespace.
 */
export function registerTranslations(bundles: Record<Language, Record<string, unknown>>): void {
  for (const [lng, bundle] of Object.entries(bundles)) {
    const strings = lng === 'pt-BR' ? withPluralZero(bundle) : bundle;
    i18next.addResourceBundle(lng, 'translation', strings, true, false);
  }
}

/** A feature's strings in each language, under its `section` key (`deliveries.title`, …). */
export function sectionBundles<K extends string, S>(
  section: K,
  strings: { en: S; ptBR: S; es: S },
): Record<Language, Record<K, S>> {
  const under = (v: S) => ({ [section]: v }) as Record<K, S>;
  return { en: under(strings.en), 'pt-BR': under(strings.ptBR), es: under(strings.es) };
}

export async function changeLanguage(lng: Language): Promise<void> {
  saveLanguage(lng);
  await loadLanguage(lng);
  await i18next.changeLanguage(lng);
  syncDocumentLanguage(lng);
}

export { i18next };
