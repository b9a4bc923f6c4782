import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_MAX_WEEKS } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { href, navigate, useLocation } from '../../lib/router';
import { ErrorLine } from '../../components/ErrorLine';
import { TableWrap } from '../../components/TableWrap';
import { useFormat } from '../../i18n/format';
import { deliveriesApi, type Delivery } from './api';
import { BurnUpChart, JournalChart, ProbabilityChart } from './Charts';
import { FromConnection } from './FromConnection';
import { countsAsOf, deliveryItemsFromCsv, type DeliveryItems } from './jira';
import { BodyBuilder } from '../shared/body';
import { addCalendar, initialCalendar, type CalendarForm } from '../shared/calendar';
import { CalendarSection } from '../shared/CalendarSection';
import { TableHead } from '../shared/TableHead';
import { CsvFileInput } from '../shared/CsvFileInput';
import { readText } from '../shared/read-text';

/** Items imported from an export stay in the tab, so later check-ins can be counted from it. */
const imported = new Map<string, DeliveryItems>();

function useData<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    try {
      setData(await run());
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, setData };
}

function parseHistory(text: string): { weekStart: string; count: number }[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/[\s,;]+/))
    .filter((p) => p.length >= 2 && p[0] !== '')
    .map(([weekStart, count]) => ({ weekStart, count: Number(count) }));
}

export default function DeliveriesPage() {
  const query = useLocation().query;
  const projectId = query.get('project') ?? '';
  const id = query.get('id');
  return id ? (
    <DeliveryView projectId={projectId} id={id} />
  ) : (
    <DeliveryList projectId={projectId} />
  );
}

