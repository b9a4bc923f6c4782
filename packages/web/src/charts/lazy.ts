import { lazy } from 'react';

// Charts load only when a result is shown, keeping them out of the first page's budget.
export const Histogram = lazy(() => import('./Histogram'));
export const BurnDownFan = lazy(() => import('./BurnDownFan'));
export const CostChart = lazy(() => import('./CostChart'));
export const XmrChart = lazy(() => import('./XmrChart'));
export const BacktestChart = lazy(() => import('./BacktestChart'));
export const DeadlineCurve = lazy(() => import('./DeadlineCurve'));
