/**
 * `@flow-forecaster/schemas/holidays`: public holidays from date-holidays (every country),
 * installed as the schemas' holiday provider. Kept out of the package's main entry because its
 * data is large: the server and the CLI install it at start; the web app loads one country's
 * rules at a time instead (packages/web/src/lib/holidays.ts).
 */
import Holidays from 'date-holidays';
import { setHolidayProvider } from './calendar';
import { createHolidayProvider, optionalNamesFrom } from './holiday-provider';

let countries: Record<string, string> | null = null;

function countryList(): Record<string, string> {
  countries ??= new Holidays().getCountries('en');
  return countries;
}

export const dateHolidaysProvider = createHolidayProvider({
  countries: countryList,
  regions: (country) => new Holidays().getStates(country) ?? {},
  open: (country, region) =>
    region === undefined ? new Holidays(country) : new Holidays(country, region),
});

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

/** Names of a country's optional and bank holidays this year and next, in `language`. */
export function optionalHolidayNames(
  country: string,
  region: string | undefined,
  year: number,
  language?: string,
): string[] {
  return optionalNamesFrom(dateHolidaysProvider, country, region, year, language);
}
