import {
  DATE_TIME_FORMATS,
  detectDateTimeFormat,
  historyFromItems,
  type HistoryResult,
  type WorkItemInput,
} from '@flow-forecaster/engine';
import Papa from 'papaparse';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { calendarOfForm, prepareCalendar, type CalendarForm } from '../shared/calendar';
import { readText } from '../shared/read-text';
import { CsvFileInput } from '../shared/CsvFileInput';

interface Table {
  columns: string[];
  rows: Record<string, string>[];
}

const FORMAT_CHOICES: { key: 'auto' | 'iso' | 'dmy' | 'mdy' | 'jira'; format: string | null }[] = [
  { key: 'auto', format: null },
  { key: 'iso', format: DATE_TIME_FORMATS.iso },
  { key: 'dmy', format: DATE_TIME_FORMATS.dayFirst },
  { key: 'mdy', format: DATE_TIME_FORMATS.azureUs },
  { key: 'jira', format: DATE_TIME_FORMATS.jira },
];

// Column names trackers and spreadsheets use, in the languages of our users.
const DONE_NAMES = /resolved|closed|completed|done|finish|conclus|entreg|finaliz|fin\b|cerrad/i;
const START_NAMES = /start|activated|begin|in[ií]cio|inicio|comenz/i;

export function parseCsv(text: string): Table {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const columns = (parsed.meta.fields ?? []).filter((c) => c.trim() !== '');
  return { columns, rows: parsed.data };
}

export function guessColumn(columns: string[], pattern: RegExp, avoid?: string): string {
  return columns.find((c) => c !== avoid && pattern.test(c)) ?? '';
}

type Preview =
  | { history: HistoryResult; format: string | null; items: WorkItemInput[] }
  | { error: string }
  | null;

