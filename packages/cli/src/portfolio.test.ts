/** `ff portfolio`: the cut-line table, the spec's exact two-team case, and bad input named. */
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './run';
import { run } from './run';
import { TWO_TEAMS } from '../../engine/test/portfolio-cases';

const ROOT = resolve(__dirname, '../../..');

function io(stdin = '') {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = {
    stdin: Object.assign(Readable.from(stdin === '' ? [] : [stdin]), { isTTY: false }),
    cwd: ROOT,
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
  };
  return { io: value, out };
}

// spec/portfolio.md: every sample 4, WIP 1; F1 = 8 of A + 4 of B, F2 = 4 of A → weeks 2 and 3.
const twoTeams = {
  ...TWO_TEAMS,
  features: [TWO_TEAMS.features[0], { ...TWO_TEAMS.features[1], targetDate: '2026-01-19' }],
  startDate: '2026-01-05',
  targetDate: '2026-01-19',
  numberOfSimulations: 200,
  seed: 3,
};

/** The fields of twoTeams the bad-input cases change. */
interface Spoilable {
  teams: { featureWip?: number }[];
  features: { name: string; size?: number; parts?: { size: number }[]; dependsOn?: string[] }[];
}

describe('ff portfolio', () => {
  it('gives the spec reference case exactly, as JSON', async () => {
    const t = io(JSON.stringify(twoTeams));
    expect(await run(['portfolio'], t.io)).toBe(0);
    const r = JSON.parse(t.out.stdout) as {
      features: { name: string; percentile_stats: { p85: number }; inCutLine: boolean }[];
      allOnTime: number;
    };
    expect(r.features.map((f) => [f.name, f.percentile_stats.p85, f.inCutLine])).toEqual([
      ['F1', 2, true],
      ['F2', 3, false],
    ]);
    expect(r.allOnTime).toBe(0);
  });

  it('prints the cut line as a table: IN above, OUT below, in priority order', async () => {
    const t = io(JSON.stringify(twoTeams));
    expect(await run(['portfolio', '--format', 'table'], t.io)).toBe(0);
    expect(t.out.stdout).toContain('Cut line at 85% confidence');
    expect(t.out.stdout).toMatch(/^1 +F1 +2026-01-19 +2026-01-19 +2 +2026-01-19 +> 99\.9% +IN/m);
    expect(t.out.stdout).toMatch(/^2 +F2 +2026-01-26 +2026-01-26 +3 +2026-01-26 +< 0\.1% +OUT/m);
    // Both features share the target: said once above the table, not in a column.
    expect(t.out.stdout).toMatch(/^target: 2026-01-19 in every row$/m);
    expect(t.out.stdout).toMatch(/^out: +F2$/m);
    expect(t.out.stdout).toMatch(/^all on time \(same runs\): +< 0\.1%$/m);
  });

  it('runs examples/portfolio.json', async () => {
    const t = io();
    expect(
      await run(['portfolio', '-i', 'examples/portfolio.json', '--format', 'table'], t.io),
    ).toBe(0);
    expect(t.out.stdout).toMatch(/^1 +Checkout /m);
    expect(t.out.stdout).toContain('suggested order (CD3)');
    // Fixed dates (the format has none relative), chosen far ahead: every date the example
    // prints, latest starts included, must still be ahead of today.
    const today = new Date().toISOString().slice(0, 10);
    const dates = t.out.stdout.match(/\b20\d\d-\d\d-\d\d\b/g) ?? [];
    expect(dates.length).toBeGreaterThan(20);
    expect(dates.filter((d) => d <= today)).toEqual([]);
  });

  it('names the field of a feature part on an unknown team, and exits 2', async () => {
    const bad = structuredClone(twoTeams);
    bad.features[0].parts![1].team = 'C';
    const t = io(JSON.stringify(bad));
    expect(await run(['portfolio'], t.io)).toBe(2);
    expect(t.out.stderr).toContain('features.0.parts.1.team');
    expect(t.out.stdout).toBe('');
  });

  // Issue 16's bad input, each named by its field as the API names it (server/test/portfolio.test.ts).
  it.each<[string, (b: Spoilable) => void, string]>([
    ['a part of size 0', (b) => (b.features[0].parts![0].size = 0), 'features.0.parts.0.size'],
    ['a feature of size 0', (b) => (b.features[1].size = 0), 'features.1.size'],
    ['duplicate feature names', (b) => (b.features[1].name = 'F1'), 'features.1.name'],
    [
      'a dependency on an unknown feature',
      (b) => (b.features[1].dependsOn = ['F9']),
      'features.1.dependsOn.0',
    ],
    [
      'a dependency cycle',
      (b) => {
        b.features[0].dependsOn = ['F2'];
        b.features[1].dependsOn = ['F1'];
      },
      'features.0.dependsOn',
    ],
    ['feature WIP below 1', (b) => (b.teams[1].featureWip = 0), 'teams.1.featureWip'],
  ])('refuses %s naming the field, and exits 2', async (_what, spoil, field) => {
    const bad = structuredClone(twoTeams) as Spoilable;
    spoil(bad);
    const t = io(JSON.stringify(bad));
    expect(await run(['portfolio'], t.io)).toBe(2);
    expect(t.out.stderr).toContain(field);
    expect(t.out.stdout).toBe('');
  });
});
