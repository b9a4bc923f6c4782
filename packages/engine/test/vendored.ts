// Where the tests find the spec and the sample data: copies kept in the repository (spec/ and
// samples/ at its root) so a clone runs its tests without the shared folder the copies came
// from. vendored-copies.test.ts fails when a copy drifts from ../shared where that exists.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Copy of ../shared/spec: the spec markdown files and reference-cases.json. */
export const SPEC_DIR = resolve(REPO_ROOT, 'spec');
/** Copy of ../shared/data: the sample tracker exports and their README. */
export const SAMPLES_DIR = resolve(REPO_ROOT, 'samples');
/** The upstream folder the copies are refreshed from; absent on a plain clone. */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
