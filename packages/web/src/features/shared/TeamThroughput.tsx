import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryWindowNote } from '@flow-forecaster/engine';
import { href } from '../../lib/router';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { updateTeam, useTeams, type Team, type TeamWindow } from '../../lib/team-store';
import { effectiveWindow, pickWeeks, teamWeeks, type TeamWeeks } from './team-window';
import { useFollowTeam } from './useFollowTeam';

/**
 * The weeks a forecast samples from a team: its weekly throughput in the window its own
 * history calibrates best (every week with `whole`); null when it has no weeks.
 */
export function throughputOfTeam(team: Team, whole = false): number[] | null {
  const weeks = teamWeeks(team);
  if (weeks === null) return null;
  return pickWeeks(weeks, team.settings?.window, team.name, whole).used;
}

/** Past this, a forecast from the team's weeks may describe a team that has changed. */
const STALE_AFTER_DAYS = 28;

const WEEK_CHOICES = [8, 12, 26] as const;

function windowKey(w: TeamWindow): string {
  if (typeof w === 'string') return w;
  return 'weeks' in w ? String(w.weeks) : 'range';
}

/**
 * The engine's reason ("last 12 weeks: P85 held in 86% of 40 backtests") in the reader's
 * language: the note keeps the engine's English sentence, so a link carries it unchanged (notes
 * saved before the engine wrote "86%" say "86 %", hence the optional space).
 */
function reasonText(t: TFunction, reason: string): string {
  const held =
    /^(?:last (\d+) weeks|all history): P(\d+) held in (\d+) ?% of (\d+) backtests$/.exec(reason);
  if (held) {
    const label = held[1]
      ? t('teamData.windowWeeks', { count: Number(held[1]) })
      : t('teamData.windowAll');
    return t('flow.window.reason', { label, target: held[2], rate: held[3], folds: held[4] });
  }
  const short = /^all history: (\d+) weeks are too few to backtest$/.exec(reason);
  return short ? t('flow.window.tooShort', { count: Number(short[1]), weeks: short[1] }) : reason;
}

/** "last 12 weeks", "all history", "2025-06-09 – 2025-08-31": the window in words. */
export function useWindowText() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (note: HistoryWindowNote): string => {
    const w = note.window;
    const what =
      w === 'all'
        ? t('teamData.windowAll')
        : 'weeks' in w
          ? t('teamData.windowWeeks', { count: w.weeks })
          : t('teamData.windowRange', { from: fmt.shortDate(w.from), to: fmt.shortDate(w.to) });
    const span =
      note.from && note.to
        ? t('teamData.span', {
            count: note.weeks,
            weeks: note.weeks,
            from: fmt.shortDate(note.from),
            to: fmt.shortDate(note.to),
          })
        : t('teamData.spanWeeks', { count: note.weeks, weeks: note.weeks });
    const team = note.team ? `${note.team}: ` : '';
    return `${team}${what}, ${span}${note.auto && note.reason ? ` (${t('teamData.chosen', { reason: reasonText(t, note.reason) })})` : ''}`;
  };
}

/** The window a page's throughput was taken from, shown beside it (also from a share link). */
export function WindowNote({ note }: { note: HistoryWindowNote }) {
  const { t } = useTranslation();
  const text = useWindowText();
  return (
    <p className="field__hint" data-testid="tp-window">
      <strong>{t('teamData.window')}:</strong> {text(note)}
    </p>
  );
}

/**
 * The weeks a shown result was run from, in its panel: the team's window when the weeks came
 * from a team (the note sent with them), else all the weeks given. Read from the run's own
 * request, so it never describes inputs changed since.
 */
export function ResultWindow({
  input,
  note,
  field = 'tpSamples',
}: {
  input: unknown;
  /** The note of a request whose schema does not keep it (backtest, cost, PBC): the run's form. */
  note?: HistoryWindowNote | null;
  field?: 'tpSamples' | 'values';
}) {
  const { t } = useTranslation();
  const text = useWindowText();
  const i = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const weeks = Array.isArray(i[field]) ? i[field].length : 0;
  if (weeks === 0) return null;
  const sent = (i.historyWindow as HistoryWindowNote | undefined) ?? note;
  return (
    <p className="field__hint" data-testid="result-window">
      <strong>{t('teamData.window')}:</strong>{' '}
      {sent && sent.weeks === weeks ? text(sent) : text({ window: 'all', weeks })}
    </p>
  );
}

/**
 * Fills a page's throughput from the current team, from the team's window (by default the one
 * its own history calibrates best, with the reason), so the user loads the team once for
 * every page. The window is the team's setting: the same on every page, saved with the team.
 */
