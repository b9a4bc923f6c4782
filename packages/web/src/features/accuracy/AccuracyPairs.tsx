import type { AccuracyResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap';
import { useFormat } from '../../i18n/format';

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
  return (
    <TableWrap label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('backtest.forecast')}</th>
            <th scope="col">{t('backtest.actual')}</th>
            <th scope="col">%</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{fmt.number(p.forecast, 2)}</td>
              <td>{fmt.number(p.actual, 2)}</td>
              <td className={p.withinTolerance ? 'good' : 'bad'}>
                {p.percentError === null ? '—' : `${fmt.number(p.percentError, 1)} %`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
