import { Suspense, lazy } from 'react';
import { addProjectSection, type ProjectSectionProps } from '../../lib/slots';

// Connections show only on a project's page: their code, the API schemas they check a form with
// and their translations load with that page, not with every page's first load (budget.test.ts).
const LazyConnections = lazy(async () => {
  const [{ ProjectConnections }, { registerConnectionsTranslations }] = await Promise.all([
    import('./ProjectConnections'),
    import('./i18n'),
  ]);
  registerConnectionsTranslations();
  return { default: ProjectConnections };
});

function ConnectionsSection(props: ProjectSectionProps) {
  return (
    <Suspense fallback={null}>
      <LazyConnections {...props} />
    </Suspense>
  );
}

/** Tracker connections appear on the project page (they belong to a project on the server). */
export function registerConnections(): void {
  addProjectSection(ConnectionsSection);
}