export function TeamThroughput({
  onUse,
  whole = false,
  follow,
}: {
  onUse: (weekly: number[], note: HistoryWindowNote) => void;
  /** Every week, for pages that look at the whole history themselves (backtest, PBC). */
  whole?: boolean;
  /**
   * The form's weeks follow the team (`useFollowTeam`): given the note of the weeks it holds
   * and whether they are still the example. The page shows that note itself, so no second
   * "applied" line repeats it.
   */
  follow?: { formNote: HistoryWindowNote | null | undefined; untouched: boolean };
}) {
  const { t } = useTranslation();
  const text = useWindowText();
  const { current } = useTeams();
  const [applied, setApplied] = useState<string | null>(null);
  const weeks = useMemo(() => (current ? teamWeeks(current) : null), [current]);
  const window = weeks ? effectiveWindow(weeks, current?.settings?.window) : 'auto';
  const picked = useMemo(
    () => (current && weeks ? pickWeeks(weeks, window, current.name, whole) : null),
    [current, weeks, window, whole],
  );
  useFollowTeam(follow ? picked : null, {
    formNote: follow?.formNote,
    untouched: follow?.untouched ?? false,
    onUse,
  });
  if (!current || !weeks || !picked) {
    return (
      <p className="field__hint">
        {t('teamData.none')} <a href={href('/team')}>{t('teamData.link')}</a>
      </p>
    );
  }
  // The example team's own name already says it is an example: a suffix would say it twice.
  const name = current.name;
  // Weeks typed by hand are no window of the team's: the select must not name one for them.
  const custom = follow !== undefined && !follow.untouched && !follow.formNote;
  const setWindow = (w: TeamWindow) => {
    setApplied(null);
    void updateTeam(current.id, { settings: { ...current.settings, window: w } });
    // Picking a window here asks for its weeks: over weeks typed by hand the follow would keep
    // the typed ones (a window changed elsewhere must not overwrite them), so put them in now.
    if (custom) {
      const next = pickWeeks(weeks, w, current.name, whole);
      onUse(next.used, next.note);
    }
  };
  return (
    <div className="team-throughput">
      {!whole && (
        <WindowChoice window={window} custom={custom} weeks={weeks} setWindow={setWindow} />
      )}
      <button
        type="button"
        className="btn btn--small"
        disabled={picked.used.length === 0}
        onClick={() => {
          onUse(picked.used, picked.note);
          setApplied(
            whole
              ? t('teamData.appliedAll', {
                  count: picked.used.length,
                  weeks: picked.used.length,
                  team: name,
                })
              : text(picked.note),
          );
        }}
      >
        {t('teamData.use', { team: name })}
      </button>
      {picked.used.length === 0 && (
        <p className="field__hint" data-testid="team-throughput-empty">
          {t('teamData.emptyWindow')}
        </p>
      )}
      {weeks.staleDays !== null && weeks.staleDays > STALE_AFTER_DAYS && (
        <p className="field__hint" data-testid="team-throughput-stale">
          {t('teamData.stale', { days: weeks.staleDays })}
        </p>
      )}
      {applied && !follow && (
        <p className="field__hint" data-testid="team-throughput-applied">
          {applied}
        </p>
      )}
    </div>
  );
}

/** The team's window: automatic, the last N weeks, all history, or a range of dates. */
function WindowChoice({
  window,
  custom,
  weeks,
  setWindow,
}: {
  window: TeamWindow;
  /** The form holds weeks typed by hand: the select says so instead of naming a preset. */
  custom: boolean;
  weeks: TeamWeeks;
  setWindow: (w: TeamWindow) => void;
}) {
  const { t } = useTranslation();
  // The dates being typed: the window changes only once they make a range (from ≤ to).
  const [range, setRange] = useState(() =>
    typeof window === 'object' && 'from' in window ? window : { from: '', to: '' },
  );
  const onRange = (next: { from: string; to: string }) => {
    setRange(next);
    if (next.from && next.to && next.from <= next.to) setWindow(next);
  };
  const rec = weeks.recommended.window;
  const recText =
    rec === 'all' ? t('teamData.windowAll') : t('teamData.windowWeeks', { count: rec });
  return (
    <div className="row">
      <Field id="team-window" label={t('teamData.window')}>
        <select
          value={custom ? 'custom' : windowKey(window)}
          data-testid="team-window"
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'auto' || v === 'all') setWindow(v);
            else if (v === 'range') {
              const from = range.from || weeks.weekStarts?.[0] || '';
              const to = range.to || weeks.weekStarts?.[weeks.weekStarts.length - 1] || '';
              onRange({ from, to });
            } else setWindow({ weeks: Number(v) });
          }}
        >
          <option value="auto">{t('teamData.windowAuto', { window: recText })}</option>
          {WEEK_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {t('teamData.windowWeeks', { count: n })}
            </option>
          ))}
          <option value="all">{t('teamData.windowAll')}</option>
          {weeks.weekStarts && <option value="range">{t('teamData.windowDates')}</option>}
          {custom && (
            <option value="custom" disabled>
              {t('teamData.windowCustom')}
            </option>
          )}
        </select>
      </Field>
      {windowKey(window) === 'range' && (
        <>
          {(['from', 'to'] as const).map((end) => (
            <Field
              key={end}
              id={`team-window-${end}`}
              label={end === 'from' ? t('teamData.from') : t('teamData.to')}
            >
              <input
                type="date"
                value={range[end]}
                data-testid={`team-window-${end}`}
                onChange={(e) => onRange({ ...range, [end]: e.target.value })}
              />
            </Field>
          ))}
        </>
      )}
    </div>
  );
}
