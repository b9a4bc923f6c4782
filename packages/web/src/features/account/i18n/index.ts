import { registerTranslations } from '../../../i18n';
import { accountEn } from './en';
import { accountEs } from './es';
import { accountPtBR } from './pt-BR';

/** The account strings, under `account.` in every language. */
export const accountBundles = {
  en: { account: accountEn },
  'pt-BR': { account: accountPtBR },
  es: { account: accountEs },
};

/** Call once after `initI18n()`: i18next needs its store before bundles can be added. */
export function registerAccountTranslations(): void {
  registerTranslations(accountBundles);
}
