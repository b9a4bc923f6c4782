import { BodyBuilder } from '../shared/body';
import type { Column } from '../shared/RowsEditor';
import { addThroughput, defaultThroughput, type ThroughputForm } from '../shared/Inputs';
import { adjustedBacklog, type Complexity } from './backlog';
import { addCalendar, initialCalendar, type CalendarForm } from '../shared/calendar';

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

export interface WhenForm extends ThroughputForm, CalendarForm {
  backlog: string;
  backlogHigh: string;
  complexity: Complexity;
  splitText: string;
  ltText: string;
  risks: RiskRow[];
  dependencies: DependencyRow[];
  totalContributors: string;
  minContributors: string;
  maxContributors: string;
  sCurveSize: string;
  focus: string;
  startDate: string;
  runs: string;
}

/** Today as ISO, in the user's own calendar day (not UTC's). */
export function todayIso(now = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

export const initialWhenForm: WhenForm = {
  ...defaultThroughput,
  ...initialCalendar('en'),
  backlog: '50',
  backlogHigh: '',
  complexity: 'clear',
  splitText: '',
  ltText: '',
  risks: [],
  dependencies: [],
  totalContributors: '',
  minContributors: '',
  maxContributors: '',
  sCurveSize: '',
  focus: '100',
  startDate: todayIso(),
  runs: '10000',
};

export const blankRisk: RiskRow = {
  likelihood: '',
  low: '',
  medium: '',
  high: '',
  description: '',
};
export const blankDependency: DependencyRow = { name: '', onTime: '70', delay: '7' };

/** The risk editor's columns (when and risks pages), with each cell's request field. */
export function riskColumns(t: (key: string) => string): Column<RiskRow>[] {
  return [
    { key: 'likelihood', label: t('risk.likelihood') },
    { key: 'low', field: 'lowImpact', label: t('risk.low') },
    { key: 'medium', field: 'mediumImpact', label: t('risk.medium') },
    { key: 'high', field: 'highImpact', label: t('risk.high') },
    { key: 'description', label: t('risk.description'), inputMode: 'text' },
  ];
}

/** The dependency editor's columns (when and dependencies pages), with each cell's request field. */
export function dependencyColumns(t: (key: string) => string): Column<DependencyRow>[] {
  return [
    { key: 'name', label: t('dependency.name'), inputMode: 'text' },
    { key: 'onTime', field: 'onTimeProbability', label: t('dependency.onTime') },
    { key: 'delay', field: 'expectedDelayDays', label: t('dependency.delay') },
  ];
}

/** The `simulate` request this form describes (validated afterwards by the shared schema). */
export function whenBody(form: WhenForm) {
  const b = new BodyBuilder();
  addThroughput(b, form);
  const low = b.number('numberOfTasks', form.backlog);
  const high = b.value('backlogHigh', form.backlogHigh);
  if (low !== undefined && Number.isInteger(low) && low >= 0) {
    const range = adjustedBacklog(low, high, form.complexity);
    if (range) {
      b.set('backlogAdjustedMin', range.min);
      b.set('backlogAdjustedMax', range.max);
    }
  }
  b.list('splitRateSamples', form.splitText);
  b.list('ltSamples', form.ltText);
  if (form.risks.length > 0) {
    b.set(
      'risks',
      form.risks.map((r, i) => {
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
  if (form.dependencies.length > 0) {
    b.set(
      'dependencies',
      form.dependencies.map((d, i) => {
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
  b.number('totalContributors', form.totalContributors);
  b.number('minContributors', form.minContributors);
  b.number('maxContributors', form.maxContributors);
  b.number('sCurveSize', form.sCurveSize);
  b.number('teamFocus', form.focus, 0.01);
  b.text('startDate', form.startDate);
  addCalendar(b, form);
  b.number('numberOfSimulations', form.runs);
  return b.build();
}
