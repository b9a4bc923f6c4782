import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../lib/download';

/** Every flow table downloads as CSV, the way the forecast pages' tables do. */
export function CsvButton({
  header,
  rows,
  filename,
}: {
  header: string[];
  rows: unknown[][];
  filename: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn--small"
      onClick={() => downloadCsv(header, rows, filename)}
    >
      {t('flow.table.exportCsv')}
    </button>
  );
}
