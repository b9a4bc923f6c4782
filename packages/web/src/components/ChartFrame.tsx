import { Suspense, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';
import { downloadPng, downloadSvg } from '../lib/download';

/**
 * A titled figure around one chart: its own error boundary and lazy-loading fallback, and
 * buttons to download what is drawn as SVG or PNG (for slides).
 */
export function ChartFrame({
  title,
  filename,
  children,
  description,
}: {
  title: string;
  filename: string;
  children: ReactNode;
  description?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const svg = () => ref.current?.querySelector('svg') ?? null;
  return (
    <figure className="chart" data-chart={filename}>
      <figcaption>
        <span className="chart__title">{title}</span>
        <span className="chart__actions">
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              const s = svg();
              if (s) downloadSvg(s, filename);
            }}
          >
            {t('common.downloadSvg')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              const s = svg();
              if (s) void downloadPng(s, filename);
            }}
          >
            {t('common.downloadPng')}
          </button>
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
            {children}
          </Suspense>
        </ErrorBoundary>
      </div>
    </figure>
  );
}
