import type { ReactNode } from 'react';

/** A table's header row: one column header a cell, each scoped to its column. */
export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          // A table's headers are fixed and may repeat: the place is the key.
          <th scope="col" key={i}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One column of DataRows: its header and what a row shows in it. */
export type DataColumn<T> = readonly [header: ReactNode, cell: (row: T) => ReactNode];

/** A plain table body drawn column by column under its header row. */
export function DataRows<T>({
  columns,
  rows,
  rowKey,
}: {
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}) {
  return (
    <>
      <TableHead columns={columns.map(([header]) => header)} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map(([, cell], i) => (
              <td key={i}>{cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}
