import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap';
import { fieldId, type FieldErrors } from '../shared/issues';
import { throughputOfTeam } from '../shared/TeamThroughput';
import { useTeams } from '../../lib/team-store';
import { blankFeature, blankTeam, cellError, move, type FeatureRow, type TeamRow } from './form';

const PREFIX = 'pf';

function CellInput({
  path,
  label,
  value,
  error,
  onChange,
  type = 'text',
  inputMode = 'text',
}: {
  path: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  type?: 'text' | 'date';
  inputMode?: 'text' | 'decimal' | 'numeric';
}) {
  const id = fieldId(PREFIX, path);
  return (
    <>
      <input
        id={id}
        type={type}
        aria-label={label}
        inputMode={type === 'date' ? undefined : inputMode}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
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

function Head({ labels }: { labels: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {labels.map((l, i) => (
          <th key={i} scope="col">
            {l}
          </th>
        ))}
      </tr>
    </thead>
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
    <fieldset className="fieldset">
      <legend>{t('portfolio.teams')}</legend>
      <TableWrap label={t('portfolio.teams')}>
        <table className="editable" data-testid="pf-teams">
          <Head
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
                <td>
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
                  <button
                    type="button"
                    className="btn btn--small btn--danger"
                    aria-label={t('portfolio.remove', { name: team.name || i + 1 })}
                    onClick={() => onChange(teams.filter((_r, j) => j !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ListError error={errors.teams} />
      <button
        type="button"
        className="btn btn--small"
        onClick={() => onChange([...teams, { ...blankTeam }])}
      >
        {t('portfolio.addTeam')}
      </button>
    </fieldset>
  );
}

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
  const set = (i: number, key: keyof FeatureRow, value: string) =>
    onChange(features.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const label = (key: string, f: FeatureRow, i: number) =>
    `${t(`portfolio.${key}`)} (${f.name || i + 1})`;
  return (
    <fieldset className="fieldset">
      <legend>{t('portfolio.features')}</legend>
      <p className="field__hint">{t('portfolio.featuresHint')}</p>
      <TableWrap label={t('portfolio.features')}>
        <table className="editable" data-testid="pf-features">
          <Head
            labels={[
              '#',
              t('portfolio.feature'),
              t('portfolio.team'),
              t('portfolio.size'),
              t('portfolio.parts'),
              t('portfolio.targetDate'),
              t('portfolio.costOfDelay'),
              t('portfolio.dependsOn'),
              <span className="visually-hidden">{t('common.remove')}</span>,
            ]}
          />
          <tbody>
            {features.map((f, i) => {
              const name = f.name || String(i + 1);
              return (
                <tr
                  key={i}
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
                    <span
                      aria-hidden="true"
                      title={t('portfolio.drag', { name })}
                      style={{ cursor: 'grab' }}
                    >
                      ⠿
                    </span>{' '}
                    {i + 1}
                  </td>
                  <td style={{ minWidth: '9em' }}>
                    <CellInput
                      path={`features.${i}.name`}
                      label={`${t('portfolio.feature')} (${i + 1})`}
                      value={f.name}
                      error={cellError(errors, i, 'name')}
                      onChange={(v) => set(i, 'name', v)}
                    />
                  </td>
                  <td style={{ minWidth: '7em' }}>
                    <select
                      id={fieldId(PREFIX, `features.${i}.team`)}
                      aria-label={label('team', f, i)}
                      value={f.team}
                      disabled={f.parts.trim() !== ''}
                      aria-invalid={cellError(errors, i, 'team') ? true : undefined}
                      onChange={(e) => set(i, 'team', e.target.value)}
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
                    {cellError(errors, i, 'team') && (
                      <span className="field__error" role="alert">
                        {cellError(errors, i, 'team')}
                      </span>
                    )}
                  </td>
                  <td style={{ minWidth: '5em' }}>
                    <CellInput
                      path={`features.${i}.size`}
                      label={label('size', f, i)}
                      value={f.size}
                      error={cellError(errors, i, 'size')}
                      onChange={(v) => set(i, 'size', v)}
                    />
                  </td>
                  <td>
                    <CellInput
                      path={`features.${i}.parts`}
                      label={label('parts', f, i)}
                      value={f.parts}
                      error={cellError(errors, i, 'parts')}
                      onChange={(v) => set(i, 'parts', v)}
                    />
                  </td>
                  <td>
                    <CellInput
                      path={`features.${i}.targetDate`}
                      type="date"
                      label={label('targetDate', f, i)}
                      value={f.targetDate}
                      error={cellError(errors, i, 'targetDate')}
                      onChange={(v) => set(i, 'targetDate', v)}
                    />
                  </td>
                  <td style={{ minWidth: '6em' }}>
                    <CellInput
                      path={`features.${i}.costOfDelayPerWeek`}
                      label={label('costOfDelay', f, i)}
                      value={f.costOfDelay}
                      inputMode="decimal"
                      error={cellError(errors, i, 'costOfDelayPerWeek')}
                      onChange={(v) => set(i, 'costOfDelay', v)}
                    />
                  </td>
                  <td style={{ minWidth: '8em' }}>
                    <CellInput
                      path={`features.${i}.dependsOn`}
                      label={label('dependsOn', f, i)}
                      value={f.dependsOn}
                      error={cellError(errors, i, 'dependsOn')}
                      onChange={(v) => set(i, 'dependsOn', v)}
                    />
                  </td>
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
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      aria-label={t('portfolio.remove', { name })}
                      onClick={() => onChange(features.filter((_r, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <ListError error={errors.features} />
      <button
        type="button"
        className="btn btn--small"
        onClick={() => onChange([...features, { ...blankFeature }])}
      >
        {t('portfolio.addFeature')}
      </button>
    </fieldset>
  );
}
