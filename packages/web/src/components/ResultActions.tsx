import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadJson } from '../lib/download';
import type { CsvTable } from '../lib/csv';
import { useCsvExport } from '../lib/useCsvExport';
import { getSaveSlot } from '../lib/slots';
import { useStaleReason } from './stale';

export type { CsvTable } from '../lib/csv';

/** Share link, CSV/JSON downloads and the account pages' "Save" button under every result. */
export function ResultActions({
  kind,
  input,
  result,
  csv,
  shareLink,
}: {
  kind: string;
  input: unknown;
  result: unknown;
  csv?: CsvTable;
  shareLink?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'shown'>('idle');
  const SaveSlot = getSaveSlot();
  const exportCsv = useCsvExport();
  const filename = `flow-forecast-${kind}`;
  const stale = useStaleReason();

  const share = async () => {
    if (!shareLink) return;
    try {
      await navigator.clipboard.writeText(shareLink);
      setCopied('copied');
    } catch (_e) {
      setCopied('shown');
    }
  };

  return (
    // A disabled fieldset disables every control in it, the Save slot's too; the reason shows
    // on hover.
    <fieldset
      className="result-actions"
      disabled={stale !== null}
      title={stale ?? undefined}
      data-testid="result-actions"
    >
      {shareLink && (
        <button type="button" className="btn" onClick={() => void share()} data-testid="share">
          {t('common.share')}
        </button>
      )}
      {csv && (
        <button type="button" className="btn" onClick={() => exportCsv(csv, filename)}>
          {t('common.downloadCsv')}
        </button>
      )}
      <button
        type="button"
        className="btn"
        onClick={() => downloadJson({ kind, input, result }, filename)}
      >
        {t('common.downloadJson')}
      </button>
      <button type="button" className="btn" onClick={() => window.print()}>
        {t('common.print')}
      </button>
      {SaveSlot && <SaveSlot kind={kind} input={input} result={result} />}
      {shareLink && copied !== 'idle' && (
        <p className="share-link" role="status">
          {copied === 'copied' ? t('common.linkCopied') : t('common.linkReady')}{' '}
          <input
            readOnly
            value={shareLink}
            aria-label={t('common.shareLink')}
            data-testid="share-link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      )}
    </fieldset>
  );
}
