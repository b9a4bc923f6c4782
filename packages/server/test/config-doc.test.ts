import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The variables of the `npm run worker` process only (it validates its own environment). */
const WORKER_ONLY = ['WORKER_CONCURRENCY', 'JOB_RESULT_MAX_MB'];

describe('configuration (issue 12)', () => {
  it('docs/configuration.md has a row for exactly the variables config.ts and the worker read', () => {
    const documented = [
      ...read('docs/configuration.md').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm),
    ].map((m) => m[1]);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES, ...WORKER_ONLY].sort());
    const worker = read('packages/worker/src/bull-worker.ts');
    for (const name of WORKER_ONLY) expect(worker).toContain(`'${name}'`);
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
