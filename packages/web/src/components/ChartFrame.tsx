import { Suspense, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';
import type { ChartAnnotation } from '../lib/chart-export';
import { useFormat } from '../i18n/format';
import { ChartNoteContext, legendOf } from './chart-note';
import { useStaleReason } from './stale';
import { ChartWidthContext, useMeasuredWidth } from '../charts/width';
import { ChartLegend } from '../charts/Legend';

/**
 * A titled figure around one chart: its own error boundary and lazy-loading fallback, and
 * buttons to download what is drawn as SVG or PNG (for slides), carrying the title, the
 * legend, the result's key inputs and the date made so the file stands alone.
 */
export function ChartFrame({
  title,
  filename,
  children,
  description,
  legend,
}: {
  title: string;
  filename: string;
  children: ReactNode;
  description?: ReactNode;
  /** Legend entries the chart does not draw itself, shown under it (and in downloads). */
  legend?: { label: string; color: string }[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const note = useContext(ChartNoteContext);
  const [ref, width, body] = useMeasuredWidth();
  // An out-of-date chart is not downloaded: a file carries no "out of date" notice.
  const stale = useStaleReason();
  const svg = () => body?.querySelector('svg') ?? null;
  const annotation = (): ChartAnnotation => ({
    title,
    legend: body ? legendOf(body) : [],
    lines: [
      ...note,
      t('common.chartMade', { date: fmt.date(new Date().toISOString().slice(0, 10)) }),
    ],
  });
  return (
    <figure className="chart" data-chart={filename}>
      <figcaption>
        <span className="chart__title">{title}</span>
        <span className="chart__actions">
          {(['svg', 'png'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="btn btn--small"
              disabled={stale !== null}
              title={stale ?? undefined}
              onClick={() => {
                const s = svg();
                if (!s) return;
                void import('../lib/chart-export').then((m) =>
                  format === 'svg'
                    ? m.downloadSvg(s, filename, annotation())
                    : m.downloadPng(s, filename, annotation()),
                );
              }}
            >
              {t(format === 'svg' ? 'common.downloadSvg' : 'common.downloadPng')}
            </button>
          ))}
        </span>
      </figcaption>
      {description && <p className="chart__desc">{description}</p>}
      <div ref={ref} className="chart__body">
        <ErrorBoundary
          fallback={(_error, retry) => (
            <p className="notice notice--error" role="alert">
              {t('common.chartFailed')}{' '}
              <button type="button" className="btn btn--small" onClick={retry}>
                {t('common.retry')}
              </button>
            </p>
          )}
        >
          <Suspense fallback={<p className="chart__loading">{t('common.loading')}</p>}>
            <ChartWidthContext.Provider value={width}>{children}</ChartWidthContext.Provider>
          </Suspense>
        </ErrorBoundary>
        {legend && <ChartLegend entries={legend} />}
      </div>
    </figure>
  );
}
