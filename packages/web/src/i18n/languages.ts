export const LANGUAGES = ['pt-BR', 'en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  'pt-BR': 'Português (Brasil)',
  en: 'English',
  es: 'Español',
};

/**
 * The currency a money field starts with, by the reader's language (a Brazilian reader's
 * BRL is not an English reader's default): pt-BR → BRL, en → USD, es → EUR (Spanish without a
 * region reads as Spain's). The field takes any ISO 4217 code, so the user chooses.
 */
export const DEFAULT_CURRENCY: Record<Language, string> = { 'pt-BR': 'BRL', en: 'USD', es: 'EUR' };

export function defaultCurrency(language: string): string {
  return (LANGUAGES as readonly string[]).includes(language)
    ? DEFAULT_CURRENCY[language as Language]
    : 'USD';
}

/** Offered in the currency field's list; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = [
  'BRL',
  'USD',
  'EUR',
  'GBP',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'PEN',
  'CAD',
];

const STORAGE_KEY = 'ff.language';

/** A saved choice wins; else the first browser language we speak; else English. */
export function detectLanguage(
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
  saved: string | null = readSaved(),
): Language {
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('pt')) return 'pt-BR';
    if (lower.startsWith('es')) return 'es';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function readSaved(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  } catch (_e) {
    return null;
  }
}

export function saveLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch (_e) {
    // Private mode may refuse storage; the choice then lasts for this visit only.
  }
}
