// Reads the known-good figures from ../shared/spec/reference-cases.json (outside the repo, laid
// beside it on every machine and in CI) so the tests check the spec's own numbers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export interface ReferenceCase {
  id: string;
  kind: string;
  stochastic?: boolean;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  tolerance?: number;
  relativeTolerance?: number;
  absoluteTolerance?: number;
  note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const referenceCasesPath = resolve(here, '../../../../shared/spec/reference-cases.json');

const all: ReferenceCase[] = (
  JSON.parse(readFileSync(referenceCasesPath, 'utf8')) as { cases: ReferenceCase[] }
).cases;

/** Every case of one kind; throws if there is none, so a renamed kind cannot pass silently. */
export function referenceCases(kind: string): ReferenceCase[] {
  const found = all.filter((c) => c.kind === kind);
  if (found.length === 0) throw new Error(`no reference case of kind ${kind}`);
  return found;
}
