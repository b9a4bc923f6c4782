import { useTranslation } from 'react-i18next';
import type { HistoryWindowNote } from '@flow-forecaster/engine';
import { useWindowText } from '../../shared/TeamThroughput';
import { useFormat } from '../../../i18n/format';
import { showValue } from '../summary';

/**
 * Input fields the forecast forms already name in every language; the rest keep their API
 * name, which is also what the CLI and exported JSON use.
 */
export const INPUT_LABELS: Readonly<Record<string, string>> = {
  tpSamples: 'throughput.samples',
  throughputModel: 'throughput.model',
  numberOfTasks: 'when.backlog',
  numberOfSimulations: 'common.runs',
  seed: 'common.seed',
  startDate: 'common.startDate',
  ltSamples: 'when.leadTimes',
  splitRateSamples: 'when.splitRates',
  totalContributors: 'when.totalContributors',
  minContributors: 'when.minContributors',
  maxContributors: 'when.maxContributors',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An input field's name and value as the reader reads them: a label and dates in their format. */
export function useInputText() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return {
    label: (key: string) => (INPUT_LABELS[key] ? t(INPUT_LABELS[key]) : key),
    value: (key: string, value: unknown, max = 200) => {
      if (key === 'throughputModel' && typeof value === 'string') {
        return t(`throughput.models.${value}`, value);
      }
      if (typeof value === 'string' && ISO_DATE.test(value)) return fmt.date(value);
      return showValue(value, max);
    },
  };
}

/** A saved forecast's inputs as label/value pairs that wrap on a phone instead of scrolling. */
export function InputList({ input }: { input: Record<string, unknown> }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const text = useInputText();
  const entries = Object.entries(input).filter(([, v]) => v !== undefined && v !== null);
  return (
    <dl className="input-list">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key === 'historyWindow' ? t('account.fields.historyWindow') : text.label(key)}</dt>
          <dd>
            {key === 'historyWindow' && typeof value === 'object'
              ? windowText(value as HistoryWindowNote)
              : text.value(key, value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
