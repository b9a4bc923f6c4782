/**
 * The holiday provider over date-holidays, given a way to obtain its class rather than importing
 * it: `@flow-forecaster/schemas/holidays` hands it the imported class (CLI), while the server
 * hands it a synchronous `require` made on the first lookup, so a web process that never sees
 * `calendar.country` never loads the library's data (~0.3 s of start and a few MB).
 */
import type DateHolidays from 'date-holidays';
import type { HolidayProvider } from './calendar';
import { createHolidayProvider } from './holiday-provider';

export type HolidaysClass = typeof DateHolidays;

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
  let countries: Record<string, string> | null = null;
  const countryList = () => (countries ??= new (cls())().getCountries('en'));
  const regions = (country: string) => new (cls())().getStates(country) ?? {};
  const provider = createHolidayProvider({
    countries: countryList,
    regions,
    open: (country, region) => {
      const H = cls();
      return region === undefined ? new H(country) : new H(country, region);
    },
  });
  return {
    provider,
    holidayCountries: () => ({ ...countryList() }),
    holidayRegions: (country) => ({ ...regions(country) }),
  };
}
