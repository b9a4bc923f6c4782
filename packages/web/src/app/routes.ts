import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The one route table. Pages are lazy so the first page stays small; the account pages
 * (features/account) add their rows here with `nav: 'account'`.
 */
export interface RouteDef {
  path: string;
  /** i18n key of the page title (also the nav label). */
  titleKey: string;
  /** Where the link is shown: main nav, the account menu, or nowhere (e.g. a reset link). */
  nav: 'main' | 'account' | 'none';
  component: LazyExoticComponent<ComponentType>;
  /** Prefetched after the first render so switching pages is instant and works offline. */
  load: () => Promise<unknown>;
}

function page(
  path: string,
  titleKey: string,
  load: () => Promise<{ default: ComponentType }>,
  nav: RouteDef['nav'] = 'main',
): RouteDef {
  return { path, titleKey, nav, component: lazy(load), load };
}

export const routes: RouteDef[] = [
  page('/when', 'nav.when', () => import('../features/when/WhenPage')),
  page('/how-many', 'nav.howMany', () => import('../features/how-many/HowManyPage')),
  page('/deadline', 'nav.deadline', () => import('../features/deadline/DeadlinePage')),
  page('/cost', 'nav.cost', () => import('../features/cost/CostPage')),
  page('/risks', 'nav.risks', () => import('../features/risks/RisksPage')),
  page(
    '/dependencies',
    'nav.dependencies',
    () => import('../features/dependencies/DependenciesPage'),
  ),
  page('/backtest', 'nav.backtest', () => import('../features/backtest/BacktestPage')),
  page('/pbc', 'nav.pbc', () => import('../features/pbc/PbcPage')),
  page('/accuracy', 'nav.accuracy', () => import('../features/accuracy/AccuracyPage')),
  page('/team', 'flow.nav.team', () => import('../features/flow/TeamPage')),
  page('/flow/cycle-time', 'flow.nav.flow', () => import('../features/flow/CycleTimePage')),
  page('/flow/aging', 'flow.pages.aging', () => import('../features/flow/AgingPage'), 'none'),
  page(
    '/flow/throughput',
    'flow.pages.throughput',
    () => import('../features/flow/ThroughputPage'),
    'none',
  ),
  page('/flow/cfd', 'flow.pages.cfd', () => import('../features/flow/CfdPage'), 'none'),
  page('/portfolio', 'portfolio.title', () => import('../features/portfolio/PortfolioPage')),
  page(
    '/deliveries',
    'deliveries.title',
    () => import('../features/deliveries/DeliveriesPage'),
    'none',
  ),
  // Opens any share code (the app's or `/api/encode`'s) on the page of its kind.
  page('/open', 'common.openShare', () => import('../features/shared/OpenSharePage'), 'none'),
  ...accountRoutes(),
];

/** The account pages (features/account), linked from the header's account menu. */
function accountRoutes(): RouteDef[] {
  const a = (path: string, titleKey: string, load: () => Promise<{ default: ComponentType }>) =>
    page(path, titleKey, load, 'account');
  return [
    a('/login', 'account.login.title', () => import('../features/account/auth/LoginPage')),
    a('/register', 'account.register.title', () => import('../features/account/auth/RegisterPage')),
    a(
      '/forgot-password',
      'account.forgot.title',
      () => import('../features/account/auth/ForgotPasswordPage'),
    ),
    a(
      '/reset-password',
      'account.reset.title',
      () => import('../features/account/auth/ResetPasswordPage'),
    ),
    a(
      '/projects',
      'account.projects.title',
      () => import('../features/account/projects/ProjectsPage'),
    ),
    a(
      '/project',
      'account.project.forecasts',
      () => import('../features/account/projects/ProjectPage'),
    ),
    a(
      '/forecast',
      'account.fields.kind',
      () => import('../features/account/forecasts/ForecastPage'),
    ),
    a(
      '/compare',
      'account.compare.title',
      () => import('../features/account/forecasts/ComparePage'),
    ),
    a(
      '/save',
      'account.pending.title',
      () => import('../features/account/forecasts/SavePendingPage'),
    ),
    a(
      '/saved-accuracy',
      'account.accuracy.title',
      () => import('../features/account/forecasts/SavedAccuracyPage'),
    ),
    a('/tokens', 'account.tokens.title', () => import('../features/account/tokens/TokensPage')),
    a('/admin', 'account.admin.title', () => import('../features/account/admin/AdminPage')),
  ];
}

export const DEFAULT_PATH = '/when';

export function findRoute(path: string): RouteDef | undefined {
  return routes.find((r) => r.path === path);
}
