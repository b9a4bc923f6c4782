import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './issues';
import { RowsEditor, type Column } from './RowsEditor';
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

/** What makes a list the risks or the dependencies: its request field, blank row, columns and words. */
interface ListSpec<R> {
  listField: string;
  blank: R;
  columns: (t: TFunction) => Column<R>[];
  caption: string;
  addLabel: string;
}

const RISKS: ListSpec<RiskRow> = {
  listField: 'risks',
  blank: blankRisk,
  columns: riskColumns,
  caption: 'when.risksLegend',
  addLabel: 'when.addRisk',
};

const DEPENDENCIES: ListSpec<DependencyRow> = {
  listField: 'dependencies',
  blank: blankDependency,
  columns: dependencyColumns,
  caption: 'when.dependencies',
  addLabel: 'when.addDependency',
};

function ListEditor<R extends Record<string, string>>({
  spec,
  ...props
}: EditorProps<R> & { spec: ListSpec<R> }) {
  const { t } = useTranslation();
  return (
    <RowsEditor
      {...props}
      listField={spec.listField}
      blank={spec.blank}
      caption={t(spec.caption)}
      addLabel={t(spec.addLabel)}
      columns={spec.columns(t)}
    />
  );
}

/** The risks table as every page edits it (When, Risks): same columns, caption and button. */
export function RisksEditor(props: EditorProps<RiskRow>) {
  return <ListEditor spec={RISKS} {...props} />;
}

/** The dependencies table as every page edits it (When, Dependencies). */
export function DependenciesEditor(props: EditorProps<DependencyRow>) {
  return <ListEditor spec={DEPENDENCIES} {...props} />;
}
