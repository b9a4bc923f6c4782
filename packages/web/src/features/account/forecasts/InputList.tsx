import { useTranslation } from 'react-i18next';
import type { HistoryWindowNote } from '@flow-forecaster/engine';
import { useWindowText } from '../../shared/TeamThroughput';
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

/** A saved forecast's inputs as label/value pairs that wrap on a phone instead of scrolling. */
export function InputList({ input }: { input: Record<string, unknown> }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const entries = Object.entries(input).filter(([, v]) => v !== undefined && v !== null);
  return (
    <dl className="input-list">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>
            {key === 'historyWindow'
              ? t('account.fields.historyWindow')
              : INPUT_LABELS[key]
                ? t(INPUT_LABELS[key])
                : key}
          </dt>
          <dd>
            {key === 'throughputModel' && typeof value === 'string'
              ? t(`throughput.models.${value}`, value)
              : key === 'historyWindow' && typeof value === 'object'
                ? windowText(value as HistoryWindowNote)
                : showValue(value, 200)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
