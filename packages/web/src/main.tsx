import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n, loadLanguage } from './i18n';
import { detectLanguage } from './i18n/languages';
import { AccountProvider, registerAccountSlots } from './features/account';
import { registerAccountTranslations } from './features/account/i18n';
import { registerDeliveries } from './features/deliveries';
import { registerConnections } from './features/connections';
import { registerFlowTranslations } from './features/flow/i18n';
import { registerTeamDataTranslations } from './features/shared/team-i18n';
import { registerPortfolioTranslations } from './features/portfolio/i18n';
import './styles.css';

const language = detectLanguage();
initI18n(language);
registerAccountTranslations();
registerAccountSlots();
registerDeliveries();
registerConnections();
registerFlowTranslations();
registerTeamDataTranslations();
// The nav label is needed before the lazy page loads.
registerPortfolioTranslations();

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AccountProvider>
        <App />
      </AccountProvider>
    </StrictMode>,
  );
}

// The reader's language arrives before the first paint (no flash of English); if its chunk
// cannot load, the page still opens in English rather than not at all.
loadLanguage(language).then(render, (err: unknown) => {
  console.warn('Language strings unavailable, showing English', err);
  render();
});

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((err: unknown) => {
      console.warn('Offline mode unavailable', err);
    });
  });
}
