import { addProjectSection } from '../../lib/slots';
import { registerConnectionsTranslations } from './i18n';
import { ProjectConnections } from './ProjectConnections';

/** Tracker connections appear on the project page (they belong to a project on the server). */
export function registerConnections(): void {
  registerConnectionsTranslations();
  addProjectSection(ProjectConnections);
}
