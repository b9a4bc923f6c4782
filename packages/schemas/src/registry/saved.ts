/**
 * The body of a saved forecast (`{kind, input, name?, projectId?}`) for the kinds of a
 * registry. `input` is parsed as a request of `kind`, so what is stored can always be re-run;
 * its problems are reported under `input.` (`input.tpSamples`).
 */
import { z } from 'zod';
import { FF_CODE, addInputIssues } from '../issues';
import { LIMITS } from '../limits';
import { storableString } from '../storable';
import type { ForecastRegistry } from './create';
import type { ParseForecastOptions } from './define';

export function forecastSaveSchemaFor(
  registry: ForecastRegistry,
  options: ParseForecastOptions = {},
) {
  const kinds = registry.kinds.map((r) => r.kind);
  return z
    .object({
      projectId: z.guid().nullable().optional(),
      kind: z.string().refine((k) => kinds.includes(k), {
        params: { [FF_CODE]: 'invalid_option', options: kinds },
      }),
      input: z.record(z.string(), z.unknown()),
      result: z.record(z.string(), z.unknown()).optional(),
      name: storableString().trim().min(1).max(LIMITS.text.short).optional(),
    })
    .transform((v, ctx) => {
      const parsed = registry.parse(v.kind, v.input, options);
      if (!parsed.ok) {
        addInputIssues(ctx, parsed.issues);
        return z.NEVER;
      }
      return {
        parsed: parsed.value,
        ...(v.projectId !== undefined ? { projectId: v.projectId } : {}),
        ...(v.name !== undefined ? { name: v.name } : {}),
        ...(v.result !== undefined ? { result: v.result } : {}),
      };
    });
}
