import { useTranslation } from 'react-i18next';
import type { FlowMetricsResult } from '@flow-forecaster/engine';

/** Items that look wrong are reported, not silently dropped (the engine's notes). */
export function ProblemList({ metrics }: { metrics: FlowMetricsResult }) {
  const { t } = useTranslation();
  const notes = metrics.problems.filter((p) => p.severity === 'note');
  if (notes.length === 0) return null;
  return (
    <details className="flow-problems" data-testid="flow-problems">
      <summary>
        {t('flow.problems.title')} ({notes.length})
      </summary>
      <ul>
        {notes.map((p) => (
          <li key={`${p.field}-${p.code}`}>
            <code>{p.id ?? p.field}</code>: {t(`flow.problems.${p.code}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}
