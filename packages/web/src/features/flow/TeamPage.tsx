import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowMetrics, parseDateTime } from '@flow-forecaster/engine';
import { href } from '../../lib/router';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { deleteTeam, saveTeam, selectTeam, useTeams, type Team } from '../../lib/team-store';
import { importCsv, parseThroughput, type ImportedItems } from './import';
import { readText } from '../shared/read-text';
import { ProjectSync } from './ProjectSync';
import { SampleBadge } from './SampleBadge';
import './flow.css';
import { CsvFileInput } from '../shared/CsvFileInput';

const SAMPLE_FILE = 'jira-export.csv';

/** Loaded only when asked for, so the example never adds to the first page's weight. */
async function sampleText(): Promise<string> {
  const mod = await import('../../../../../samples/jira-export.csv?raw');
  return mod.default;
}

function TeamSummary({ team }: { team: Team }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const backlog = useMemo(
    () => (team.items.length > 0 ? flowMetrics(team.items, { window: 'all' }).backlog : null),
    [team],
  );
  return (
    <div className="card" data-testid="team-summary">
      <h2>
        {team.name}
        {team.sample && (
          <>
            {' '}
            <SampleBadge />
          </>
        )}
      </h2>
      {team.sample && <p className="notice notice--warn">{t('flow.team.sampleNote')}</p>}
      {team.source !== 'throughput' ? (
        <p data-testid="team-loaded">
          {t('flow.team.imported', {
            items: fmt.integer(team.items.length),
            file: team.fileName ?? '',
          })}
        </p>
      ) : (
        <p data-testid="team-loaded">
          {t('flow.team.pasted', {
            count: team.throughput.length,
            weeks: fmt.integer(team.throughput.length),
          })}
        </p>
      )}
      {backlog && (
        <p data-testid="team-backlog">
          {t('flow.team.backlog', {
            inProgress: fmt.integer(backlog.inProgress),
            notStarted: fmt.integer(backlog.notStarted),
            total: fmt.integer(backlog.total),
          })}
        </p>
      )}
      {team.rejected.length > 0 && (
        <div className="notice notice--warn" data-testid="team-rejected">
          <p>{t('flow.team.rejected', { count: team.rejected.length })}</p>
          <ul>
            {team.rejected.slice(0, 50).map((r) => (
              <li key={r.field}>
                <code>{r.field}</code>
                {r.id ? ` (${r.id})` : ''}: {t(`flow.problems.${r.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {team.items.length > 0 && (
        <p>
          <a className="btn" href={href('/flow/cycle-time')}>
            {t('flow.team.openFlow')}
          </a>
        </p>
      )}
    </div>
  );
}

/** The team workspace: create, import, paste, switch and delete teams kept in this browser. */
interface AmbiguousDates {
  text: string;
  fileName: string;
  sample: boolean;
  formats: string[];
  preview: { column: string; value: string }[];
}

export default function TeamPage() {
  const { t } = useTranslation();
  const { teams, current, loaded } = useTeams();
  const load = useTeamImport(current);
  const { ask } = load;
  return (
    <div className="team-page">
      <h1>{t('flow.team.title')}</h1>
      <p className="lead">{t('flow.team.lead')}</p>
      <div className="layout">
        <section className="card" aria-labelledby="team-load-title">
          <h2 id="team-load-title">{t('flow.team.current')}</h2>
          {loaded && teams.length === 0 && <p className="empty">{t('flow.team.none')}</p>}
          {teams.length > 0 && <TeamList teams={teams} currentId={current?.id} />}
          <Field id="team-name" label={t('flow.team.name')}>
            <input value={load.name} onChange={(e) => load.setName(e.target.value)} />
          </Field>
          <Field id="team-csv" label={t('flow.team.csv')}>
            <CsvFileInput onFile={load.onFile} />
          </Field>
          <Field id="team-paste" label={t('flow.team.paste')}>
            <textarea rows={3} value={load.paste} onChange={(e) => load.setPaste(e.target.value)} />
          </Field>
          <p>
            <button type="button" className="btn" onClick={() => void load.onPaste()}>
              {t('flow.team.savePaste')}
            </button>{' '}
            <button type="button" className="btn" onClick={() => void load.onSample()}>
              {t('flow.team.sample')}
            </button>
          </p>
          {load.error && (
            <p className="notice notice--error" role="alert">
              {load.error}
            </p>
          )}
          {ask && (
            <AmbiguousDatesPrompt
              ask={ask}
              onPick={(format) =>
                void load.saveImport(importCsv(ask.text, format), ask.fileName, ask.sample)
              }
            />
          )}
          {load.notes && <p className="field__hint">{load.notes}</p>}
        </section>
        <div>
          {current && <TeamSummary team={current} />}
          <ProjectSync current={current} />
        </div>
      </div>
    </div>
  );
}

/**
 * Loading a team: a tracker CSV, the example data or pasted weekly counts, saved as a team in
 * this browser (or into the current team, on a re-import). Dates a CSV writes in two possible
 * formats are asked about, not guessed.
 */
function useTeamImport(current: ReturnType<typeof useTeams>['current']) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [paste, setPaste] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string | null>(null);
  const [ask, setAsk] = useState<AmbiguousDates | null>(null);

  const saveImport = async (
    read: ImportedItems,
    fileName: string,
    sample: boolean,
    text?: string,
  ) => {
    // Trust rules: dates that fit two formats (every day ≤ 12) are never guessed: ask.
    if (read.ambiguousFormats.length > 0 && read.dateFormat !== null && text !== undefined) {
      setAsk({
        text,
        fileName,
        sample,
        formats: [read.dateFormat, ...read.ambiguousFormats],
        preview: read.preview,
      });
      setNotes(null);
      return;
    }
    setAsk(null);
    if (read.items.length === 0 && read.rejected.length === 0) {
      setError(t('flow.team.noItems'));
      return;
    }
    const columns = Object.entries(read.columns)
      .map(([field, column]) => `${field} = ${column}`)
      .join(', ');
    setNotes(
      read.ambiguousFormats.length > 0
        ? t('flow.team.ambiguous', {
            format: read.dateFormat ?? '—',
            others: read.ambiguousFormats.join(', '),
          })
        : t('flow.team.columns', { columns, format: read.dateFormat ?? '—' }),
    );
    setError(null);
    // The example team is named as a team: its badge already says "Example data", once.
    const teamName =
      name.trim() || (sample ? t('flow.team.sampleName') : fileName.replace(/\.csv$/i, ''));
    // Importing into the current team replaces its data; example data always gets a team of its own.
    const target = !sample && current && !current.sample && !name.trim() ? current : null;
    await saveTeam({
      // A re-import keeps the team's window and its project link (the next save replaces it).
      ...(target ? { id: target.id, settings: target.settings, remote: target.remote } : {}),
      name: target ? target.name : teamName,
      sample,
      source: 'csv',
      fileName,
      items: read.items,
      throughput: [],
      rejected: read.rejected,
    });
    setName('');
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const text = await readText(file);
      await saveImport(importCsv(text), file.name, false, text);
    } catch (err) {
      setError(t('flow.team.readError', { message: (err as Error).message }));
    }
  };

  const onSample = async () => {
    try {
      await saveImport(importCsv(await sampleText()), SAMPLE_FILE, true);
    } catch (err) {
      setError(t('flow.team.readError', { message: (err as Error).message }));
    }
  };

  const onPaste = async () => {
    const values = parseThroughput(paste);
    if (!values) {
      setError(t('flow.team.readError', { message: paste.slice(0, 40) }));
      return;
    }
    setError(null);
    await saveTeam({
      name: name.trim() || t('flow.nav.team'),
      sample: false,
      source: 'throughput',
      fileName: null,
      items: [],
      throughput: values,
      rejected: [],
    });
    setName('');
    setPaste('');
  };

  return {
    name,
    setName,
    paste,
    setPaste,
    error,
    notes,
    ask,
    saveImport,
    onFile,
    onSample,
    onPaste,
  };
}

function TeamList({
  teams,
  currentId,
}: {
  teams: ReturnType<typeof useTeams>['teams'];
  currentId: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <ul className="team-list" data-testid="team-list">
      {teams.map((team) => (
        <li key={team.id}>
          <label>
            <input
              type="radio"
              name="current-team"
              checked={team.id === currentId}
              onChange={() => void selectTeam(team.id)}
            />{' '}
            {team.name}
          </label>
          {team.sample && <SampleBadge />}
          <button type="button" className="btn btn--small" onClick={() => void deleteTeam(team.id)}>
            {t('flow.team.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Each possible date format with the first dates read in it, to pick the right one. */
function AmbiguousDatesPrompt({
  ask,
  onPick,
}: {
  ask: AmbiguousDates;
  onPick: (format: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="notice" role="alert" data-testid="ambiguous-dates">
      <p>
        {t('flow.team.askFormat', {
          columns: [...new Set(ask.preview.map((p) => p.column))].join(', '),
        })}
      </p>
      {ask.formats.map((format) => (
        <p key={format}>
          <button type="button" className="btn btn--small" onClick={() => onPick(format)}>
            {t('flow.team.useFormat', { format })}
          </button>{' '}
          {ask.preview
            .map((p) => {
              const iso = parseDateTime(p.value, format);
              return `${p.value} → ${iso ? fmt.date(iso.slice(0, 10)) : '—'}`;
            })
            .join('; ')}
        </p>
      ))}
    </div>
  );
}
