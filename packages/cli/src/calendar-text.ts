/**
 * The calendar a result was computed on, in one line for `--format table` ("calendar: Brazil +
 * 3 blackout days"), so a table's dates never read as if weekends and holidays were working.
 * It reads the result's `calendar` summary only; a result without one gets no line.
 */
import { calendarMove, type CalendarSummary } from '@flow-forecaster/engine';
import { obj, type Obj } from './text-layout';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAYS_OFF_SHOWN = 8;

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function weekdaysText(days: unknown): string | undefined {
  if (!Array.isArray(days)) return undefined;
  const nums = days.filter((d): d is number => typeof d === 'number' && d >= 1 && d <= 7);
  if (nums.length === 5 && nums.every((d, i) => d === i + 1)) return undefined;
  return nums.map((d) => WEEKDAYS[d - 1]).join(' ');
}

/** The result's P85 date: its own, or a portfolio's latest feature's (none past the cap). */
function p85Date(result: Obj): string | undefined {
  const own = obj(result.completionDates)?.p85;
  if (typeof own === 'string') return own;
  if (!Array.isArray(result.features)) return undefined;
  let last: string | undefined;
  for (const f of result.features) {
    const d = obj(obj(f)?.completionDates)?.p85;
    if (typeof d !== 'string') return undefined;
    if (last === undefined || d > last) last = d;
  }
  return last;
}

/** "holidays and days off move P85 by 4 working days: 2026-03-12 → 2026-03-18", or ''. */
function moveText(result: Obj, cal: Obj): string {
  const date = p85Date(result);
  if (date === undefined || !Array.isArray(cal.workingDays) || !Array.isArray(cal.daysOff)) {
    return '';
  }
  const summary: CalendarSummary = {
    country: null,
    region: null,
    workingDays: cal.workingDays.filter((d): d is number => typeof d === 'number'),
    blackoutDays: 0,
    daysOff: cal.daysOff
      .map((d) => obj(d))
      .filter((d): d is Obj => typeof d?.date === 'string')
      .map((d) => ({ date: String(d.date), reason: String(d.reason ?? '') })),
  };
  const move = calendarMove(summary, date);
  if (move === null) return '';
  const n = move.workingDays;
  return `holidays and days off move P85 by ${n} working day${n === 1 ? '' : 's'}: ${move.from} → ${move.to}`;
}

/** "calendar: Brazil (SP) + 3 blackout days", then the days off it stepped over, or ''. */
export function calendarText(result: Obj): string {
  const cal = obj(result.calendar);
  if (!cal) return '';
  const country = typeof cal.country === 'string' ? countryName(cal.country) : undefined;
  const region = typeof cal.region === 'string' ? ` (${cal.region})` : '';
  const parts = [country !== undefined ? `${country}${region}` : 'no public holidays'];
  const blackoutDays = typeof cal.blackoutDays === 'number' ? cal.blackoutDays : 0;
  if (blackoutDays > 0) {
    parts.push(`${blackoutDays} blackout day${blackoutDays === 1 ? '' : 's'}`);
  }
  const weekdays = weekdaysText(cal.workingDays);
  const lines = [
    `calendar: ${parts.join(' + ')}${weekdays !== undefined ? `, working ${weekdays}` : ''}`,
  ];
  const daysOff = Array.isArray(cal.daysOff) ? cal.daysOff.map((d) => obj(d) ?? {}) : [];
  if (daysOff.length > 0) {
    const shown = daysOff
      .slice(0, DAYS_OFF_SHOWN)
      .map(
        (d) =>
          `${String(d.date)}${typeof d.reason === 'string' && d.reason !== '' ? ` ${d.reason}` : ''}`,
      );
    const more =
      daysOff.length > DAYS_OFF_SHOWN ? `, +${daysOff.length - DAYS_OFF_SHOWN} more` : '';
    lines.push(`days off: ${shown.join(', ')}${more}`);
  }
  const move = moveText(result, cal);
  if (move !== '') lines.splice(1, 0, move);
  return lines.join('\n');
}
