import { Suspense, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PATH, findRoute, routes } from './routes';
import { href, useLocation } from '../lib/router';
import { LanguageSwitcher } from './LanguageSwitcher';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { AccountMenu } from '../features/account';

function subscribeOnline(cb: () => void) {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine !== false,
    () => true,
  );
}

export function App() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const route = findRoute(path) ?? findRoute(DEFAULT_PATH)!;
  const online = useOnline();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    // On a phone the nav scrolls sideways: keep the current page's link in view.
    document
      .querySelector('.app-nav [aria-current="page"]')
      ?.scrollIntoView?.({ block: 'nearest', inline: 'center' });
  }, [route]);

  useEffect(() => {
    document.title = `${t(route.titleKey)} · Flow Forecaster`;
    // Move focus to the new page for keyboard and screen-reader users, but not on first load.
    if (firstRender.current) firstRender.current = false;
    else mainRef.current?.focus();
  }, [route, t]);

  useEffect(() => {
    // Warm the other pages once the first one is up, so they open instantly and offline.
    const id = setTimeout(() => routes.forEach((r) => void r.load().catch(() => undefined)), 1500);
    return () => clearTimeout(id);
  }, []);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header__top">
          <a className="brand" href={href(DEFAULT_PATH)}>
            <svg viewBox="0 0 16 16" width="24" height="24" aria-hidden="true">
              <rect width="16" height="16" rx="3" fill="currentColor" />
              <path d="M3 12h2V8H3zm4 0h2V4H7zm4 0h2V6h-2z" fill="#fff" />
            </svg>
            <span>Flow Forecaster</span>
          </a>
          <div className="app-header__tools">
            {!online && (
              <span className="badge badge--offline" role="status">
                {t('app.offline')}
              </span>
            )}
            <AccountMenu />
            <LanguageSwitcher />
          </div>
        </div>
        <nav aria-label={t('app.nav')} className="app-nav">
          <ul>
            {routes
              .filter((r) => r.nav === 'main')
              .map((r) => (
                <li key={r.path}>
                  <a href={href(r.path)} aria-current={r === route ? 'page' : undefined}>
                    {t(r.titleKey)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <ErrorBoundary
          key={route.path}
          fallback={(error) => (
            <p className="notice notice--error" role="alert">
              {t('app.pageFailed', { message: error.message })}
            </p>
          )}
        >
          <Suspense fallback={<p className="page-loading">{t('common.loading')}</p>}>
            <route.component />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
