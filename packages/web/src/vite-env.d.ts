/// <reference types="vite/client" />

/** One country's holiday rules for date-holidays-parser (vite plugin `holiday-chunks.ts`). */
declare module 'virtual:holiday-countries' {
  export const loaders: Record<
    string,
    () => Promise<{
      default: { holidays: Record<string, unknown>; names: Record<string, unknown> };
    }>
  >;
}

/**
 * date-holidays-parser ships types its package.json "exports" does not point to; the part the
 * web app's holiday provider uses.
 */
declare module 'date-holidays-parser' {
  export default class HolidaysParser {
    constructor(data: object, country?: string, state?: string);
    getHolidays(year: number, language?: string): { date: string; name: string; type: string }[];
    getStates(country: string): Record<string, string> | undefined;
  }
}
