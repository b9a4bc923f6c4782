// Reads the known-good figures from the repository's vendored copy of the spec
// (spec/reference-cases.json, see vendored.ts) so the tests check the spec's own numbers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SPEC_DIR } from './vendored';

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

export const referenceCasesPath = resolve(SPEC_DIR, 'reference-cases.json');

const all: ReferenceCase[] = (
  JSON.parse(readFileSync(referenceCasesPath, 'utf8')) as { cases: ReferenceCase[] }
).cases;

/** Every case of one kind; throws if there is none, so a renamed kind cannot pass silently. */
export function referenceCases(kind: string): ReferenceCase[] {
  const found = all.filter((c) => c.kind === kind);
  if (found.length === 0) throw new Error(`no reference case of kind ${kind}`);
  return found;
}
