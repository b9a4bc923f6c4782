import { registerTranslations } from '../../i18n';

const en = {
  use: 'Use {{team}}’s throughput',
  applied: '{{weeks}} weeks from {{team}} ({{reason}})',
  appliedAll: 'All {{weeks}} weeks of {{team}}',
  stale: 'Its newest completion is {{days}} days old: the data may be stale.',
  none: 'Load your team’s data once and use it here:',
  link: 'team data',
  sample: 'example data',
};

type Strings = typeof en;

const ptBR: Strings = {
  use: 'Usar a vazão de {{team}}',
  applied: '{{weeks}} semanas de {{team}} ({{reason}})',
  appliedAll: 'Todas as {{weeks}} semanas de {{team}}',
  stale: 'A conclusão mais recente tem {{days}} dias: os dados podem estar desatualizados.',
  none: 'Carregue os dados do seu time uma vez e use-os aqui:',
  link: 'dados do time',
  sample: 'dados de exemplo',
};

const es: Strings = {
  use: 'Usar el throughput de {{team}}',
  applied: '{{weeks}} semanas de {{team}} ({{reason}})',
  appliedAll: 'Las {{weeks}} semanas de {{team}}',
  stale:
    'La finalización más reciente tiene {{days}} días: los datos pueden estar desactualizados.',
  none: 'Cargue una vez los datos de su equipo y úselos aquí:',
  link: 'datos del equipo',
  sample: 'datos de ejemplo',
};

export const teamDataBundles = {
  en: { teamData: en },
  'pt-BR': { teamData: ptBR },
  es: { teamData: es },
};

/** The strings of the team-data button every page with a throughput field shows. */
export function registerTeamDataTranslations(): void {
  registerTranslations(teamDataBundles);
}
