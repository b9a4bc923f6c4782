/**
 * Date fields: accept ISO and the day-first spellings the engine understands, hand the engine
 * ISO only. The accepted list goes into the error so a user can fix the value without docs.
 */
import { z } from 'zod';
import { ACCEPTED_DATE_FORMATS, parseDate } from '@flow-forecaster/engine';
import { report } from './fields';

export const DATE_FORMATS: readonly string[] = ACCEPTED_DATE_FORMATS.split(', ');

/** A calendar date in any accepted format, normalised to `YYYY-MM-DD`. */
export const dateField = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const iso = parseDate(text);
    if (iso === null) {
      report(ctx, [], 'invalid_date', { value: text, formats: DATE_FORMATS });
      return z.NEVER;
    }
    return iso;
  });
