import { useTranslation } from 'react-i18next';
import type { CsvTable } from '../../lib/csv';
import { useCsvExport } from '../../lib/useCsvExport';

/** Every flow table downloads as CSV, the way the forecast pages' tables do. */
export function CsvButton({ table, filename }: { table: CsvTable; filename: string }) {
  const { t } = useTranslation();
  const exportCsv = useCsvExport();
  return (
    <button type="button" className="btn btn--small" onClick={() => exportCsv(table, filename)}>
      {t('flow.table.exportCsv')}
    </button>
  );
}
