import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap';
import { fieldId, type FieldErrors } from '../shared/issues';
import { throughputOfTeam } from '../shared/TeamThroughput';
import { useTeams } from '../../lib/team-store';
import {
  blankFeature,
  blankTeam,
  cellError,
  move,
  splitTotal,
  type FeatureRow,
  type TeamRow,
} from './form';

const PREFIX = 'pf';

function CellInput({
  path,
  label,
  value,
  error,
  onChange,
  type = 'text',
  inputMode = 'text',
  readOnly,
  hint,
}: {
  path: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  type?: 'text' | 'date';
  inputMode?: 'text' | 'decimal' | 'numeric';
  /** A value computed from other cells: shown, not typed (`hint` says where it comes from). */
  readOnly?: boolean;
  hint?: string;
}) {
  const id = fieldId(PREFIX, path);
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <>
      <input
        id={id}
        type={type}
        aria-label={label}
        inputMode={type === 'date' ? undefined : inputMode}
        value={value}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field__error" id={`${id}-error`} role="alert" data-field-error={id}>
          {error}
        </span>
      )}
    </>
  );
}

function ListError({ error }: { error: string | undefined }) {
  return error ? (
    <p className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}

/** `sticky`: the column that names the row stays in view while the table scrolls sideways. */
function Head({ labels, sticky }: { labels: ReactNode[]; sticky?: number }) {
  return (
    <thead>
      <tr>
        {labels.map((l, i) => (
          <th key={i} scope="col" className={i === sticky ? 'sticky-col' : undefined}>
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** An editor's frame: legend, the table, the list's own error and the add button. */
function EditorFrame({
  legend,
  hint,
  error,
  addLabel,
  onAdd,
  children,
}: {
  legend: string;
  hint?: string;
  error: string | undefined;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <TableWrap label={legend}>{children}</TableWrap>
      <ListError error={error} />
      <button type="button" className="btn btn--small" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}

function RemoveButton({ name, onRemove }: { name: string | number; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn--small btn--danger"
      aria-label={t('portfolio.remove', { name })}
      onClick={onRemove}
    >
      ×
    </button>
  );
}

export function TeamsEditor({
  teams,
  errors,
  onChange,
}: {
  teams: TeamRow[];
  errors: FieldErrors;
  onChange: (teams: TeamRow[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, key: keyof TeamRow, value: string) =>
    onChange(teams.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const err = (i: number, field: string) => errors[`teams.${i}.${field}`];
  // The team workspace's teams (imported tracker exports or pasted weeks): choosing one fills
  // a row's throughput with the weeks a single forecast of that team would sample.
  const workspace = useTeams().teams;
  const fromWorkspace = (i: number, id: string) => {
    const source = workspace.find((w) => w.id === id);
    const weeks = source ? throughputOfTeam(source) : null;
    if (weeks) set(i, 'samples', weeks.join(', '));
  };
  return (
    <EditorFrame
      legend={t('portfolio.teams')}
      error={errors.teams}
      addLabel={t('portfolio.addTeam')}
      onAdd={() => onChange([...teams, { ...blankTeam }])}
    >
      <table className="editable" data-testid="pf-teams">
        <Head
          sticky={0}
          labels={[
            t('portfolio.teamName'),
            t('portfolio.samples'),
            ...(workspace.length > 0 ? [t('portfolio.fromTeamData')] : []),
            t('portfolio.featureWip'),
            <span className="visually-hidden">{t('common.remove')}</span>,
          ]}
        />
        <tbody>
          {teams.map((team, i) => (
            <tr key={i}>
              <td className="sticky-col">
                <CellInput
                  path={`teams.${i}.name`}
                  label={`${t('portfolio.teamName')} (${i + 1})`}
                  value={team.name}
                  error={err(i, 'name')}
                  onChange={(v) => set(i, 'name', v)}
                />
              </td>
              <td>
                <CellInput
                  path={`teams.${i}.tpSamples`}
                  label={`${t('portfolio.samples')} (${team.name || i + 1})`}
                  value={team.samples}
                  error={err(i, 'tpSamples')}
                  inputMode="decimal"
                  onChange={(v) => set(i, 'samples', v)}
                />
              </td>
              {workspace.length > 0 && (
                <td>
                  <select
                    aria-label={t('portfolio.fromTeamDataFor', { name: team.name || i + 1 })}
                    value=""
                    onChange={(e) => fromWorkspace(i, e.target.value)}
                  >
                    <option value="">{t('portfolio.fromTeamDataChoose')}</option>
                    {workspace.map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name}
                      </option>
                    ))}
                  </select>
                </td>
              )}
              <td style={{ width: '7em' }}>
                <CellInput
                  path={`teams.${i}.featureWip`}
                  label={`${t('portfolio.featureWip')} (${team.name || i + 1})`}
                  value={team.featureWip}
                  error={err(i, 'featureWip')}
                  inputMode="numeric"
                  onChange={(v) => set(i, 'featureWip', v)}
                />
              </td>
              <td>
                <RemoveButton
                  name={team.name || i + 1}
                  onRemove={() => onChange(teams.filter((_r, j) => j !== i))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorFrame>
  );
}

/** The plain text cells of a feature row, after its name and team: form key, request field. */
const FEATURE_CELLS: {
  key: keyof FeatureRow;
  field: Parameters<typeof cellError>[2];
  labelKey: string;
  type?: 'date';
  inputMode?: 'decimal';
  minWidth?: string;
}[] = [
  { key: 'size', field: 'size', labelKey: 'size', minWidth: '5em' },
  { key: 'parts', field: 'parts', labelKey: 'parts' },
  { key: 'targetDate', field: 'targetDate', labelKey: 'targetDate', type: 'date' },
  {
    key: 'costOfDelay',
    field: 'costOfDelayPerWeek',
    labelKey: 'costOfDelay',
    inputMode: 'decimal',
    minWidth: '6em',
  },
  { key: 'dependsOn', field: 'dependsOn', labelKey: 'dependsOn', minWidth: '8em' },
];

/**
 * The features in priority order. Rows move by drag and drop and, for keyboards and screen
 * readers, by the ↑/↓ buttons; each cell shows the errors of the request fields it feeds
 * (`features.2.parts.1.team` in the split cell of row 3).
 */
export function FeaturesEditor({
  features,
  teamNames,
  errors,
  onChange,
}: {
  features: FeatureRow[];
  teamNames: string[];
  errors: FieldErrors;
  onChange: (features: FeatureRow[]) => void;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<number | null>(null);
  return (
    <EditorFrame
      legend={t('portfolio.features')}
      hint={t('portfolio.featuresHint')}
      error={errors.features}
      addLabel={t('portfolio.addFeature')}
      onAdd={() => onChange([...features, { ...blankFeature }])}
    >
      <table className="editable" data-testid="pf-features">
        <Head
          sticky={1}
          labels={[
            '#',
            t('portfolio.feature'),
            t('portfolio.team'),
            ...FEATURE_CELLS.map((c) => t(`portfolio.${c.labelKey}`)),
            <span className="visually-hidden">{t('common.remove')}</span>,
          ]}
        />
        <tbody>
          {features.map((f, i) => (
            <FeatureRowView
              key={i}
              features={features}
              i={i}
              teamNames={teamNames}
              errors={errors}
              onChange={onChange}
              dragging={dragging}
              setDragging={setDragging}
            />
          ))}
        </tbody>
      </table>
    </EditorFrame>
  );
}

/** One feature's row: drag handle, cells, and the move and remove buttons. */
function FeatureRowView({
  features,
  i,
  teamNames,
  errors,
  onChange,
  dragging,
  setDragging,
}: {
  features: FeatureRow[];
  i: number;
  teamNames: string[];
  errors: FieldErrors;
  onChange: (features: FeatureRow[]) => void;
  dragging: number | null;
  setDragging: (i: number | null) => void;
}) {
  const { t } = useTranslation();
  const f = features[i];
  const name = f.name || String(i + 1);
  const set = (key: keyof FeatureRow, value: string) =>
    onChange(features.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const teamError = cellError(errors, i, 'team');
  const split = f.parts.trim() !== '';
  return (
    <tr
      draggable
      data-testid={`pf-feature-row-${i}`}
      style={dragging === i ? { opacity: 0.5 } : undefined}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', String(i));
        setDragging(i);
      }}
      onDragEnd={() => setDragging(null)}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const from = Number(e.dataTransfer.getData('text/plain'));
        setDragging(null);
        if (Number.isInteger(from)) onChange(move(features, from, i));
      }}
    >
      <td>
        <span aria-hidden="true" title={t('portfolio.drag', { name })} style={{ cursor: 'grab' }}>
          ⠿
        </span>{' '}
        {i + 1}
      </td>
      <td className="sticky-col" style={{ minWidth: '9em' }}>
        <CellInput
          path={`features.${i}.name`}
          label={`${t('portfolio.feature')} (${i + 1})`}
          value={f.name}
          error={cellError(errors, i, 'name')}
          onChange={(v) => set('name', v)}
        />
      </td>
      <td style={{ minWidth: '7em' }}>
        <select
          id={fieldId(PREFIX, `features.${i}.team`)}
          aria-label={`${t('portfolio.team')} (${name})`}
          value={f.team}
          disabled={split}
          aria-invalid={teamError ? true : undefined}
          onChange={(e) => set('team', e.target.value)}
        >
          <option value="">–</option>
          {[...new Set([...teamNames, f.team])]
            .filter((n) => n !== '')
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </select>
        {teamError && (
          <span className="field__error" role="alert">
            {teamError}
          </span>
        )}
      </td>
      {FEATURE_CELLS.map((c) => {
        // A split feature's items are its parts': the Items cell shows their sum, read-only, so
        // typing there never looks accepted while the split decides (issue 16).
        const fromSplit = c.key === 'size' && split;
        return (
          <td key={c.key} style={c.minWidth ? { minWidth: c.minWidth } : undefined}>
            <CellInput
              path={`features.${i}.${c.field}`}
              type={c.type}
              label={`${t(`portfolio.${c.labelKey}`)} (${name})`}
              value={fromSplit ? (splitTotal(f.parts) ?? '') : f[c.key]}
              inputMode={c.inputMode}
              readOnly={fromSplit}
              hint={fromSplit ? t('portfolio.sizeFromSplit') : undefined}
              error={fromSplit ? undefined : cellError(errors, i, c.field)}
              onChange={(v) => set(c.key, v)}
            />
          </td>
        );
      })}
      <RowButtons features={features} i={i} name={name} onChange={onChange} />
    </tr>
  );
}

/** A feature row's ↑/↓ (the keyboard's way to reorder) and remove buttons. */
function RowButtons({
  features,
  i,
  name,
  onChange,
}: {
  features: FeatureRow[];
  i: number;
  name: string;
  onChange: (features: FeatureRow[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <td style={{ whiteSpace: 'nowrap' }}>
      <button
        type="button"
        className="btn btn--small"
        aria-label={t('portfolio.moveUp', { name })}
        disabled={i === 0}
        onClick={() => onChange(move(features, i, i - 1))}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn--small"
        aria-label={t('portfolio.moveDown', { name })}
        disabled={i === features.length - 1}
        onClick={() => onChange(move(features, i, i + 1))}
      >
        ↓
      </button>
      <RemoveButton name={name} onRemove={() => onChange(features.filter((_r, j) => j !== i))} />
    </td>
  );
}
