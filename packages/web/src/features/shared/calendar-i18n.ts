import { registerTranslations, sectionBundles } from '../../i18n';

const en = {
  legend: 'Calendar: working days and holidays',
  use: 'Skip weekends, holidays and team days off in the dates',
  hint: 'Dates count working days: each week of work is one week of working days.',
  country: 'Country (public holidays)',
  none: 'None (weekends only)',
  region: 'Region or state (optional, e.g. SP)',
  optional: 'Optional holidays are days off too (e.g. Carnival)',
  optionalOneByOne: 'Or only these optional holidays:',
  blackouts: 'Team days off (one per line: date or from..to, then a note)',
  blackoutsHint:
    'e.g. 2026-12-24..2027-01-01 year-end break; without years (12-24..01-01) every year',
  workingDays: 'Working days',
  noWorkingDays: 'Choose at least one working day: without one, no date can ever be reached.',
  named: 'Calendar: {{name}}',
  blackoutDays_one: '{{count}} blackout day',
  blackoutDays_other: '{{count}} blackout days',
  daysOff: 'Days off up to the P95 date: {{list}}',
  weekdaysOnly: 'weekdays only',
  sameThroughput:
    'Weekly throughput is assumed unchanged: a week of these working days delivers what a sample week did.',
  moves_one: 'Holidays and days off move P85 by {{count}} working day: {{from}} → {{to}}.',
  moves_other: 'Holidays and days off move P85 by {{count}} working days: {{from}} → {{to}}.',
  window_one:
    'Holidays and days off take {{count}} working day out of the window ({{left}} of {{all}} left); P85 counts only those.',
  window_other:
    'Holidays and days off take {{count}} working days out of the window ({{left}} of {{all}} left); P85 counts only those.',
  fromTeam: 'The calendar saved with {{team}}.',
  useTeam: 'Use the calendar saved with {{team}}',
  historyStart: 'The history’s first week starts on',
  excludeShort: 'Leave weeks with holidays or days off out of the samples',
  shortWeeks_one: '{{count}} week of the history has fewer working days than usual.',
  shortWeeks_other: '{{count}} weeks of the history have fewer working days than usual.',
  noDates: 'Cost has no calendar: it counts weeks of work and their price, never dates.',
};

type Strings = typeof en;

const ptBR: Strings = {
  legend: 'Calendário: dias úteis e feriados',
  use: 'Pular fins de semana, feriados e folgas do time nas datas',
  hint: 'As datas contam dias úteis: cada semana de trabalho é uma semana de dias úteis.',
  country: 'País (feriados nacionais)',
  none: 'Nenhum (só fins de semana)',
  region: 'Região ou estado (opcional, ex.: SP)',
  optional: 'Pontos facultativos também são folga (ex.: Carnaval)',
  optionalOneByOne: 'Ou só estes pontos facultativos:',
  blackouts: 'Folgas do time (uma por linha: data ou de..até, e uma nota)',
  blackoutsHint:
    'ex.: 2026-12-24..2027-01-01 recesso de fim de ano; sem o ano (12-24..01-01), todo ano',
  workingDays: 'Dias úteis',
  noWorkingDays: 'Escolha pelo menos um dia útil: sem nenhum, nenhuma data pode ser alcançada.',
  named: 'Calendário: {{name}}',
  blackoutDays_one: '{{count}} dia de folga',
  blackoutDays_other: '{{count}} dias de folga',
  daysOff: 'Dias sem trabalho até a data P95: {{list}}',
  weekdaysOnly: 'só dias de semana',
  sameThroughput:
    'A vazão semanal é considerada a mesma: uma semana com estes dias úteis entrega o que uma semana das amostras entregou.',
  moves_one: 'Os feriados e folgas adiam o P85 em {{count}} dia útil: {{from}} → {{to}}.',
  moves_other: 'Os feriados e folgas adiam o P85 em {{count}} dias úteis: {{from}} → {{to}}.',
  window_one:
    'Os feriados e folgas tiram {{count}} dia útil da janela (restam {{left}} de {{all}}); o P85 conta só esses.',
  window_other:
    'Os feriados e folgas tiram {{count}} dias úteis da janela (restam {{left}} de {{all}}); o P85 conta só esses.',
  fromTeam: 'O calendário salvo com {{team}}.',
  useTeam: 'Usar o calendário salvo com {{team}}',
  historyStart: 'A primeira semana do histórico começa em',
  excludeShort: 'Deixar fora das amostras as semanas com feriados ou folgas',
  shortWeeks_one: '{{count}} semana do histórico tem menos dias úteis que o normal.',
  shortWeeks_other: '{{count}} semanas do histórico têm menos dias úteis que o normal.',
  noDates: 'O custo não usa calendário: conta semanas de trabalho e seu preço, nunca datas.',
};

const es: Strings = {
  legend: 'Calendario: días laborables y festivos',
  use: 'Saltar fines de semana, festivos y días libres del equipo en las fechas',
  hint: 'Las fechas cuentan días laborables: cada semana de trabajo es una semana de días laborables.',
  country: 'País (festivos oficiales)',
  none: 'Ninguno (solo fines de semana)',
  region: 'Región o comunidad (opcional, p. ej. MD)',
  optional: 'Los festivos opcionales también son libres',
  optionalOneByOne: 'O solo estos festivos opcionales:',
  blackouts: 'Días libres del equipo (uno por línea: fecha o desde..hasta, y una nota)',
  blackoutsHint:
    'p. ej. 2026-12-24..2027-01-01 cierre de fin de año; sin el año (12-24..01-01), cada año',
  workingDays: 'Días laborables',
  noWorkingDays: 'Elige al menos un día laborable: sin ninguno, no se llega a ninguna fecha.',
  named: 'Calendario: {{name}}',
  blackoutDays_one: '{{count}} día libre',
  blackoutDays_other: '{{count}} días libres',
  daysOff: 'Días no laborables hasta la fecha P95: {{list}}',
  weekdaysOnly: 'solo días de semana',
  sameThroughput:
    'Se supone el mismo rendimiento semanal: una semana con estos días laborables entrega lo que una semana de las muestras.',
  moves_one:
    'Los festivos y días libres retrasan el P85 {{count}} día laborable: {{from}} → {{to}}.',
  moves_other:
    'Los festivos y días libres retrasan el P85 {{count}} días laborables: {{from}} → {{to}}.',
  window_one:
    'Los festivos y días libres quitan {{count}} día laborable de la ventana (quedan {{left}} de {{all}}); el P85 cuenta solo esos.',
  window_other:
    'Los festivos y días libres quitan {{count}} días laborables de la ventana (quedan {{left}} de {{all}}); el P85 cuenta solo esos.',
  fromTeam: 'El calendario guardado con {{team}}.',
  useTeam: 'Usar el calendario guardado con {{team}}',
  historyStart: 'La primera semana del historial empieza el',
  excludeShort: 'Dejar fuera de las muestras las semanas con festivos o días libres',
  shortWeeks_one: '{{count}} semana del historial tiene menos días laborables de lo normal.',
  shortWeeks_other: '{{count}} semanas del historial tienen menos días laborables de lo normal.',
  noDates: 'El coste no usa calendario: cuenta semanas de trabajo y su precio, nunca fechas.',
};

export const calendarBundles = sectionBundles('calendar', { en, ptBR, es });

let registered = false;

/** The calendar strings, under `calendar.` in every language. */
export function registerCalendarTranslations(): void {
  if (registered) return;
  registered = true;
  registerTranslations(calendarBundles);
}
