import { useTranslation } from 'react-i18next';
import { href, useLocation } from '../../../lib/router';
import { useFormat } from '../../../i18n/format';
import { forecastsApi, type SavedForecast } from '../api';
import { byCreated, inputDifferences, seedOf, summaryOf } from '../summary';
import { useInputText } from './InputList';
import { ErrorNotice, RequireLogin, useDateTime, useLoad, TableWrap } from '../ui';

export default function ComparePage() {
  return (
    <RequireLogin>
      <Compare />
    </RequireLogin>
  );
}

/** Two saved forecasts side by side: their percentiles, the change, and what inputs differ. */
function Compare() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  const inputText = useInputText();
  const query = useLocation().query;
  const a = query.get('a') ?? '';
  const b = query.get('b') ?? '';
  const pair = useLoad(() => Promise.all([forecastsApi.get(a), forecastsApi.get(b)]), [a, b]);

  if (pair.error) return <ErrorNotice error={pair.error} />;
  if (!pair.data) return <p className="page-loading">{t('common.loading')}</p>;
  // Older first, so the change reads newer − older: a forecast 3 weeks longer shows +3,
  // whichever of the two was picked first.
  const [fa, fb] = byCreated(pair.data);
  const sa = summaryOf(fa);
  const sb = summaryOf(fb);
  const label = (f: SavedForecast) => f.name || t(`account.kinds.${f.kind}`, f.kind);
  const diffs = inputDifferences(fa.input ?? {}, fb.input ?? {}).filter((d) => d.key !== 'seed');
  const change = (x: number | null, y: number | null) =>
    x === null || y === null ? '—' : `${y - x > 0 ? '+' : ''}${fmt.number(y - x)}`;

  return (
    <div>
      <h1>{t('account.compare.title')}</h1>
      <div className="card">
        <TableWrap label={t('account.compare.title')}>
          <table data-testid="compare">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('account.compare.measure')}</span>
                </th>
                {[fa, fb].map((f) => (
                  <th scope="col" key={f.id}>
                    <a href={href('/forecast', { id: f.id })}>{label(f)}</a>
                    <br />
                    <span className="muted">{dateTime(f.createdAt)}</span>
                  </th>
                ))}
                <th scope="col">{t('account.compare.change')}</th>
              </tr>
            </thead>
            <tbody>
              {(['p50', 'p85', 'p95'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row">
                    {k.toUpperCase()} ({t('common.weeks')})
                  </th>
                  <td>{sa[k] === null ? '—' : fmt.number(sa[k] as number)}</td>
                  <td>{sb[k] === null ? '—' : fmt.number(sb[k] as number)}</td>
                  <td>{change(sa[k], sb[k])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('common.seed')}</th>
                <td>{seedOf(fa) ?? '—'}</td>
                <td>{seedOf(fb) ?? '—'}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </TableWrap>
      </div>
      <section className="card" aria-labelledby="compare-inputs-title">
        <h2 id="compare-inputs-title">{t('account.compare.inputs')}</h2>
        {diffs.length === 0 ? (
          <p>{t('account.compare.sameInputs')}</p>
        ) : (
          <TableWrap label={t('account.compare.inputs')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('account.compare.field')}</th>
                  <th scope="col">{label(fa)}</th>
                  <th scope="col">{label(fb)}</th>
                </tr>
              </thead>
              <tbody>
                {diffs.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">{inputText.label(d.key)}</th>
                    <td>{inputText.value(d.key, d.a, 80)}</td>
                    <td>{inputText.value(d.key, d.b, 80)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}
