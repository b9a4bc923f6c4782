import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCurrency } from '../../i18n/languages';
import { defaultCountry } from './calendar';

/**
 * A form's first values in the reader's language: the calendar's country (pt-BR → Brazil,
 * es → Spain) and the currency, each only where the form has one.
 */
export function useLanguageDefaults<F extends { country?: string; currency?: string }>(base: F): F {
  const { i18n } = useTranslation();
  const language = i18n.language || 'en';
  return useMemo(() => {
    const out = { ...base };
    if ('country' in base) Object.assign(out, { country: defaultCountry(language) });
    if ('currency' in base) Object.assign(out, { currency: defaultCurrency(language) });
    return out;
  }, [base, language]);
}
