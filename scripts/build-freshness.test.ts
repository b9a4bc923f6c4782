import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webBuildNeeded } from './build-freshness.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repository layout with one web source, one engine source and (optionally) a build. */
function repo(built: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'ff-fresh-'));
  dirs.push(root);
  const file = (rel: string, at: number) => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, 'x');
    utimesSync(p, at, at);
  };
  file('packages/web/src/main.tsx', 1_000);
  file('packages/engine/src/index.ts', 1_000);
  if (built) file('packages/web/dist/index.html', 2_000);
  return root;
}

function touch(root: string, rel: string, at: number) {
  utimesSync(join(root, rel), at, at);
}

describe('npm start rebuilds the web app when it is stale', () => {
  it('builds when there is no build', () => {
    expect(webBuildNeeded(repo(false))).toBe(true);
  });

  it('keeps a build newer than every source', () => {
    expect(webBuildNeeded(repo(true))).toBe(false);
  });

  it('rebuilds after a web source changed (a git pull)', () => {
    const root = repo(true);
    touch(root, 'packages/web/src/main.tsx', 3_000);
    expect(webBuildNeeded(root)).toBe(true);
  });

  it('rebuilds after an engine source changed (the bundle inlines it)', () => {
    const root = repo(true);
    touch(root, 'packages/engine/src/index.ts', 3_000);
    expect(webBuildNeeded(root)).toBe(true);
  });
});