/** The weekly history the chosen columns and date format give, or why they give none. */
function previewHistory(
  table: Table | null,
  done: string,
  start: string,
  formatKey: (typeof FORMAT_CHOICES)[number]['key'],
): Preview {
  if (!table || !done) return null;
  try {
    const choice = FORMAT_CHOICES.find((c) => c.key === formatKey)?.format ?? null;
    const doneValues = table.rows.map((r) => r[done]);
    const detected = choice ?? detectDateTimeFormat(doneValues);
    const format =
      typeof detected === 'string' ? detected : (detected.format ?? detected.candidates[0] ?? null);
    const items = table.rows.map((r) => ({
      done: r[done]?.trim() || null,
      start: start ? r[start]?.trim() || null : null,
    }));
    const history = historyFromItems(format ? { items, dateFormat: format } : { items });
    return { history, format, items };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function ColumnSelect({
  id,
  label,
  columns,
  value,
  onChange,
}: {
  id: string;
  label: string;
  columns: string[];
  value: string;
  onChange: (column: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('csv.none')}</option>
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </Field>
  );
}

type CalendarHistory = { history: HistoryResult } | { error: string } | null;

/**
 * With the page's calendar on, the same history on that calendar (spec calendars.md): its short
 * weeks (holidays, days off) named, and left out of the samples when the user asks. The holiday
 * rules and the schema that resolves the country to dates load only then.
 */
function useCalendarHistory(
  preview: Preview,
  calendar: CalendarForm | undefined,
  exclude: boolean,
): CalendarHistory {
  const { i18n } = useTranslation();
  const language = i18n.language || 'en';
  const [result, setResult] = useState<CalendarHistory>(null);
  const base = preview && 'history' in preview ? preview : null;
  // The calendar as the request carries it: the page's other fields changing re-runs nothing.
  const calendarKey =
    calendar?.calendarOn === true ? JSON.stringify(calendarOfForm(calendar)) : null;
  const on = calendarKey !== null && base !== null && base.history.from !== null;
  useEffect(() => {
    if (!on || base === null || calendarKey === null) {
      setResult(null);
      return;
    }
    let live = true;
    const body: Record<string, unknown> = {
      items: base.items,
      from: base.history.from,
      calendar: JSON.parse(calendarKey) as unknown,
      excludeShortWeeks: exclude,
      ...(base.format ? { dateFormat: base.format } : {}),
    };
    void (async () => {
      await prepareCalendar(body, language);
      const { parseRequest } = await import('@flow-forecaster/schemas');
      const parsed = parseRequest('history', body);
      if (!live) return;
      setResult(
        parsed.ok ? { history: historyFromItems(parsed.value) } : { error: parsed.error.message },
      );
    })().catch((err: unknown) => {
      if (live) setResult({ error: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      live = false;
    };
  }, [on, base, calendarKey, exclude, language]);
  return on ? result : null;
}

/** The short weeks of a history on the page's calendar, and the switch that leaves them out. */
function ShortWeeks({
  history,
  exclude,
  onExclude,
}: {
  history: HistoryResult;
  exclude: boolean;
  onExclude: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const short = history.shortWeeks ?? [];
  return (
    <div data-testid="csv-short-weeks">
      <p className="field__hint">
        {short.length === 0
          ? t('csv.noShortWeeks')
          : t('csv.shortWeeks', { count: short.length, weeks: short.join(', ') })}
      </p>
      {short.length > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={exclude} onChange={(e) => onExclude(e.target.checked)} />{' '}
          {t('csv.excludeShortWeeks')}
        </label>
      )}
    </div>
  );
}

/** Items done, weeks, items still open, unreadable dates, and the weekly counts themselves. */
function HistorySummary({ history }: { history: HistoryResult }) {
  const { t } = useTranslation();
  return (
    <div role="status" data-testid="csv-summary">
      <p>
        {t('csv.summary', {
          count: history.weeklyThroughput.length,
          done: history.counts.done,
          weeks: history.weeklyThroughput.length,
          inProgress: history.counts.inProgress,
          notStarted: history.counts.notStarted,
        })}
      </p>
      {history.counts.invalid > 0 && (
        <p className="notice notice--warn">
          {t('csv.unreadable', { count: history.counts.invalid })}
        </p>
      )}
      <p className="field__hint">{history.weeklyThroughput.join(', ')}</p>
    </div>
  );
}

type FormatKey = (typeof FORMAT_CHOICES)[number]['key'];

/** Which columns hold the done and start dates, and how their dates are written. */
function ColumnMapping({
  table,
  done,
  start,
  formatKey,
  detected,
  onDone,
  onStart,
  onFormat,
}: {
  table: Table;
  done: string;
  start: string;
  formatKey: FormatKey;
  detected: string | null;
  onDone: (column: string) => void;
  onStart: (column: string) => void;
  onFormat: (key: FormatKey) => void;
}) {
  const { t } = useTranslation();
  // Both date columns are picked from the file's columns.
  const pick = (id: string, label: string, value: string, onChange: (column: string) => void) => (
    <ColumnSelect id={id} label={label} columns={table.columns} value={value} onChange={onChange} />
  );
  return (
    <>
      <p className="field__hint">
        {t('csv.rows', { count: table.rows.length, columns: table.columns.length })}
      </p>
      <div className="row">
        {pick('csv-done', t('csv.doneColumn'), done, onDone)}
        {pick('csv-start', t('csv.startColumn'), start, onStart)}
      </div>
      <Field id="csv-format" label={t('csv.dateFormat')} hint={detected ?? undefined}>
        <select value={formatKey} onChange={(e) => onFormat(e.target.value as FormatKey)}>
          {FORMAT_CHOICES.map((c) => (
            <option key={c.key} value={c.key}>
              {t(`csv.formats.${c.key}`)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/**
 * The column-mapping step of a tracker export: pick the done (and start) column and the date
 * format; the engine turns the items into weekly throughput (zero weeks included) and lead times.
 */
export default function CsvImport({
  onApply,
  onClose,
  calendar,
}: {
  onApply: (tp: number[], lt: number[]) => void;
  onClose: () => void;
  /** The page's calendar: when on, the history's short weeks are named and can be left out. */
  calendar?: CalendarForm;
}) {
  const { t } = useTranslation();
  const [table, setTable] = useState<Table | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [start, setStart] = useState('');
  const [formatKey, setFormatKey] = useState<(typeof FORMAT_CHOICES)[number]['key']>('auto');

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = parseCsv(await readText(file));
      setTable(parsed);
      setReadError(null);
      const d = guessColumn(parsed.columns, DONE_NAMES);
      setDone(d);
      setStart(guessColumn(parsed.columns, START_NAMES, d));
    } catch (err) {
      setReadError((err as Error).message);
    }
  };

  const [excludeShort, setExcludeShort] = useState(false);
  const base = useMemo(
    () => previewHistory(table, done, start, formatKey),
    [table, done, start, formatKey],
  );
  const onCalendar = useCalendarHistory(base, calendar, excludeShort);
  // On a calendar the history used is the calendar's (short weeks out when asked); its error,
  // if the calendar cannot be read, stands where the history would.
  const preview: Preview =
    onCalendar === null
      ? base
      : 'error' in onCalendar
        ? onCalendar
        : base && 'history' in base
          ? { ...base, history: onCalendar.history }
          : base;

  return (
    <div className="card" role="group" aria-labelledby="csv-title" data-testid="csv-import">
      <h3 id="csv-title">{t('csv.title')}</h3>
      <Field
        id="csv-file"
        label={t('csv.file')}
        error={readError ? t('csv.parseFailed', { message: readError }) : undefined}
      >
        <CsvFileInput onFile={onFile} plain />
      </Field>
      {table && (
        <ColumnMapping
          table={table}
          done={done}
          start={start}
          formatKey={formatKey}
          detected={preview && 'format' in preview ? preview.format : null}
          onDone={setDone}
          onStart={setStart}
          onFormat={setFormatKey}
        />
      )}
      {preview && 'error' in preview && (
        <p className="notice notice--error" role="alert">
          {t('csv.parseFailed', { message: preview.error })}
        </p>
      )}
      {preview && 'history' in preview && <HistorySummary history={preview.history} />}
      {onCalendar && 'history' in onCalendar && (
        <ShortWeeks
          history={onCalendar.history}
          exclude={excludeShort}
          onExclude={setExcludeShort}
        />
      )}
      <div className="run-controls">
        <button
          type="button"
          className="btn btn--primary"
          disabled={
            !preview || !('history' in preview) || preview.history.weeklyThroughput.length === 0
          }
          onClick={() => {
            if (preview && 'history' in preview)
              onApply(preview.history.weeklyThroughput, preview.history.leadTimes);
          }}
        >
          {t('csv.apply')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('csv.close')}
        </button>
      </div>
    </div>
  );
}
