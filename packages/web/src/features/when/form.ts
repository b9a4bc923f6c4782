import { BodyBuilder } from '../shared/body';
import {
  addDependencies,
  addRisks,
  todayIso,
  type DependencyRow,
  type RiskRow,
} from '../shared/rows';
import { addThroughput, defaultThroughput, type ThroughputForm } from '../shared/Inputs';
import { adjustedBacklog, type Complexity } from './backlog';
import { addCalendar, initialCalendar, type CalendarForm } from '../shared/calendar';

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
  if (form.risks.length > 0) addRisks(b, form.risks);
  if (form.dependencies.length > 0) addDependencies(b, form.dependencies);
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
