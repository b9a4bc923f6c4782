// The repository carries copies of the shared spec and sample data so a clone can run its
// tests on its own. Where the upstream folder (../shared) is laid beside the repository, the
// copies must match it file for file, so an update to the spec cannot go unnoticed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR, SHARED_DIR, SPEC_DIR } from './vendored';

const PAIRS: { name: string; copy: string; upstream: string }[] = [
  { name: 'spec/ ↔ ../shared/spec', copy: SPEC_DIR, upstream: join(SHARED_DIR, 'spec') },
  { name: 'samples/ ↔ ../shared/data', copy: SAMPLES_DIR, upstream: join(SHARED_DIR, 'data') },
];

function files(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

const upstreamPresent = existsSync(SHARED_DIR);
if (!upstreamPresent) {
  console.warn(
    `vendored-copies: ${SHARED_DIR} is absent, so spec/ and samples/ are not compared with it ` +
      '(expected on a plain clone)',
  );
}

describe('vendored spec and samples', () => {
  it('the copies exist and hold the reference cases and the sample exports', () => {
    expect(files(SPEC_DIR)).toContain('reference-cases.json');
    expect(files(SPEC_DIR)).toContain('forecasting.md');
    expect(files(SAMPLES_DIR)).toContain('jira-export.csv');
  });

  describe.skipIf(!upstreamPresent)('match ../shared (refresh: see the README)', () => {
    for (const { name, copy, upstream } of PAIRS) {
      it(`${name}: same files`, () => {
        expect(files(copy)).toEqual(files(upstream));
      });

      it(`${name}: same bytes`, () => {
        const differing = files(upstream).filter((name) => {
          const mine = join(copy, name);
          return (
            !existsSync(mine) || !readFileSync(mine).equals(readFileSync(join(upstream, name)))
          );
        });
        expect(differing, `refresh with: cp ${upstream}/* ${copy}/`).toEqual([]);
      });
    }
  });
});
