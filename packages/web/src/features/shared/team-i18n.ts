import { registerTranslations, sectionBundles } from '../../i18n';

const en = {
  window: 'History window',
  windowAuto: 'Best for this team ({{window}})',
  windowWeeks_one: 'last {{count}} week',
  windowWeeks_other: 'last {{count}} weeks',
  windowAll: 'all history',
  windowDates: 'dates…',
  windowCustom: 'Custom',
  windowRange: '{{from}} – {{to}}',
  from: 'From',
  to: 'To',
  span: '{{weeks}} weeks from {{from}} to {{to}}',
  span_one: '{{weeks}} week from {{from}} to {{to}}',
  spanWeeks: '{{weeks}} weeks',
  spanWeeks_one: '{{weeks}} week',
  chosen: 'chosen from the team’s history: {{reason}}',
  emptyWindow: 'No week of the team’s history falls in this window.',
  use: 'Use {{team}}’s throughput',
  applied: '{{weeks}} weeks from {{team}} ({{reason}})',
  appliedAll: 'All {{weeks}} weeks of {{team}}',
  appliedAll_one: '{{weeks}} week of {{team}} (all its history)',
  stale: 'Its newest completion is {{days}} days old: the data may be stale.',
  none: 'Load your team’s data once and use it here:',
  link: 'team data',
};

type Strings = typeof en;

const ptBR: Strings = {
  window: 'Janela do histórico',
  windowAuto: 'A melhor para este time ({{window}})',
  windowWeeks_one: 'última {{count}} semana',
  windowWeeks_other: 'últimas {{count}} semanas',
  windowAll: 'todo o histórico',
  windowDates: 'datas…',
  windowCustom: 'Personalizado',
  windowRange: '{{from}} – {{to}}',
  from: 'De',
  to: 'Até',
  span: '{{weeks}} semanas de {{from}} a {{to}}',
  span_one: '{{weeks}} semana de {{from}} a {{to}}',
  spanWeeks: '{{weeks}} semanas',
  spanWeeks_one: '{{weeks}} semana',
  chosen: 'escolhida pelo histórico do time: {{reason}}',
  emptyWindow: 'Nenhuma semana do histórico do time cai nesta janela.',
  use: 'Usar a vazão de {{team}}',
  applied: '{{weeks}} semanas de {{team}} ({{reason}})',
  appliedAll: 'Todas as {{weeks}} semanas de {{team}}',
  appliedAll_one: '{{weeks}} semana de {{team}} (todo o histórico)',
  stale: 'A conclusão mais recente tem {{days}} dias: os dados podem estar desatualizados.',
  none: 'Carregue os dados do seu time uma vez e use-os aqui:',
  link: 'dados do time',
};

const es: Strings = {
  window: 'Ventana del historial',
  windowAuto: 'La mejor para este equipo ({{window}})',
  windowWeeks_one: 'última {{count}} semana',
  windowWeeks_other: 'últimas {{count}} semanas',
  windowAll: 'todo el historial',
  windowDates: 'fechas…',
  windowCustom: 'Personalizado',
  windowRange: '{{from}} – {{to}}',
  from: 'Desde',
  to: 'Hasta',
  span: '{{weeks}} semanas del {{from}} al {{to}}',
  span_one: '{{weeks}} semana del {{from}} al {{to}}',
  spanWeeks: '{{weeks}} semanas',
  spanWeeks_one: '{{weeks}} semana',
  chosen: 'elegida según el historial del equipo: {{reason}}',
  emptyWindow: 'Ninguna semana del historial del equipo cae en esta ventana.',
  use: 'Usar el rendimiento de {{team}}',
  applied: '{{weeks}} semanas de {{team}} ({{reason}})',
  appliedAll: 'Las {{weeks}} semanas de {{team}}',
  appliedAll_one: '{{weeks}} semana de {{team}} (todo el historial)',
  stale:
    'La finalización más reciente tiene {{days}} días: los datos pueden estar desactualizados.',
  none: 'Carga una vez los datos de tu equipo y úsalos aquí:',
  link: 'datos del equipo',
};

export const teamDataBundles = sectionBundles('teamData', { en, ptBR, es });

/** The strings of the team-data button every page with a throughput field shows. */
export function registerTeamDataTranslations(): void {
  registerTranslations(teamDataBundles);
}
