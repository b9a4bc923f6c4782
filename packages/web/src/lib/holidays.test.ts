import { describe, expect, it } from 'vitest';
import { holidayProvider } from '@flow-forecaster/schemas';
import { dateHolidaysProvider } from '@flow-forecaster/schemas/holidays';
import { installCountry } from './holidays';
import { validateRequest } from './validate';

// Countries whose rules have substitute days (a holiday on a weekend moved to a weekday): the
// parser names those days with a shared name no rule refers to by `_name`. Without it in the
// country's chunk, resolving any year with such a day threw, and the web form's check refused
// Spain and the United States with no field to show it beside.
const WITH_SUBSTITUTES = ['US', 'ES', 'GB', 'IE', 'AU', 'JP', 'NZ', 'ZA'];

describe('holiday rules loaded one country at a time', () => {
  it.each(WITH_SUBSTITUTES)('%s gives the same holidays as the full library', async (country) => {
    await installCountry(country);
    const web = holidayProvider();
    expect(web).not.toBeNull();
    for (let year = 2024; year <= 2030; year++) {
      const ours = web?.holidays(country, undefined, year, 'en');
      expect(ours).toEqual(dateHolidaysProvider.holidays(country, undefined, year, 'en'));
    }
  });

  it.each(['ES', 'US'])('a forecast with %s as its calendar passes the form check', async (c) => {
    await installCountry(c);
    const checked = validateRequest('simulate', {
      tpSamples: [3, 5, 4, 6],
      numberOfTasks: 40,
      startDate: '2027-01-04',
      calendar: { country: c, language: 'en' },
    });
    expect(checked.ok).toBe(true);
  });
});
