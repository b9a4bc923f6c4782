import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from './issues';
import { TableWrap } from '../../components/TableWrap';

export interface Column<R> {
  key: keyof R & string;
  /** Field name in the request (`risks.0.<field>`), when it differs from the form key. */
  field?: string;
  label: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  width?: string;
}

/**
 * An editable table (risks, dependencies): one row per item, an input per column, errors
 * shown in the cell they belong to, and add/remove buttons.
 */
export function RowsEditor<R extends Record<string, string>>({
  idPrefix,
  listField,
  rows,
  columns,
  onChange,
  blank,
  errors,
  addLabel,
  caption,
}: {
  idPrefix: string;
  listField: string;
  rows: R[];
  columns: Column<R>[];
  onChange: (rows: R[]) => void;
  blank: R;
  errors: FieldErrors;
  addLabel: string;
  caption: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, key: keyof R, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <div className="rows-editor">
      {rows.length > 0 && (
        <TableWrap label={caption}>
          <table className="editable">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" style={c.width ? { width: c.width } : undefined}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('common.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => {
                    const path = `${listField}.${i}.${c.field ?? c.key}`;
                    const id = fieldId(idPrefix, path);
                    const error = errors[path];
                    return (
                      <td
                        key={c.key}
                        data-label={c.label}
                        className={c.inputMode === 'text' ? 'editable__wide' : undefined}
                      >
                        <input
                          id={id}
                          aria-label={`${c.label} (${i + 1})`}
                          inputMode={c.inputMode ?? 'decimal'}
                          value={row[c.key]}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) => set(i, c.key, e.target.value)}
                        />
                        {error && (
                          <span
                            className="field__error"
                            id={`${id}-error`}
                            role="alert"
                            data-field-error={id}
                          >
                            {error}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td className="editable__remove">
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      aria-label={`${t('common.remove')} ${i + 1}`}
                      onClick={() => onChange(rows.filter((_r, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {errors[listField] && (
        <p className="field__error" role="alert">
          {errors[listField]}
        </p>
      )}
      <button
        type="button"
        className="btn btn--small"
        onClick={() => onChange([...rows, { ...blank }])}
      >
        {addLabel}
      </button>
    </div>
  );
}
