import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadJson } from '../../../lib/download';
import { forecastsApi } from '../api';
import { ErrorNotice } from '../ui';

/** How many forecasts an import reply says were created (`{count, items}`). */
export function importedCount(reply: unknown): number | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const r = reply as Record<string, unknown>;
  if (typeof r.count === 'number') return r.count;
  return Array.isArray(r.items) ? r.items.length : null;
}

/**
 * What to send for a chosen file: the export document as is; a bare list of forecasts is
 * wrapped the same way. Anything else is not ours.
 */
export function importBody(data: unknown): { forecasts: unknown[] } | null {
  if (Array.isArray(data)) return { forecasts: data };
  if (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as { forecasts?: unknown }).forecasts)
  ) {
    return data as { forecasts: unknown[] };
  }
  return null;
}

/** FileReader rather than `file.text()`: older Safari (and jsdom) lack the latter. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file);
  });
}

/** Export every saved forecast as one JSON file; import such a file as new forecasts. */
export function ImportExport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportAll = async () => {
    setError(null);
    setStatus(null);
    try {
      downloadJson(await forecastsApi.exportAll(), 'flow-forecasts');
    } catch (err) {
      setError(err);
    }
  };

  const importFile = async (file: File) => {
    setError(null);
    setStatus(null);
    let body: { forecasts: unknown[] } | null = null;
    try {
      body = importBody(JSON.parse(await readText(file)));
    } catch (_e) {
      body = null;
    }
    if (!body) {
      setStatus(t('account.importExport.notJson'));
      return;
    }
    setBusy(true);
    try {
      const n = importedCount(await forecastsApi.import(body));
      setStatus(
        n === null
          ? t('account.importExport.importedSome')
          : t('account.importExport.imported', { count: n }),
      );
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('account.importExport.title')}</h2>
      <p>
        <button type="button" className="btn" onClick={() => void exportAll()}>
          {t('account.importExport.exportAll')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={`${uid}-file`}>{t('account.importExport.file')}</label>
        <input
          id={`${uid}-file`}
          type="file"
          accept="application/json,.json"
          disabled={busy}
          aria-describedby={`${uid}-hint`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <p className="field__hint" id={`${uid}-hint`}>
          {t('account.importExport.hint')}
        </p>
      </div>
      <ErrorNotice error={error} />
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