function DeliveryList({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useData(() => deliveriesApi.list(projectId), [projectId]);
  const rows = list.data ?? [];
  const open = rows.filter((d) => !d.closed);
  const closed = rows.filter((d) => d.closed);
  const link = (d: Delivery) => (
    <li key={d.id}>
      <a href={href('/deliveries', { project: projectId, id: d.id })}>{d.name}</a>{' '}
      <span className="muted">({d.checkIns.length})</span>
    </li>
  );
  return (
    <div>
      <p>
        <a href={href('/project', { id: projectId })}>← {t('deliveries.backToProject')}</a>
      </p>
      <h1>{t('deliveries.title')}</h1>
      <ErrorLine error={list.error} />
      {list.data && rows.length === 0 && <p className="empty">{t('deliveries.none')}</p>}
      <ul data-testid="deliveries-open">{open.map(link)}</ul>
      {closed.length > 0 && (
        <section aria-labelledby="deliveries-archive">
          <h2 id="deliveries-archive">{t('deliveries.archive')}</h2>
          <ul data-testid="deliveries-archive">{closed.map(link)}</ul>
        </section>
      )}
      <NewDeliveryForm projectId={projectId} />
    </div>
  );
}

/** A new delivery: name, dates, its weekly history (typed or from a tracker export), calendar. */
function NewDeliveryForm({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language || 'en';
  // The calendar the delivery's check-ins forecast on; country from the UI language.
  const [cal, setCal] = useState<CalendarForm>(() => initialCalendar(language));
  const updateCal = useCallback(<K extends keyof CalendarForm>(key: K, value: CalendarForm[K]) => {
    setCal((c) => ({ ...c, [key]: value }));
  }, []);
  const [name, setName] = useState('');
  const [start, setStart] = useState('');
  const [target, setTarget] = useState('');
  const [historyText, setHistoryText] = useState('');
  const [items, setItems] = useState<DeliveryItems | null>(null);
  const [error, setError] = useState<unknown>(null);

  const onCsv = async (file: File | undefined) => {
    if (!file) return;
    const parsed = deliveryItemsFromCsv(await readText(file));
    setItems(parsed);
    setHistoryText(parsed.history.map((w) => `${w.weekStart} ${w.count}`).join('\n'));
    if (!start && parsed.firstWeek) setStart(parsed.firstWeek);
  };

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const b = new BodyBuilder();
    addCalendar(b, cal);
    const calendar = b.build().body.calendar;
    try {
      const d = await deliveriesApi.create(projectId, {
        name,
        start,
        ...(target ? { targetDate: target } : {}),
        ...(typeof calendar === 'object' && calendar !== null
          ? { calendar: { ...calendar, language } }
          : {}),
        history: parseHistory(historyText),
        throughputModel: 'bootstrap',
      });
      if (items) imported.set(d.id, items);
      navigate('/deliveries', { project: projectId, id: d.id });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form
      className="card form-stack"
      onSubmit={(e) => void create(e)}
      aria-labelledby="delivery-new"
    >
      <h2 id="delivery-new">{t('deliveries.create')}</h2>
      <label>
        {t('deliveries.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('deliveries.start')}
        <input type="date" value={start} onChange={(e) => setStart(e.target.value)} required />
      </label>
      <label>
        {t('deliveries.target')}
        <input type="date" value={target} onChange={(e) => setTarget(e.target.value)} />
      </label>
      <label>
        {t('deliveries.csv')}
        <CsvFileInput onFile={onCsv} />
      </label>
      {items && (
        <p data-testid="delivery-csv-loaded">
          {t('deliveries.csvLoaded', {
            count: items.history.length,
            items: items.done.length,
            weeks: items.history.length,
          })}
        </p>
      )}
      <label>
        {t('deliveries.history')}
        <textarea rows={5} value={historyText} onChange={(e) => setHistoryText(e.target.value)} />
      </label>
      <CalendarSection
        form={cal}
        update={updateCal}
        errors={{}}
        id={(field) => `delivery-${field.replace(/\./g, '-')}`}
      />
      <ErrorLine error={error} />
      <button type="submit" className="btn">
        {t('deliveries.save')}
      </button>
    </form>
  );
}

type Act = (run: () => Promise<Delivery | void>) => Promise<void>;

/**
 * One delivery: its dates and exports, the journal of check-ins with its charts, the check-in
 * and close forms, reopen and remove. `act` runs a change and shows the delivery it returns.
 */
function DeliveryView({ projectId, id }: { projectId: string; id: string }) {
  const { t } = useTranslation();
  const d = useData(() => deliveriesApi.get(projectId, id), [projectId, id]);
  const [error, setError] = useState<unknown>(null);

  const act: Act = async (run) => {
    setError(null);
    try {
      const next = await run();
      if (next) d.setData(next);
    } catch (err) {
      setError(err);
    }
  };

  const delivery = d.data;
  if (d.error) return <ErrorLine error={d.error} />;
  if (!delivery) return <p className="page-loading">{t('common.loading')}</p>;
  const last = delivery.checkIns[delivery.checkIns.length - 1];

  return (
    <div>
      <p>
        <a href={href('/deliveries', { project: projectId })}>← {t('deliveries.title')}</a>
      </p>
      <DeliveryHeader projectId={projectId} delivery={delivery} />
      <ErrorLine error={error} />
      <JournalSection delivery={delivery} />
      {last && (
        <section className="card" aria-labelledby="burnup-title">
          <h2 id="burnup-title">{t('deliveries.burnUp')}</h2>
          <BurnUpChart checkIns={delivery.checkIns} />
          <h2>{t('deliveries.probability')}</h2>
          <ProbabilityChart checkIns={delivery.checkIns} />
        </section>
      )}
      {!delivery.closed && <CheckInForm projectId={projectId} delivery={delivery} act={act} />}
      {!delivery.closed ? (
        <CloseForm projectId={projectId} delivery={delivery} act={act} />
      ) : (
        <p>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => void act(() => deliveriesApi.reopen(projectId, delivery))}
          >
            {t('deliveries.reopen')}
          </button>
        </p>
      )}
      <p>
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            void act(async () => {
              await deliveriesApi.remove(projectId, id);
              navigate('/deliveries', { project: projectId });
            })
          }
        >
          {t('deliveries.remove')}
        </button>
      </p>
    </div>
  );
}

function DeliveryHeader({ projectId, delivery }: { projectId: string; delivery: Delivery }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = delivery.id;
  return (
    <>
      <h1>{delivery.name}</h1>
      <p className="lead">
        {t('deliveries.start')}: {fmt.date(delivery.start)}
        {delivery.targetDate
          ? ` · ${t('deliveries.target')}: ${fmt.date(delivery.targetDate)}`
          : ''}
        {delivery.actualDate
          ? ` · ${t('deliveries.closed', { date: fmt.date(delivery.actualDate) })}`
          : ''}
      </p>
      {delivery.closeNote && <p data-testid="delivery-close-note">{delivery.closeNote}</p>}
      <p className="account-actions">
        <a className="btn btn--small" href={deliveriesApi.exportUrl(projectId, id, 'csv')} download>
          {t('deliveries.exportCsv')}
        </a>
        <a
          className="btn btn--small"
          href={deliveriesApi.exportUrl(projectId, id, 'json')}
          download
        >
          {t('deliveries.exportJson')}
        </a>
      </p>
    </>
  );
}

export function JournalSection({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // A percentile beyond the runs' cap is no date: say so (trust rules).
  const beyond = (c: (typeof delivery.checkIns)[number]) => {
    const weeks = c.input.maxWeeks ?? DEFAULT_MAX_WEEKS;
    return t('deliveries.beyond', { count: weeks, weeks });
  };
  const dateOr = (date: string | null, c: (typeof delivery.checkIns)[number]) =>
    date === null ? beyond(c) : fmt.shortDate(date);
  return (
    <section className="card" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('deliveries.journal')}</h2>
      <p className="muted">{t('deliveries.journalHint')}</p>
      <JournalChart
        checkIns={delivery.checkIns}
        targetDate={delivery.targetDate}
        actualDate={delivery.actualDate}
      />
      <TableWrap label={t('deliveries.journal')}>
        <table data-testid="delivery-journal">
          <TableHead
            columns={[
              t('deliveries.date'),
              t('deliveries.done'),
              t('deliveries.remaining'),
              t('deliveries.scopeAdded'),
              'P50',
              'P85',
              'P95',
              t('deliveries.probability'),
              t('deliveries.note'),
            ]}
          />
          <tbody>
            {delivery.checkIns.map((c) => (
              <tr key={c.date}>
                <td>{fmt.shortDate(c.date)}</td>
                <td>{c.done}</td>
                <td>{c.remaining}</td>
                <td>{c.scopeAdded ?? '—'}</td>
                <td>{dateOr(c.completionDates.p50, c)}</td>
                <td>
                  <strong>{dateOr(c.completionDates.p85, c)}</strong>
                </td>
                <td>{dateOr(c.completionDates.p95, c)}</td>
                <td>{c.probabilityByTarget === null ? '—' : fmt.chance(c.probabilityByTarget)}</td>
                <td>{c.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** What a delivery's forms (check in, close) act on, and how they save. */
interface DeliveryFormProps {
  projectId: string;
  delivery: Delivery;
  act: Act;
}

/** A check-in: the counts on a date, typed, counted from an imported export or a connection. */
function CheckInForm({ projectId, delivery, act }: DeliveryFormProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [done, setDone] = useState('');
  const [remaining, setRemaining] = useState('');
  const [note, setNote] = useState('');
  const items = imported.get(delivery.id);
  const last = delivery.checkIns[delivery.checkIns.length - 1];

  const pickDate = (value: string) => {
    setDate(value);
    if (items && value) {
      const c = countsAsOf(items, value);
      setDone(String(c.done));
      setRemaining(String(c.remaining));
    }
  };

  return (
    <form
      className="card form-stack"
      aria-labelledby="checkin-title"
      onSubmit={(e) => {
        e.preventDefault();
        void act(async () => {
          const next = await deliveriesApi.addCheckIn(projectId, delivery, {
            date,
            done: Number(done),
            remaining: Number(remaining),
            ...(note ? { note } : {}),
          });
          setNote('');
          return next;
        });
      }}
    >
      <h2 id="checkin-title">{t('deliveries.checkIn')}</h2>
      <label>
        {t('deliveries.date')}
        <input type="date" value={date} onChange={(e) => pickDate(e.target.value)} required />
      </label>
      {items && <p className="muted">{t('deliveries.fromCsv')}</p>}
      <FromConnection
        projectId={projectId}
        date={date}
        onPick={(connectionId) =>
          void act(async () => {
            const next = await deliveriesApi.checkInFromConnection(projectId, delivery, {
              connectionId,
              date,
              ...(note ? { note } : {}),
            });
            setNote('');
            return next;
          })
        }
      />
      <CountInput label={t('deliveries.done')} value={done} onChange={setDone} />
      <CountInput label={t('deliveries.remaining')} value={remaining} onChange={setRemaining} />
      <label>
        {t('deliveries.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="btn">
        {t('deliveries.add')}
      </button>{' '}
      {last && (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => void act(() => deliveriesApi.undoCheckIn(projectId, delivery))}
        >
          {t('deliveries.undo')}
        </button>
      )}
    </form>
  );
}

function CloseForm({ projectId, delivery, act }: DeliveryFormProps) {
  const { t } = useTranslation();
  const [actual, setActual] = useState('');
  const [closeNote, setCloseNote] = useState('');
  return (
    <form
      className="card form-stack"
      aria-labelledby="close-title"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => deliveriesApi.close(projectId, delivery, actual, closeNote));
      }}
    >
      <h2 id="close-title">{t('deliveries.close')}</h2>
      <label>
        {t('deliveries.actualDate')}
        <input type="date" value={actual} onChange={(e) => setActual(e.target.value)} required />
      </label>
      <label>
        {t('deliveries.closeNote')}
        <input value={closeNote} onChange={(e) => setCloseNote(e.target.value)} />
      </label>
      <button type="submit" className="btn">
        {t('deliveries.close')}
      </button>
    </form>
  );
}

/** A check-in's count (items done, items remaining): a whole number, zero or more, required. */
function CountInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={0}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </label>
  );
}
