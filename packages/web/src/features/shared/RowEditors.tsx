import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './issues';
import { RowsEditor } from './RowsEditor';
import {
  blankDependency,
  blankRisk,
  dependencyColumns,
  riskColumns,
  type DependencyRow,
  type RiskRow,
} from './rows';

interface EditorProps<R> {
  /** The page's field-id prefix, so a cell's error finds its input. */
  idPrefix: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  errors: FieldErrors;
}

/** The risks table as every page edits it (When, Risks): same columns, caption and button. */
export function RisksEditor({ idPrefix, rows, onChange, errors }: EditorProps<RiskRow>) {
  const { t } = useTranslation();
  return (
    <RowsEditor
      idPrefix={idPrefix}
      listField="risks"
      rows={rows}
      blank={blankRisk}
      onChange={onChange}
      errors={errors}
      caption={t('when.risksLegend')}
      addLabel={t('when.addRisk')}
      columns={riskColumns(t)}
    />
  );
}

/** The dependencies table as every page edits it (When, Dependencies). */
export function DependenciesEditor({
  idPrefix,
  rows,
  onChange,
  errors,
}: EditorProps<DependencyRow>) {
  const { t } = useTranslation();
  return (
    <RowsEditor
      idPrefix={idPrefix}
      listField="dependencies"
      rows={rows}
      blank={blankDependency}
      onChange={onChange}
      errors={errors}
      caption={t('when.dependencies')}
      addLabel={t('when.addDependency')}
      columns={dependencyColumns(t)}
    />
  );
}
