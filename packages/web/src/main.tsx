import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { AccountProvider, registerAccountSlots } from './features/account';
import { registerAccountTranslations } from './features/account/i18n';
import { registerDeliveries } from './features/deliveries';
import { registerConnections } from './features/connections';
import { registerFlowTranslations } from './features/flow/i18n';
import { registerTeamDataTranslations } from './features/shared/team-i18n';
import { registerPortfolioTranslations } from './features/portfolio/i18n';
import './styles.css';

initI18n();
registerAccountTranslations();
registerAccountSlots();
registerDeliveries();
registerConnections();
registerFlowTranslations();
registerTeamDataTranslations();
// The nav label is needed before the lazy page loads.
registerPortfolioTranslations();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AccountProvider>
      <App />
    </AccountProvider>
  </StrictMode>,
);

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((err: unknown) => {
      console.warn('Offline mode unavailable', err);
    });
  });
}
