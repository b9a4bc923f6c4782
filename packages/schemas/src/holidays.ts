/**
 * `@flow-forecaster/schemas/holidays`: public holidays from date-holidays (every country),
 * installed as the schemas' holiday provider. Kept out of the package's main entry because its
 * data is large: the CLI installs it at start, the server builds the same provider from
 * `holidays-provider` with the library required on first use, and the web app loads one
 * country's rules at a time instead (packages/web/src/lib/holidays.ts).
 */
import Holidays from 'date-holidays';
import { setHolidayProvider, type HolidayProvider } from './calendar';
import { optionalNamesFrom } from './holiday-provider';
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

/** Names of a country's optional and bank holidays this year and next, in `language`. */
export function optionalHolidayNames(
  country: string,
  region: string | undefined,
  year: number,
  language?: string,
): string[] {
  return optionalNamesFrom(dateHolidaysProvider, country, region, year, language);
}
