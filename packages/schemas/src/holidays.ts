/**
 * `@flow-forecaster/schemas/holidays`: public holidays from date-holidays, installed as the
 * schemas' holiday provider. Kept out of the package's main entry because its data is large:
 * the CLI installs it at start, the web app loads it when a country is chosen, and the server
 * builds the same provider from `holidays-provider` with the library required on first use.
 */
import Holidays from 'date-holidays';
import { setHolidayProvider, type HolidayProvider } from './calendar';
import { createHolidayTools } from './holidays-provider';

const tools = createHolidayTools(() => Holidays);

export const dateHolidaysProvider: HolidayProvider = tools.provider;

/** Country codes and English names date-holidays knows, for pickers and the CLI's help. */
export const holidayCountries = tools.holidayCountries;

/** The regions (states) of a country, code → name. */
export const holidayRegions = tools.holidayRegions;

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
