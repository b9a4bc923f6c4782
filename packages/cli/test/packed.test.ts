/**
 * The published packages work on their own: both are built and packed exactly as they would be
 * published (`scripts/pack.mjs`), installed from the tarballs into an empty directory — no
 * monorepo, no tsx, no TypeScript — and used there as a user would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import { ROOT, ff } from './helpers';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'ff-packed-'));
const project = join(work, 'project');
const installedBin = join(project, 'node_modules', '.bin', 'ff');

function installed(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [installedBin, ...args], {
    cwd: project,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REQUEST = {
  tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7],
  numberOfTasks: 60,
  startDate: '2026-01-05',
};

beforeAll(() => {
  const out = join(work, 'tarballs');
  const tarballs = execFileSync(process.execPath, [join(ROOT, 'scripts/pack.mjs'), '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  // A temporary folder outside the repository: nothing of the monorepo is on its module path.
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'packed-check', private: true, type: 'module' }),
  );
  // Optional tracker SDKs are left out: `ff` must work without them (only `ff pull` needs one).
  execFileSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--omit=optional', '--prefer-offline', ...tarballs],
    { cwd: project, stdio: 'ignore' },
  );
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed engine and CLI, installed from their tarballs', () => {
  it('installs the two packages without tsx, TypeScript or the workspace’s private packages', () => {
    const top = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(top).not.toContain('tsx');
    expect(top).not.toContain('typescript');
    expect(readdirSync(join(project, 'node_modules', '@flow-forecaster')).sort()).toEqual([
      'cli',
      'engine',
    ]);
  });

  it('serves every forecast kind over MCP (`ff mcp`)', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [installedBin, 'mcp'],
      cwd: project,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'packed-check', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(
        FORECAST_REGISTRY.kinds.map((k) => k.kind).sort(),
      );
      const call = await client.callTool({
        name: 'simulate',
        arguments: { ...REQUEST, seed: 3, numberOfSimulations: 1000 },
      });
      expect(call.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it('answers --version with the package version', () => {
    const version = (
      JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const r = installed(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('forecasts with the same numbers as the monorepo’s ff for the same seed', async () => {
    const body = JSON.stringify(REQUEST);
    const packed = installed(['when', '--seed', '42', '--runs', '2000'], body);
    expect(packed.stderr).toBe('');
    expect(packed.code).toBe(0);
    const source = await ff(['when', '--seed', '42', '--runs', '2000'], { stdin: body });
    expect(source.code).toBe(0);
    const a = JSON.parse(packed.stdout) as { percentile_stats: Record<string, number> };
    expect(a.percentile_stats.p85).toBeGreaterThan(0);
    expect(a).toEqual(JSON.parse(source.stdout));
  });

  it('names the optional package `ff pull` needs when it is not installed', () => {
    const r = installed(['pull', 'github', '--repo', 'octo/hello']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/@octokit\/rest/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('gives a plain-JavaScript engine with type declarations', () => {
    const engineDir = join(project, 'node_modules', '@flow-forecaster', 'engine');
    const manifest = JSON.parse(readFileSync(join(engineDir, 'package.json'), 'utf8')) as {
      types: string;
      license: string;
    };
    expect(manifest.license).toBe('MIT');
    expect(existsSync(join(engineDir, manifest.types))).toBe(true);
    const script = [
      "import { simulate } from '@flow-forecaster/engine';",
      `const r = simulate({ ...${JSON.stringify(REQUEST)}, numberOfSimulations: 1000, seed: 1 });`,
      'console.log(r.percentile_stats.p85);',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(Number(r.stdout.trim())).toBeGreaterThan(0);
  });
});
