/**
 * `@flow-forecaster/schemas/holidays`: public holidays from date-holidays, installed as the
 * schemas' holiday provider. Kept out of the package's main entry because its data is large:
 * the server and the CLI install it at start, the web app loads it when a country is chosen.
 */
import Holidays from 'date-holidays';
import {
  setHolidayProvider,
  type HolidayProvider,
  type HolidayType,
  type ProvidedHoliday,
} from './calendar';

const TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

function holidayType(t: string): HolidayType {
  return TYPES.find((x) => x === t) ?? 'observance';
}
const cache = new Map<string, ProvidedHoliday[]>();
let countries: Record<string, string> | null = null;

function countryList(): Record<string, string> {
  countries ??= new Holidays().getCountries('en');
  return countries;
}

export const dateHolidaysProvider: HolidayProvider = {
  hasCountry: (country) => Object.hasOwn(countryList(), country),
  hasRegion: (country, region) => Object.hasOwn(new Holidays().getStates(country) ?? {}, region),
  holidays(country, region, year) {
    const key = `${country}/${region ?? ''}/${year}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const hd = region === undefined ? new Holidays(country) : new Holidays(country, region);
    const list = hd.getHolidays(year).map((h): ProvidedHoliday => ({
      date: h.date.slice(0, 10),
      name: h.name,
      type: holidayType(h.type),
    }));
    cache.set(key, list);
    return list;
  },
};

/** Country codes and English names date-holidays knows, for pickers and the CLI's help. */
export function holidayCountries(): Record<string, string> {
  return { ...countryList() };
}

/** The regions (states) of a country, code → name. */
export function holidayRegions(country: string): Record<string, string> {
  return { ...(new Holidays().getStates(country) ?? {}) };
}

/** Installs date-holidays as the provider `calendar.country` is resolved with. */
export function installHolidays(): void {
  setHolidayProvider(dateHolidaysProvider);
}

/**
 * Names of the optional and bank holidays of a country in a year and the next (Carnival in
 * Brazil…), for the per-holiday switches: each may be listed in `optionalHolidays`.
 */
export function optionalHolidayNames(
  country: string,
  region: string | undefined,
  year: number,
): string[] {
  const names = new Set<string>();
  for (const y of [year, year + 1]) {
    for (const h of dateHolidaysProvider.holidays(country, region, y)) {
      if (h.type === 'bank' || h.type === 'optional') names.add(h.name);
    }
  }
  return [...names];
}
