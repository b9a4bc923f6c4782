import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CsvColumn, CsvKind, CsvTable } from '../../lib/csv';
import { useCsvExport } from '../../lib/useCsvExport';
import type { FlowTableKey } from './i18n';

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

/** A CSV column by its flow table name, with how its cells read when not as text. */
export type FlowColumn = FlowTableKey | [FlowTableKey, CsvKind];

/** CSV columns headed with the flow tables' names: a key, or a key and how its cells read. */
export function flowColumns(t: TFunction, columns: FlowColumn[]): CsvColumn[] {
  return columns.map((column) => {
    if (typeof column === 'string') return { header: t(`flow.table.${column}`) };
    const [key, kind] = column;
    return { header: t(`flow.table.${key}`), kind };
  });
}
