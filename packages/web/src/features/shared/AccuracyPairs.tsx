import type { AccuracyResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap';
import { useFormat } from '../../i18n/format';

/**
 * The trust rules' headline: how often the actual landed on or before the forecast (its P85),
 * with the number of pairs; the error-size label follows, "too few to judge" under 5 pairs.
 */
export function AccuracyHeadline({ result }: { result: AccuracyResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <p className="headline" data-testid="headline">
        <strong>
          {t('accuracy.onOrBefore', {
            count: result.onOrBefore,
            n: result.n,
            rate: fmt.pct(result.onOrBeforeRate, 0),
          })}
        </strong>
      </p>
      <p data-testid="quality">
        {t('accuracy.quality')}: <strong>{t(`accuracy.qualities.${result.quality}`)}</strong>
      </p>
    </>
  );
}

/** Each forecast beside what happened, its error marked good or bad against the tolerance. */
export function AccuracyPairsTable({
  pairs,
  label,
}: {
  pairs: AccuracyResult['pairs'];
  label: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // One sign convention everywhere: (actual − forecast) / forecast, positive when it took longer.
  const signed = (v: number) => fmt.signedPct(v, 1);
  return (
    <TableWrap label={label}>
      <table data-testid="accuracy-pairs">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('backtest.forecast')}</th>
            <th scope="col">{t('backtest.actual')}</th>
            <th scope="col">{t('accuracy.errorCol')}</th>
            <th scope="col">{t('accuracy.onOrBeforeShort')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{fmt.number(p.forecast, 2)}</td>
              <td>{fmt.number(p.actual, 2)}</td>
              <td className={p.withinTolerance ? 'good' : 'bad'}>
                {p.percentError === null ? '—' : signed(p.percentError)}
              </td>
              <td className={p.onOrBefore ? 'good' : 'bad'}>
                {p.onOrBefore ? t('deadline.yes') : t('deadline.no')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
