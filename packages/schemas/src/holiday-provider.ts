/**
 * A `HolidayProvider` over any build of the date-holidays parser: the full library (server,
 * CLI: `./holidays`) or the parser with one country's rules at a time (the web app loads each
 * country's data as its own chunk). Kept free of holiday data itself.
 */
import type { HolidayProvider, HolidayType, ProvidedHoliday } from './calendar';

/** What the provider needs of a date-holidays `Holidays` instance. */
export interface HolidayCalendarLike {
  getHolidays(year: number, language?: string): { date: string; name: string; type: string }[];
}

export interface HolidayLibrary {
  /** Country code → name; only these are known. */
  countries(): Record<string, string>;
  /** Region (state) code → name of a known country. */
  regions(country: string): Record<string, string>;
  /** The library's holidays of a country (and region). */
  open(country: string, region: string | undefined): HolidayCalendarLike;
}

const TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

function holidayType(t: string): HolidayType {
  return TYPES.find((x) => x === t) ?? 'observance';
}

export function createHolidayProvider(lib: HolidayLibrary): HolidayProvider {
  const cache = new Map<string, ProvidedHoliday[]>();
  const raw = new Map<string, { date: string; name: string; type: string }[]>();
  const named = (country: string, region: string | undefined, year: number, lang: string) => {
    const key = `${country}/${region ?? ''}/${year}/${lang}`;
    let list = raw.get(key);
    if (list === undefined) {
      const hd = lib.open(country, region);
      list = lang === '' ? hd.getHolidays(year) : hd.getHolidays(year, lang);
      raw.set(key, list);
    }
    return list;
  };
  return {
    hasCountry: (country) => Object.hasOwn(lib.countries(), country),
    hasRegion: (country, region) => Object.hasOwn(lib.regions(country), region),
    holidays(country, region, year, language = 'en') {
      const key = `${country}/${region ?? ''}/${year}/${language}`;
      const hit = cache.get(key);
      if (hit) return hit;
      // The same holidays named natively and in English, in the same order, so a switch
      // named in any of the three matches.
      const other = [named(country, region, year, ''), named(country, region, year, 'en')];
      const list = named(country, region, year, language).map((h, i): ProvidedHoliday => {
        const aliases = [...new Set(other.map((l) => l[i]?.name))].filter(
          (n): n is string => n !== undefined && n !== h.name,
        );
        return {
          date: h.date.slice(0, 10),
          name: h.name,
          type: holidayType(h.type),
          ...(aliases.length > 0 ? { aliases } : {}),
        };
      });
      cache.set(key, list);
      return list;
    },
  };
}

/**
 * Names of the optional and bank holidays of a country in a year and the next (Carnival in
 * Brazil…), for the per-holiday switches: each may be listed in `optionalHolidays`.
 */
export function optionalNamesFrom(
  provider: HolidayProvider,
  country: string,
  region: string | undefined,
  year: number,
  language?: string,
): string[] {
  const names = new Set<string>();
  for (const y of [year, year + 1]) {
    for (const h of provider.holidays(country, region, y, language)) {
      if (h.type === 'bank' || h.type === 'optional') names.add(h.name);
    }
  }
  return [...names];
}
