/**
 * The holiday provider over date-holidays, given a way to obtain its class rather than importing
 * it: `@flow-forecaster/schemas/holidays` hands it the imported class (CLI, web app), while the
 * server hands it a synchronous `require` made on the first lookup, so a web process that never
 * sees `calendar.country` never loads the library's data (~0.3 s of start and a few MB).
 */
import type DateHolidays from 'date-holidays';
import type { HolidayProvider, HolidayType, ProvidedHoliday } from './calendar';

export type HolidaysClass = typeof DateHolidays;

const TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

function holidayType(t: string): HolidayType {
  return TYPES.find((x) => x === t) ?? 'observance';
}

export interface HolidayTools {
  provider: HolidayProvider;
  /** Country codes and English names date-holidays knows, for pickers and the CLI's help. */
  holidayCountries(): Record<string, string>;
  /** The regions (states) of a country, code → name. */
  holidayRegions(country: string): Record<string, string>;
}

export function createHolidayTools(load: () => HolidaysClass): HolidayTools {
  let Holidays: HolidaysClass | null = null;
  const cls = () => (Holidays ??= load());
  const cache = new Map<string, ProvidedHoliday[]>();
  let countries: Record<string, string> | null = null;
  const countryList = () => (countries ??= new (cls())().getCountries('en'));
  const regions = (country: string) => new (cls())().getStates(country) ?? {};
  const provider: HolidayProvider = {
    hasCountry: (country) => Object.hasOwn(countryList(), country),
    hasRegion: (country, region) => Object.hasOwn(regions(country), region),
    holidays(country, region, year) {
      const key = `${country}/${region ?? ''}/${year}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const H = cls();
      const hd = region === undefined ? new H(country) : new H(country, region);
      const list = hd.getHolidays(year).map((h): ProvidedHoliday => ({
        date: h.date.slice(0, 10),
        name: h.name,
        type: holidayType(h.type),
      }));
      cache.set(key, list);
      return list;
    },
  };
  return {
    provider,
    holidayCountries: () => ({ ...countryList() }),
    holidayRegions: (country) => ({ ...regions(country) }),
  };
}
