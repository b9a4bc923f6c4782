#!/usr/bin/env node
/**
 * Start-up of the published `ff`: packs the engine and the CLI (scripts/pack.mjs), installs the
 * tarballs into an empty folder and times `ff --version` and a small forecast there, printed as
 * a table with the machine's load beside it. The target (≤ 150 ms for `--version`) lives here,
 * not in a timed test that would flake on a busy machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'ff-bench-cli-'));
const repeats = Number(process.env.BENCH_REPEATS ?? 21);

try {
  const tarballs = execFileSync(
    process.execPath,
    [join(root, 'scripts/pack.mjs'), '--out', join(work, 'out')],
    {
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n');
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{"name":"bench","private":true}');
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--omit=optional', '--prefer-offline', ...tarballs],
    {
      cwd: project,
      stdio: 'ignore',
    },
  );
  const bin = join(project, 'node_modules', '.bin', 'ff');
  const request = JSON.stringify({
    tpSamples: [5, 6, 7, 4, 8, 6, 5, 7],
    numberOfTasks: 50,
    seed: 1,
  });
  const cases = [
    ['ff --version', ['--version'], ''],
    ['ff when (10,000 runs)', ['when'], request],
  ];
  const rows = cases.map(([name, args, input]) => {
    const times = [];
    for (let i = 0; i < repeats; i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, ...args], {
        cwd: project,
        input,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return {
      case: name,
      'median ms': times[times.length >> 1].toFixed(0),
      'min ms': times[0].toFixed(0),
    };
  });
  console.log(
    `installed ff, ${repeats} runs each; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.table(rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}
