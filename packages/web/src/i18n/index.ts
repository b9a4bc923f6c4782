import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import { es } from './locales/es';
import { detectLanguage, saveLanguage, type Language } from './languages';

export const resources = {
  en: { translation: en },
  'pt-BR': { translation: ptBR },
  es: { translation: es },
} as const;

export function initI18n(lng: Language = detectLanguage()) {
  void i18next.use(initReactI18next).init({
    resources,
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
    i18next.addResourceBundle(lng, 'translation', bundle, true, false);
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
  await i18next.changeLanguage(lng);
  syncDocumentLanguage(lng);
}

export { i18next };
