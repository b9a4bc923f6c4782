import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Wide tables scroll sideways on phones; the scroll area takes keyboard focus so people who do
 * not use a pointer can scroll it too.
 */
export function TableWrap({ label, children }: { label?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label ?? t('common.table')}>
      {children}
    </div>
  );
}
