import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap';
import { CsvButton, flowColumns, type FlowColumn } from './CsvButton';
import type { FlowTableKey } from './i18n';

/**
 * A flow page's table, headed with the flow tables' names, and under it the button that
 * downloads it as CSV (its own columns: raw values, sometimes more of them than shown).
 */
export function FlowTable<R>({
  testId,
  headers,
  rows,
  rowKey,
  cells,
  highlight,
  csv,
  filename,
}: {
  testId: string;
  headers: FlowTableKey[];
  rows: R[];
  rowKey: (row: R) => string;
  cells: (row: R) => ReactNode[];
  /** Rows to draw attention to. */
  highlight?: (row: R) => boolean;
  csv: { columns: FlowColumn[]; rows: unknown[][] };
  filename: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TableWrap>
        <table data-testid={testId}>
          <thead>
            <tr>
              {headers.map((key) => (
                <th key={key}>{t(`flow.table.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className={highlight?.(row) ? 'highlight' : undefined}>
                {cells(row).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <CsvButton
        table={{ columns: flowColumns(t, csv.columns), rows: csv.rows }}
        filename={filename}
      />
    </>
  );
}
