import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_CONFIG_VARIABLES } from '@flow-forecaster/worker';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('configuration (issue 12)', () => {
  it('docs/configuration.md has a row for exactly the variables the server and worker configs read', () => {
    const documented = [
      ...read('docs/configuration.md').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm),
    ].map((m) => m[1]);
    expect(new Set(documented).size).toBe(documented.length);
    const readByCode = new Set([...CONFIG_VARIABLES, ...WORKER_CONFIG_VARIABLES]);
    expect([...documented].sort()).toEqual([...readByCode].sort());
  });

  it('no server or worker source reads the environment except through its config', () => {
    const dirs = ['packages/server/src', 'packages/worker/src', 'packages/cli/src'];
    const offenders = dirs.flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.test.ts'))
        .map((f) => `${dir}/${f}`)
        .filter((f) => /process\.env[.[]/.test(read(f))),
    );
    expect(offenders).toEqual([]);
  });

  it('no server source reads the environment except through config.ts', () => {
    const sources = ['src/app.ts', 'src/maintenance.ts', 'src/plugins/jobs.ts', 'src/server.ts'];
    for (const file of sources) {
      expect(read(`packages/server/${file}`), file).not.toMatch(
        /process\.env\.[A-Z]|env(Int|Seconds)\(/,
      );
    }
  });

  it.each([
    ['WORKER_THREADS', '0'],
    ['WORKER_THREADS', 'many'],
    ['JOB_TIMEOUT_SECONDS', '-5'],
    ['SYNC_TIMEOUT_SECONDS', '1.5'],
    ['JOB_SHUTDOWN_GRACE_SECONDS', 'soon'],
    ['MAINTENANCE_INTERVAL_SECONDS', 'hourly'],
    ['JOB_QUEUE_PREFIX', 'ff prod'],
    ['REQUEST_TIMEOUT_SECONDS', '-1'],
  ])('refuses %s=%s at start, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^\\s+${name}: `, 'm'));
  });

  it('reads the job settings into the config', () => {
    const c = loadConfig({
      WORKER_THREADS: '3',
      JOB_QUEUE_PREFIX: 'ff-test',
      SYNC_TIMEOUT_SECONDS: '30',
      JOB_SHUTDOWN_GRACE_SECONDS: '0',
      MAINTENANCE_INTERVAL_SECONDS: '0.5',
    });
    expect(c.jobs).toMatchObject({
      threads: 3,
      prefix: 'ff-test',
      syncTimeoutSeconds: 30,
      shutdownGraceSeconds: 0,
    });
    expect(c.maintenanceIntervalSeconds).toBe(0.5);
    expect(loadConfig({}).jobs?.threads).toBeUndefined();
  });
});
