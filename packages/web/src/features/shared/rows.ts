import type { BodyBuilder } from './body';
import type { Column } from './RowsEditor';

/**
 * The risk and dependency rows that several pages edit (when, risks, dependencies), with
 * their columns and the request fields each row becomes, so every page reads them alike.
 */
export interface RiskRow extends Record<string, string> {
  likelihood: string;
  low: string;
  medium: string;
  high: string;
  description: string;
}

export interface DependencyRow extends Record<string, string> {
  name: string;
  onTime: string;
  delay: string;
}

export const blankRisk: RiskRow = {
  likelihood: '',
  low: '',
  medium: '',
  high: '',
  description: '',
};
export const blankDependency: DependencyRow = { name: '', onTime: '70', delay: '7' };

/** The risk editor's columns, with each cell's request field. */
export function riskColumns(t: (key: string) => string): Column<RiskRow>[] {
  return [
    { key: 'likelihood', label: t('risk.likelihood') },
    { key: 'low', field: 'lowImpact', label: t('risk.low') },
    { key: 'medium', field: 'mediumImpact', label: t('risk.medium') },
    { key: 'high', field: 'highImpact', label: t('risk.high') },
    { key: 'description', label: t('risk.description'), inputMode: 'text' },
  ];
}

/** The dependency editor's columns, with each cell's request field. */
export function dependencyColumns(t: (key: string) => string): Column<DependencyRow>[] {
  return [
    { key: 'name', label: t('dependency.name'), inputMode: 'text' },
    { key: 'onTime', field: 'onTimeProbability', label: t('dependency.onTime') },
    { key: 'delay', field: 'expectedDelayDays', label: t('dependency.delay') },
  ];
}

/** Puts the rows on the body as `risks`; a cell that is not a number is an issue on its field. */
export function addRisks(b: BodyBuilder, rows: RiskRow[]): void {
  b.set(
    'risks',
    rows.map((r, i) => {
      const risk: Record<string, unknown> = {
        likelihood: b.value(`risks.${i}.likelihood`, r.likelihood),
        lowImpact: b.value(`risks.${i}.lowImpact`, r.low),
        highImpact: b.value(`risks.${i}.highImpact`, r.high),
      };
      const medium = b.value(`risks.${i}.mediumImpact`, r.medium);
      if (medium !== undefined) risk.mediumImpact = medium;
      if (r.description.trim()) risk.description = r.description.trim();
      return risk;
    }),
  );
}

/** Puts the rows on the body as `dependencies` (the on-time chance typed in percent). */
export function addDependencies(b: BodyBuilder, rows: DependencyRow[]): void {
  b.set(
    'dependencies',
    rows.map((d, i) => {
      const dep: Record<string, unknown> = {};
      if (d.name.trim()) dep.name = d.name.trim();
      const p = b.value(`dependencies.${i}.onTimeProbability`, d.onTime, 0.01);
      if (p !== undefined) dep.onTimeProbability = p;
      const delay = b.value(`dependencies.${i}.expectedDelayDays`, d.delay);
      if (delay !== undefined) dep.expectedDelayDays = delay;
      return dep;
    }),
  );
}

/** Today as ISO, in the user's own calendar day (not UTC's). */
export function todayIso(now = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}
