import { ResultActions } from '../../components/ResultActions';
import type { CsvKind, CsvTable } from '../../lib/csv';

/** One column of a result's CSV: its header, how its cells are written and a row's cell. */
export type CsvField<T> = readonly [
  header: string,
  kind: CsvKind,
  cell: (row: T, index: number) => unknown,
];

/**
 * A result's CSV built column by column, so that a header always stands beside the value it
 * names; a `false` (or missing) field is a column this result leaves out (e.g. dates without a start date).
 */
export function csvOf<T>(
  rows: readonly T[],
  fields: readonly (CsvField<T> | false | null | undefined)[],
): CsvTable {
  const kept = fields.filter((f): f is CsvField<T> => Boolean(f));
  return {
    columns: kept.map(([header, kind]) => ({ header, kind })),
    rows: rows.map((row, i) => kept.map(([, , cell]) => cell(row, i))),
  };
}

/** The share, download, print and save actions under a `useForecastPage` page's result. */
export function PageResultActions({
  kind,
  page,
  result,
  csv,
}: {
  kind: string;
  page: { input: unknown; shareLink?: string };
  result: unknown;
  csv: CsvTable;
}) {
  return (
    <ResultActions
      kind={kind}
      input={page.input}
      result={result}
      shareLink={page.shareLink}
      csv={csv}
    />
  );
}
