import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../shared/issues';
import type { PortfolioForm } from './form';
import { firstProblem } from './problems';

/**
 * The banner over a result the inputs no longer match. While a field has a problem a rerun
 * cannot run, so it names the field and its problem, with a button to go there.
 */
export function StaleNotice({ errors, form }: { errors: FieldErrors; form: PortfolioForm }) {
  const { t } = useTranslation();
  const problem = firstProblem(errors, form);
  if (!problem) {
    return (
      <p className="notice notice--warn" role="status" data-testid="pf-stale">
        {t('portfolio.stale')}
      </p>
    );
  }
  const label = problem.labelKey ? t(`portfolio.${problem.labelKey}`) : problem.field;
  const field = problem.row === null ? label : `${label} (${problem.row})`;
  return (
    <p className="notice notice--warn" role="status" data-testid="pf-stale">
      {t('portfolio.staleInvalid', { field, message: problem.message })}{' '}
      <button
        type="button"
        className="btn btn--small"
        onClick={() => document.getElementById(fieldId('pf', problem.field))?.focus()}
      >
        {t('portfolio.goToField')}
      </button>
    </p>
  );
}
