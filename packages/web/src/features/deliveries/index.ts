import { addProjectSection } from '../../lib/slots';
import { registerDeliveriesTranslations } from './i18n';
import { ProjectDeliveries } from './ProjectDeliveries';

/** Call once after `initI18n()`: the strings, and the section on the project page. */
export function registerDeliveries(): void {
  registerDeliveriesTranslations();
  addProjectSection(ProjectDeliveries);
}
