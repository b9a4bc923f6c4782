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

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A work item's date: ISO date or date-time, kept as sent (the time of day matters for lead
 * times). Tracker-specific spellings are the CSV importer's job, not the API's.
 */
export const isoDateTimeField = z
  .string()
  .max(40)
  .superRefine((text, ctx) => {
    const m = ISO_DATE_TIME.exec(text);
    const ok =
      m !== null &&
      parseDate(`${m[1]}-${m[2]}-${m[3]}`) !== null &&
      (m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60));
    if (!ok) {
      report(ctx, [], 'invalid_date', {
        value: text,
        formats: ['YYYY-MM-DD', 'YYYY-MM-DDTHH:mm[:ss][Z|±hh:mm]'],
      });
    }
  });
