/**
 * The first problem in the portfolio form, named as the page labels its field ("Weekly
 * throughput (Payments)"), so the out-of-date banner says what to fix instead of asking for a
 * run that cannot happen.
 */
import type { FieldErrors } from '../shared/issues';
import type { PortfolioForm } from './form';

/** The label key (under `portfolio.`) of a row's field, by the request's field name. */
const ROW_LABELS: Record<'teams' | 'features', Record<string, string>> = {
  teams: { name: 'teamName', tpSamples: 'samples', featureWip: 'featureWip' },
  features: {
    name: 'feature',
    team: 'team',
    size: 'size',
    sizeLow: 'size',
    sizeHigh: 'size',
    parts: 'parts',
    targetDate: 'targetDate',
    costOfDelayPerWeek: 'costOfDelay',
    dependsOn: 'dependsOn',
  },
};

const FORM_LABELS: Record<string, string> = {
  startDate: 'startDate',
  targetDate: 'portfolioTarget',
  confidence: 'confidence',
  currency: 'currency',
};

export interface Problem {
  /** The field's request path (`teams.0.tpSamples`), as the editors' cells are named. */
  field: string;
  /** The field's label key under `portfolio.` and the row it is in, when the page labels it. */
  labelKey: string | null;
  row: string | null;
  message: string;
}

export function firstProblem(errors: FieldErrors, form: PortfolioForm): Problem | null {
  const entry = Object.entries(errors)[0];
  if (!entry) return null;
  const [field, message] = entry;
  const m = /^(teams|features)\.(\d+)(?:\.(\w+))?/.exec(field);
  if (m) {
    const list = m[1] as 'teams' | 'features';
    const i = Number(m[2]);
    const name = form[list][i]?.name.trim() || String(i + 1);
    const labelKey = m[3] ? (ROW_LABELS[list][m[3]] ?? null) : null;
    return { field, labelKey, row: name, message };
  }
  return { field, labelKey: FORM_LABELS[field] ?? null, row: null, message };
}
