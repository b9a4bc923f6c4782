import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actualSchema } from '@flow-forecaster/schemas';
import { href } from '../../../lib/router';
import { Field } from '../../../components/Field';
import { useFormat } from '../../../i18n/format';
import { parseOptionalNumber } from '../../../lib/numbers';
import { actualsApi, type Actual } from '../api';
import { FormAlert } from '../auth/common';
import { useAccountForm } from '../form';
import { ErrorNotice, useLoad, TableWrap } from '../ui';
import { DataRows } from '../../shared/TableHead';

interface ActualForm {
  actualWeeks: string;
  actualItems: string;
  completedDate: string;
  notes: string;
}

const blank: ActualForm = { actualWeeks: '', actualItems: '', completedDate: '', notes: '' };

/** What really happened: weeks taken, items done or the finish date, beside the forecast. */
export function Actuals({ forecastId }: { forecastId: string }) {
  const { t } = useTranslation();
  const list = useLoad(() => actualsApi.list(forecastId), [forecastId]);
  const [form, setForm] = useState<ActualForm>(blank);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const f = useAccountForm(actualSchema, 'actual');
  const set = (k: keyof ActualForm) => (e: { target: { value: string } }) =>
    setForm((cur) => ({ ...cur, [k]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Empty boxes are left out; typed text that is not a number goes to the schema as is, so
    // the error says so beside the field.
    const value = (s: string) => {
      const n = parseOptionalNumber(s);
      return n === 'invalid' ? s : n;
    };
    const body = {
      forecastId,
      actualWeeks: value(form.actualWeeks),
      actualItems: value(form.actualItems),
      completedDate: form.completedDate || undefined,
      notes: form.notes.trim() || undefined,
    };
    void f.submit(body, async (v) => {
      await actualsApi.create(v);
      setForm(blank);
      await list.reload();
    });
  };

  const remove = async (a: Actual) => {
    setRemoveError(null);
    try {
      await actualsApi.remove(a.id);
      await list.reload();
    } catch (err) {
      setRemoveError(err);
    }
  };

  const rows = list.data ?? [];
  return (
    <section className="card" aria-labelledby="actuals-title">
      <h2 id="actuals-title">{t('account.actuals.title')}</h2>
      <p className="field__hint">{t('account.actuals.lead')}</p>
      <ErrorNotice error={list.error ?? removeError} />
      {rows.length > 0 && <ActualsTable rows={rows} onRemove={(a) => void remove(a)} />}
      <form onSubmit={onSubmit} noValidate aria-label={t('account.actuals.add')}>
        <FormAlert message={f.formError} />
        <div className="row">
          <Field
            id={f.id('actualWeeks')}
            label={t('account.actuals.weeks')}
            error={f.errors.actualWeeks}
          >
            <input inputMode="decimal" value={form.actualWeeks} onChange={set('actualWeeks')} />
          </Field>
          <Field
            id={f.id('actualItems')}
            label={t('account.actuals.items')}
            error={f.errors.actualItems}
          >
            <input inputMode="numeric" value={form.actualItems} onChange={set('actualItems')} />
          </Field>
        </div>
        <Field
          id={f.id('completedDate')}
          label={t('account.actuals.completed')}
          error={f.errors.completedDate}
        >
          <input type="date" value={form.completedDate} onChange={set('completedDate')} />
        </Field>
        <Field id={f.id('notes')} label={t('account.actuals.notes')} error={f.errors.notes}>
          <textarea rows={2} value={form.notes} onChange={set('notes')} />
        </Field>
        <p className="account-actions">
          <button type="submit" className="btn btn--primary" disabled={f.busy}>
            {t('account.actuals.add')}
          </button>
          <a href={href('/saved-accuracy')}>{t('account.accuracy.title')}</a>
        </p>
      </form>
    </section>
  );
}

/** The actuals recorded so far, with each one's error against the forecast's P85. */
function ActualsTable({ rows, onRemove }: { rows: Actual[]; onRemove: (a: Actual) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <TableWrap label={t('account.actuals.title')}>
      <table data-testid="actuals">
        <DataRows
          rows={rows}
          rowKey={(a) => a.id}
          columns={[
            [t('account.actuals.weeks'), (a) => dash(a.actualWeeks, (v) => fmt.number(v, 2))],
            [t('account.actuals.items'), (a) => dash(a.actualItems, fmt.integer)],
            [t('account.actuals.completed'), (a) => dash(a.completedDate, fmt.shortDate)],
            [
              t('account.actuals.errorVsP85'),
              (a) => dash(a.errorVsP85, (v) => fmt.signedPct(v, 1)),
            ],
            [t('account.actuals.notes'), (a) => a.notes ?? ''],
            [
              t('account.fields.actions'),
              (a) => (
                <button type="button" className="btn btn--small" onClick={() => onRemove(a)}>
                  {t('common.remove')}
                </button>
              ),
            ],
          ]}
        />
      </table>
    </TableWrap>
  );
}

/** A recorded figure, or a dash where none was recorded. */
function dash<V>(v: V | null | undefined, show: (v: V) => string): string {
  return v == null || v === '' ? '—' : show(v);
}
