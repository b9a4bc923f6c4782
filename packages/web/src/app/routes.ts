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
];

export const DEFAULT_PATH = '/when';

export function findRoute(path: string): RouteDef | undefined {
  return routes.find((r) => r.path === path);
}
