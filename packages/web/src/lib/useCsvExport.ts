import { useTranslation } from 'react-i18next';
import { csvConventions, toLocalizedCsv, type CsvTable } from './csv';
import { downloadBlob } from './download';

/** Downloads a table as CSV in the reader's language and conventions (see csv.ts). */
export function useCsvExport(): (table: CsvTable, filename: string) => void {
  const { t, i18n } = useTranslation();
  return (table, filename) => {
    const c = csvConventions(i18n.language || 'en', { yes: t('common.yes'), no: t('common.no') });
    downloadBlob(
      new Blob([toLocalizedCsv(table, c)], { type: 'text/csv;charset=utf-8' }),
      `${filename}.csv`,
    );
  };
}
