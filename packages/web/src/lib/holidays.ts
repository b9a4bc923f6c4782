/**
 * The web app's holiday provider: date-holidays' parser over the rules of the countries loaded
 * so far, each country a chunk of its own (vite plugin `holiday-chunks.ts`), so choosing Brazil
 * downloads Brazil's rules and nothing else. Same answers as the full library the server and
 * the CLI use.
 */
import HolidaysParser from 'date-holidays-parser';
import { loaders } from 'virtual:holiday-countries';
import {
  createHolidayProvider,
  holidayLanguage,
  optionalNamesFrom,
  setHolidayProvider,
} from '@flow-forecaster/schemas';

const data = {
  holidays: {} as Record<string, unknown>,
  names: {} as Record<string, unknown>,
};

const known = Object.fromEntries(Object.keys(loaders).map((c) => [c, c]));

const provider = createHolidayProvider({
  countries: () => known,
  regions: (country) => new HolidaysParser(data).getStates(country) ?? {},
  open: (country, region) =>
    region === undefined
      ? new HolidaysParser(data, country)
      : new HolidaysParser(data, country, region),
});

/** Loads a country's rules (once) and installs the provider; unknown codes load nothing. */
export async function installCountry(country: string): Promise<void> {
  const code = country.toUpperCase();
  const load = loaders[code];
  if (load !== undefined && !(code in data.holidays)) {
    const mod = await load();
    Object.assign(data.names, mod.default.names);
    Object.assign(data.holidays, mod.default.holidays);
  }
  setHolidayProvider(provider);
}

/** The optional holidays of a country this year and next, named in the UI language. */
export async function optionalHolidays(
  country: string,
  region: string,
  year: number,
  language: string,
): Promise<string[]> {
  await installCountry(country);
  const r = region.trim().toUpperCase();
  const reg = r !== '' && provider.hasRegion(country, r) ? r : undefined;
  return optionalNamesFrom(provider, country, reg, year, holidayLanguage(language));
}
