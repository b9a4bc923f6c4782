import { COMMON_CURRENCIES } from '../../i18n/languages';
import { useTranslation } from 'react-i18next';
import type { HistoryWindowNote } from '@flow-forecaster/engine';
import { Field } from '../../components/Field';
import type { FieldErrors } from './issues';
import { TeamThroughput, WindowNote } from './TeamThroughput';

/** What a form section needs from `useForecastPage`: the form, its setter, errors and ids. */
export interface FormSectionProps<F> {
  form: F;
  update: <K extends keyof F>(key: K, value: F[K]) => void;
  errors: FieldErrors;
  id: (field: string) => string;
}

/** Throughput history or a three-point estimate: shared by every throughput-driven page. */
export interface ThroughputForm {
  tpText: string;
  model: 'weibull' | 'bootstrap' | 'estimate';
  pBest: string;
  pLikely: string;
  pWorst: string;
  /** The team window the weeks were taken from; cleared when the weeks are typed by hand. */
  tpWindow?: HistoryWindowNote | null;
}

export const defaultThroughput: ThroughputForm = {
  tpText: '5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7',
  model: 'weibull',
  pBest: '',
  pLikely: '',
  pWorst: '',
};

export function ThroughputFields<F extends ThroughputForm>({
  form,
  update,
  errors,
  id,
  allowEstimate = true,
  children,
}: {
  form: F;
  update: <K extends keyof F>(key: K, value: F[K]) => void;
  errors: FieldErrors;
  id: (field: string) => string;
  allowEstimate?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const estimate = form.model === 'estimate';
  return (
    <fieldset>
      <legend>{t('throughput.legend')}</legend>
      <Field
        id={id('throughputModel')}
        label={t('throughput.model')}
        error={errors.throughputModel}
      >
        <select value={form.model} onChange={(e) => update('model', e.target.value as F['model'])}>
          <option value="weibull">{t('throughput.models.weibull')}</option>
          <option value="bootstrap">{t('throughput.models.bootstrap')}</option>
          {allowEstimate && <option value="estimate">{t('throughput.models.estimate')}</option>}
        </select>
      </Field>
      {!estimate && (
        <Field
          id={id('tpSamples')}
          label={t('throughput.samples')}
          hint={t('throughput.samplesHint')}
          error={errors.tpSamples}
        >
          <textarea
            value={form.tpText}
            onChange={(e) => {
              update('tpText', e.target.value);
              if (form.tpWindow) update('tpWindow', null as F['tpWindow']);
            }}
            rows={3}
            spellCheck={false}
          />
        </Field>
      )}
      {!estimate && form.tpWindow && <WindowNote note={form.tpWindow} />}
      {!estimate && (
        <TeamThroughput
          onUse={(weekly, note) => {
            update('tpText', weekly.join(', '));
            update('tpWindow', note as F['tpWindow']);
          }}
          follow={{
            formNote: form.tpWindow,
            untouched: !form.tpWindow && form.tpText === defaultThroughput.tpText,
          }}
        />
      )}
      {!estimate && children}
      {estimate && (
        <>
          <p className="field__hint">{t('throughput.estimateHint')}</p>
          <div className="row">
            <Field id={id('pWorst')} label={t('throughput.pWorst')} error={errors.pWorst}>
              <input
                inputMode="decimal"
                value={form.pWorst}
                onChange={(e) => update('pWorst', e.target.value)}
              />
            </Field>
            <Field id={id('pLikely')} label={t('throughput.pLikely')} error={errors.pLikely}>
              <input
                inputMode="decimal"
                value={form.pLikely}
                onChange={(e) => update('pLikely', e.target.value)}
              />
            </Field>
            <Field id={id('pBest')} label={t('throughput.pBest')} error={errors.pBest}>
              <input
                inputMode="decimal"
                value={form.pBest}
                onChange={(e) => update('pBest', e.target.value)}
              />
            </Field>
          </div>
        </>
      )}
    </fieldset>
  );
}

export function addThroughput(
  b: {
    list(field: string, text: string, required?: boolean): number[] | undefined;
    number(field: string, text: string): number | undefined;
    set(field: string, value: unknown): void;
  },
  form: ThroughputForm,
): void {
  b.set('throughputModel', form.model);
  if (form.model === 'estimate') {
    b.number('pBest', form.pBest);
    b.number('pLikely', form.pLikely);
    b.number('pWorst', form.pWorst);
  } else {
    b.list('tpSamples', form.tpText);
    if (form.tpWindow) b.set('historyWindow', form.tpWindow);
  }
}

/** What a `Field` passes to the control inside it. */
export interface FieldControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A plain text/number input bound to one form key; `Field` passes id and aria props through. */
export function TextInput<F>({
  form,
  name,
  update,
  inputMode = 'decimal',
  type = 'text',
  placeholder,
  ...rest
}: {
  form: F;
  name: keyof F & string;
  update: <K extends keyof F>(key: K, value: F[K]) => void;
  inputMode?: 'decimal' | 'numeric' | 'text';
  type?: 'text' | 'date';
  placeholder?: string;
  /** A datalist's id: suggestions the user may pick or ignore. */
  list?: string;
} & FieldControlProps) {
  return (
    <input
      {...rest}
      type={type}
      inputMode={type === 'date' ? undefined : inputMode}
      value={String(form[name] ?? '')}
      placeholder={placeholder}
      onChange={(e) => update(name, e.target.value as F[typeof name])}
    />
  );
}

/**
 * A labelled input bound to one form key: `field` names the request field whose id and errors
 * it shows (the form key by default, e.g. the form's `focus` is the request's `teamFocus`).
 */
export function TextField<F>({
  page,
  name,
  field = name,
  label,
  update = page.update,
  inputMode,
  type,
}: TextFieldProps<F>) {
  return (
    <Field id={page.id(field)} label={label} error={page.errors[field]}>
      <TextInput form={page.form} name={name} update={update} inputMode={inputMode} type={type} />
    </Field>
  );
}

interface TextFieldProps<F> {
  page: FormSectionProps<F>;
  name: keyof F & string;
  field?: string;
  label: string;
  /** In place of the page's setter, for a field that changes others too. */
  update?: FormSectionProps<F>['update'];
  inputMode?: 'decimal' | 'numeric' | 'text';
  type?: 'text' | 'date';
}

/** A TextField for a date (the browser's date picker). */
export function DateField<F>(props: Omit<TextFieldProps<F>, 'type' | 'inputMode'>) {
  return <TextField {...props} type="date" />;
}

/** Seed and number of runs, tucked away: most people never change them. */
export function RunSettings({
  runs,
  onRuns,
  seed,
  onSeed,
  errors,
  id,
  runsField = 'numberOfSimulations',
}: {
  runs: string;
  onRuns: (v: string) => void;
  seed: number | undefined;
  onSeed: (v: number | undefined) => void;
  errors: FieldErrors;
  id: (field: string) => string;
  runsField?: string;
}) {
  const { t } = useTranslation();
  return (
    <details className="fieldset">
      <summary>{t('common.advanced')}</summary>
      <div className="row">
        <Field id={id(runsField)} label={t('common.runs')} error={errors[runsField]}>
          <input inputMode="numeric" value={runs} onChange={(e) => onRuns(e.target.value)} />
        </Field>
        <Field
          id={id('seed')}
          label={t('common.seed')}
          hint={t('common.seedHint')}
          error={errors.seed}
        >
          <input
            inputMode="numeric"
            value={seed === undefined ? '' : String(seed)}
            onChange={(e) => {
              const v = e.target.value.trim();
              onSeed(v === '' || !/^\d+$/.test(v) ? undefined : Number(v));
            }}
          />
        </Field>
      </div>
    </details>
  );
}

/** The keys of a form whose values are text. */
type TextKey<F> = { [K in keyof F]-?: F[K] extends string ? K : never }[keyof F] & string;

/**
 * Weekly values typed by hand or taken from a team (Cost, Backtest, PBC), in the form's
 * `field`: a team's weeks set `tpWindow` to their window, typing clears it (a hand-typed series
 * has no window).
 */
export function TeamWeeksField<F extends { tpWindow?: HistoryWindowNote | null }>({
  page,
  field,
  errorField = field,
  label,
  rows,
  whole = false,
  example,
}: {
  page: FormSectionProps<F>;
  field: TextKey<F>;
  /** The request field its errors come back on, when not `field`. */
  errorField?: string;
  /** The field's label; the throughput samples' by default. */
  label?: string;
  /** A textarea this many rows high; a one-line input without. */
  rows?: number;
  /** Every week of the team (pages that look at the whole history themselves). */
  whole?: boolean;
  /**
   * The page's example weeks: given, the field follows the current team as ThroughputFields
   * does (the team's window taken without a click while the example or a team's weeks are in
   * it, and named under it); hand-typed weeks are left alone.
   */
  example?: string;
}) {
  const { t } = useTranslation();
  const { form, update, errors, id } = page;
  const set = (text: string, window: HistoryWindowNote | null) => {
    update(field, text as F[typeof field]);
    update('tpWindow', window as F['tpWindow']);
  };
  const value = String(form[field]);
  const following = example !== undefined;
  return (
    <>
      <Field
        id={id(errorField)}
        label={label ?? t('throughput.samples')}
        hint={t('throughput.samplesHint')}
        error={errors[errorField]}
      >
        {rows ? (
          <textarea
            rows={rows}
            value={value}
            onChange={(e) => set(e.target.value, null)}
            spellCheck={false}
          />
        ) : (
          <input inputMode="decimal" value={value} onChange={(e) => set(e.target.value, null)} />
        )}
      </Field>
      {following && form.tpWindow && <WindowNote note={form.tpWindow} />}
      <TeamThroughput
        whole={whole}
        onUse={(weekly, note) => set(weekly.join(', '), note)}
        follow={
          following
            ? { formNote: form.tpWindow, untouched: !form.tpWindow && value === example }
            : undefined
        }
      />
    </>
  );
}

/** The currency field of the money pages (Cost, Deadline, Portfolio): any ISO 4217 code, the common ones suggested. */
export function CurrencyField<F extends { currency: string }>({
  page,
  label,
}: {
  page: FormSectionProps<F>;
  label: string;
}) {
  const { form, update, errors, id } = page;
  return (
    <>
      <Field id={id('currency')} label={label} error={errors.currency}>
        <TextInput
          form={form}
          name="currency"
          update={update}
          inputMode="text"
          list="ff-currencies"
        />
      </Field>
      <CurrencyList />
    </>
  );
}

/** Currency codes to pick from (any ISO 4217 code can be typed); pair with `list="ff-currencies"`. */
export function CurrencyList() {
  return (
    <datalist id="ff-currencies">
      {COMMON_CURRENCIES.map((c) => (
        <option key={c} value={c} />
      ))}
    </datalist>
  );
}
