/**
 * The deployment files cannot drift from the code: their commands are npm scripts that exist,
 * their ports and health paths are the ones the server uses, every environment variable they
 * set is read by the code, every metric the alert rules and dashboard query is on /metrics —
 * and, since Docker is not available here, the commands they run are run here directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../src/config';
import { createTestApp } from './helper';
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import {
  appServices,
  descendants,
  envVarsReadByCode,
  freePort,
  metricNamesInPromQL,
  npmScriptOf,
  parseCompose,
  parseDockerfile,
  parseFly,
  repoRoot,
  runToEnd,
  scriptsOf,
  startProcess,
  stopGracefully,
  toArgv,
  waitForHttp,
} from './ops-support';
import type { Argv, Proc } from './ops-support';

const dockerfile = parseDockerfile();
const compose = parseCompose('docker-compose.yml');
const workshop = parseCompose('docker-compose.workshop.yml');
const fly = parseFly();
const knownEnv = envVarsReadByCode();
const defaults = loadConfig({});

/** The runtime stage's COPY lines: from the deps or build stage, or from the build context. */
function runtimeCopies(): { stage: string | null; from: string; to: string }[] {
  const stages = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8').split(/^FROM /m);
  const runtime = stages[stages.length - 1];
  return [...runtime.matchAll(/^COPY\s+(.*)$/gm)].map((m) => {
    const parts = m[1].split(/\s+/);
    const stage = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length) ?? null;
    const [from, to] = parts.filter((p) => !p.startsWith('--'));
    return { stage, from, to };
  });
}

/**
 * The runtime image's /app, laid out here as its COPY lines say: the deps stage's node_modules
 * (as links to this checkout's, less the compiler the Dockerfile removes) and workspace
 * manifests, the build stage's output and the context's files. A command that needs a
 * TypeScript source or tsx fails in it, as it would in the image.
 */
function imageLayout(dir: string): void {
  const link = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(from, to);
  };
  for (const c of runtimeCopies()) {
    if (c.stage === 'deps') {
      const modules = join(repoRoot, 'node_modules');
      for (const name of readdirSync(modules)) {
        if (['tsx', 'esbuild', '@esbuild', '.bin'].includes(name)) continue;
        link(join(modules, name), join(dir, 'node_modules', name));
      }
      for (const ws of readdirSync(join(repoRoot, 'packages'))) {
        const pkg = join(repoRoot, 'packages', ws);
        if (existsSync(join(pkg, 'package.json'))) {
          cpSync(join(pkg, 'package.json'), join(dir, 'packages', ws, 'package.json'));
        }
        // Versions npm could not hoist live beside their workspace, in the image too.
        if (existsSync(join(pkg, 'node_modules'))) {
          link(join(pkg, 'node_modules'), join(dir, 'packages', ws, 'node_modules'));
        }
      }
      cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
      continue;
    }
    const from = c.stage === 'build' ? c.from.replace(/^\/app\//, '') : c.from;
    // The web app is built by the test before; the image's copy of it is served from WEB_DIST.
    if (from === 'packages/web/dist') continue;
    const to = c.to.endsWith('/') ? join(dir, c.to, basename(from)) : join(dir, c.to);
    cpSync(join(repoRoot, from), to, { recursive: true });
  }
}

function expectScriptExists(argv: Argv, where: string): void {
  const s = npmScriptOf(argv);
  expect(s, `${where}: ${argv.join(' ')} is not an npm script call`).toBeDefined();
  if (!s) return;
  expect(Object.keys(scriptsOf(s.packageJson)), `${where}: npm script "${s.script}"`).toContain(
    s.script,
  );
}

/** The HTTP paths a health-check command or string mentions. */
function pathsIn(command: unknown): string[] {
  return [...JSON.stringify(command).matchAll(/\/(healthz|readyz|health)\b/g)].map((m) => m[0]);
}

const SERVED_HEALTH_PATHS = ['/healthz', '/readyz', '/health'];

describe('Dockerfile', () => {
  it('is multi-stage on slim Node 20, runs as a non-root user with production dependencies', () => {
    expect(dockerfile.fromImages.length).toBeGreaterThanOrEqual(2);
    for (const image of dockerfile.fromImages) expect(image).toBe('node:20-slim');
    expect(dockerfile.user).toBeDefined();
    expect(['root', '0']).not.toContain(dockerfile.user);
    const text = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(text).toMatch(/COPY --from=build .*packages\/web\/dist/);
  });

  it('copies every workspace’s package.json before each npm ci (npm ci fails on a missing one)', () => {
    const workspaces = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] }
    ).workspaces;
    const stages = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8')
      .split(/^FROM /m)
      .slice(1);
    const installing = stages.filter((stage) => /npm ci/.test(stage));
    expect(installing.length).toBeGreaterThanOrEqual(2);
    for (const stage of installing) {
      const beforeCi = stage.slice(0, stage.indexOf('npm ci'));
      for (const ws of workspaces) expect(beforeCi, ws).toContain(`COPY ${ws}/package.json ${ws}/`);
    }
  });

  it('runs npm scripts that exist, exposes the port the server listens on', () => {
    expectScriptExists(dockerfile.cmd, 'CMD');
    for (const argv of dockerfile.runNpm.filter((a) => a[1] === 'run')) {
      expectScriptExists(argv, 'RUN');
    }
    expect(dockerfile.expose).toEqual([Number(dockerfile.env.PORT)]);
    expect(Number(dockerfile.env.PORT)).toBe(defaults.port);
  });

  it('sets only environment variables the code reads', () => {
    for (const key of Object.keys(dockerfile.env)) {
      if (key === 'NODE_ENV') continue;
      expect(knownEnv, `Dockerfile ENV ${key}`).toContain(key);
    }
  });

  it('health-checks /healthz', () => {
    expect(pathsIn(dockerfile.healthcheck)).toEqual(['/healthz']);
  });

  it('builds the server to JavaScript and ships neither sources nor a compiler', () => {
    expect(dockerfile.runNpm).toContainEqual(['npm', 'run', 'build', '-w', 'packages/server']);
    const runtime = runtimeCopies();
    expect(runtime.map((c) => c.to)).toContain('./packages/server/dist');
    // No TypeScript source folder of any package reaches the runtime image.
    for (const c of runtime) expect(c.from, `COPY ${c.from}`).not.toMatch(/(^|\/)(src|packages)$/);
    const text = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    expect(text).toMatch(/rm -rf node_modules\/tsx node_modules\/esbuild/);
  });
});

describe('docker-compose.yml (scaled)', () => {
  it('has PostgreSQL, Redis, a one-shot migration, web and worker, all health-checked', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['migrate', 'postgres', 'redis', 'web', 'worker'].sort(),
    );
    expect(compose.services.postgres.healthcheck?.test).toBeDefined();
    expect(compose.services.redis.healthcheck?.test).toBeDefined();
    expect(pathsIn(compose.services.web.healthcheck?.test)).toEqual(['/readyz']);
    // The worker has no port: its check is an npm script (run by the scaled-mode test).
    expectScriptExists(
      toArgv(compose.services.worker.healthcheck?.test).slice(1),
      'worker healthcheck',
    );
    expect(compose.services.migrate.depends_on?.postgres.condition).toBe('service_healthy');
    for (const name of ['web', 'worker']) {
      const s = compose.services[name];
      expect(s.depends_on?.migrate.condition).toBe('service_completed_successfully');
      expect(s.depends_on?.redis.condition).toBe('service_healthy');
      expect(s.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(s.environment?.REDIS_URL).toBe('redis://redis:6379');
    }
    // Scalable: no fixed container name, and the web port is a host range.
    for (const name of ['web', 'worker']) {
      expect(compose.services[name]).not.toHaveProperty('container_name');
    }
    expect(compose.services.web.ports?.[0]).toMatch(/^\d+-\d+:\d+$/);
  });

  it('runs npm scripts that exist, with variables the code reads, on the port it listens on', () => {
    for (const [name, s] of appServices(compose)) {
      expectScriptExists(toArgv(s.command), `compose ${name}`);
      for (const key of Object.keys(s.environment ?? {})) {
        expect(knownEnv, `compose ${name} ${key}`).toContain(key);
      }
    }
    const web = compose.services.web;
    const containerPort = Number(web.ports?.[0].split(':')[1]);
    expect(containerPort).toBe(Number(web.environment?.PORT));
    expect(JSON.stringify(web.healthcheck?.test)).toContain(`:${containerPort}/`);
  });
});

describe('docker-compose.workshop.yml', () => {
  it('is one container with the embedded database in a volume and no Redis', () => {
    const services = Object.entries(workshop.services);
    expect(services).toHaveLength(1);
    const [, app] = services[0];
    const env = app.environment ?? {};
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.WORKSHOP_MODE).toBe('true');
    const volume = (app.volumes ?? []).find((v) => v.endsWith(`:${env.DATA_DIR}`));
    expect(volume, 'DATA_DIR is a mounted volume').toBeDefined();
    expect(Object.keys(workshop.volumes ?? {})).toContain(volume?.split(':')[0]);
    expectScriptExists(toArgv(app.command), 'workshop');
    for (const key of Object.keys(env)) expect(knownEnv, `workshop ${key}`).toContain(key);
    expect(pathsIn(app.healthcheck?.test)).toEqual(['/healthz']);
    expect(app.ports).toEqual([`${env.PORT}:${env.PORT}`]);
  });
});

describe('fly.toml', () => {
  it('runs web and worker process groups from npm scripts that exist', () => {
    expect(Object.keys(fly.processes).sort()).toEqual(['web', 'worker']);
    for (const [name, cmd] of Object.entries(fly.processes)) {
      expectScriptExists(toArgv(cmd), `fly ${name}`);
    }
    expectScriptExists(toArgv(fly.deploy.release_command), 'fly release_command');
    expect(toArgv(fly.deploy.release_command)).toEqual(['npm', 'run', 'migrate']);
    expect(fly.deploy.strategy).toBe('rolling');
  });

  it('serves 8080 with checks on /healthz and /readyz and never scales to zero', () => {
    expect(fly.http_service.internal_port).toBe(8080);
    expect(Number(fly.env.PORT)).toBe(fly.http_service.internal_port);
    expect(fly.http_service.processes).toEqual(['web']);
    expect(fly.http_service.checks.map((c) => c.path).sort()).toEqual(['/healthz', '/readyz']);
    expect(fly.http_service.min_machines_running).toBeGreaterThanOrEqual(1);
    expect(fly.http_service.auto_stop_machines).toBe('off');
    for (const key of Object.keys(fly.env)) expect(knownEnv, `fly env ${key}`).toContain(key);
  });
});

describe('every metric in deploy/ is on /metrics of a real app', () => {
  const alerts = parseYaml(readFileSync(join(repoRoot, 'deploy/alerts.yml'), 'utf8')) as {
    groups: { rules: { alert: string; expr: string }[] }[];
  };
  const dashboard = JSON.parse(
    readFileSync(join(repoRoot, 'deploy/grafana-dashboard.json'), 'utf8'),
  ) as { panels: { title: string; targets: { expr: string }[] }[] };
  const queries = [
    ...alerts.groups.flatMap((g) =>
      g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })),
    ),
    ...dashboard.panels.flatMap((p) =>
      p.targets.map((t) => ({ where: `panel ${p.title}`, expr: t.expr })),
    ),
  ];
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has the alerts the runbook describes', () => {
    const names = alerts.groups.flatMap((g) => g.rules.map((r) => r.alert));
    const runbook = readFileSync(join(repoRoot, 'docs/operations.md'), 'utf8');
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) expect(runbook, `runbook section for ${name}`).toContain(name);
  });

  it('finds each queried metric after some traffic', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({
      method: 'POST',
      url: '/api/simulate',
      payload: { tpSamples: [3, 5, 4, 6], numberOfTasks: 20, numberOfSimulations: 500, seed: 1 },
    });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    const exported = new Set(
      res.body
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(l)?.[0]),
    );
    expect(queries.length).toBeGreaterThan(10);
    for (const { where, expr } of queries) {
      const names = metricNamesInPromQL(expr);
      expect(names.length, `${where}: ${expr}`).toBeGreaterThan(0);
      // `up` is written by Prometheus itself for every scrape target.
      for (const name of names.filter((n) => n !== 'up')) {
        expect(exported, `${where} uses ${name}`).toContain(name);
      }
    }
  });
});

describe('the commands the files run, run here', () => {
  const procs: Proc[] = [];
  const dirs: string[] = [];
  // The build made by the first test stands in for the image's build stage: no test here
  // builds into packages/web/dist, which other suites may be reading.
  let webBuild = '';
  const tmp = (p: string) => {
    const d = mkdtempSync(join(tmpdir(), p));
    dirs.push(d);
    return d;
  };
  // How every server started here is run: on `port` with its data in `dataDir`, over `base`.
  const serverEnv = (
    base: Record<string, string>,
    port: number,
    dataDir: string,
    webDist = join(repoRoot, 'packages/web/dist'),
  ) => ({
    ...base,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST: webBuild || webDist,
    LOG_LEVEL: 'warn',
    MAINTENANCE_INTERVAL_SECONDS: '0',
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => stopGracefully(p, 5_000)));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('builds the web app with the Dockerfile build command', async () => {
    const build = dockerfile.runNpm.find(
      (a) => a[1] === 'run' && a[2] === 'build' && a.includes('packages/web'),
    );
    expect(build).toBeDefined();
    const out = tmp('ff-web-build-');
    webBuild = out;
    // Same command, but into a temporary directory: other suites serve packages/web/dist.
    const r = await runToEnd(
      'web build',
      [...(build as Argv), '--', '--outDir', out, '--emptyOutDir'],
      {},
    );
    expect(r.code, r.output).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  }, 120_000);

  it('starts the image command with the image environment; its HEALTHCHECK passes, and fails with no server', async () => {
    const port = await freePort();
    const env = serverEnv(
      dockerfile.env,
      port,
      tmp('ff-image-data-'),
      dockerfile.env.WEB_DIST.replace(/^\/app/, repoRoot),
    );
    const web = startProcess('image CMD', dockerfile.cmd, env);
    procs.push(web);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, web);
    const check = await runToEnd('HEALTHCHECK', dockerfile.healthcheck, { PORT: String(port) });
    expect(check.code, check.output).toBe(0);
    for (const path of [
      ...new Set([...fly.http_service.checks.map((c) => c.path), ...SERVED_HEALTH_PATHS]),
    ]) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(res.status, path).toBe(200);
    }
    // The built web app is served from WEB_DIST.
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root"|<!doctype html/i);

    expect(await stopGracefully(web)).toBe(0);
    const failing = await runToEnd('HEALTHCHECK (no server)', dockerfile.healthcheck, {
      PORT: String(port),
    });
    expect(failing.code).toBe(1);
  }, 150_000);

  it('runs the image’s commands in its layout (no sources, no tsx): migrate, then npm start; forecasts run on pool threads', async () => {
    // The build the image's build stage makes (start.mjs builds only when the sources changed).
    const build = await runToEnd('server build', ['node', 'scripts/start.mjs', 'build'], {});
    expect(build.code, build.output).toBe(0);
    const app = tmp('ff-image-app-');
    imageLayout(app);
    expect(existsSync(join(app, 'packages/server/src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
    const dataDir = tmp('ff-image-layout-data-');
    const migrate = await runToEnd(
      'release_command',
      toArgv(fly.deploy.release_command),
      { DATA_DIR: dataDir },
      120_000,
      app,
    );
    expect(migrate.code, migrate.output).toBe(0);

    const port = await freePort();
    const env = { ...serverEnv(dockerfile.env, port, dataDir), WORKER_THREADS: '2' };
    const web = startProcess('image CMD (layout)', dockerfile.cmd, env, app);
    procs.push(web);
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, web);
    const commands = descendants(web.child.pid as number).map((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '),
    );
    expect(commands.some((c) => c.includes('packages/server/dist/bin/server.js'))).toBe(true);
    for (const c of commands) expect(c).not.toMatch(/tsx/);
    // Every forecast runs on the pool; two at once start its second thread too.
    const input = (seed: number) => ({
      tpSamples: [5, 6, 7, 4, 8, 6, 5, 7],
      backlog: 80,
      numberOfSimulations: 50_000,
      seed,
    });
    const answers = await Promise.all(
      [1, 2].map((seed) =>
        fetch(`http://127.0.0.1:${port}/api/forecast-when`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input(seed)),
        }),
      ),
    );
    for (const res of answers) expect(res.status, web.output()).toBe(200);
    // The compiled engine gives what the sources give for the same seed.
    const parsed = FORECAST_REGISTRY.parse('when', input(1));
    expect(parsed.ok).toBe(true);
    const local = parsed.ok ? await parsed.value.run() : null;
    expect(JSON.parse(JSON.stringify(local))).toEqual(await answers[0].json());
    expect(await stopGracefully(web)).toBe(0);
  }, 240_000);

  it('starts the workshop container command: embedded database in DATA_DIR, workshop limits', async () => {
    const [, app] = Object.entries(workshop.services)[0];
    const port = await freePort();
    const dataDir = tmp('ff-workshop-data-');
    const env = serverEnv(app.environment ?? {}, port, dataDir);
    const proc = startProcess('workshop', toArgv(app.command), env);
    procs.push(proc);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, proc);
    const healthcheck = toArgv(app.healthcheck?.test)
      .slice(1)
      .map((a) => a.replace(':8080/', `:${port}/`));
    const check = await runToEnd('workshop healthcheck', healthcheck, {});
    expect(check.code, check.output).toBe(0);
    const res = await fetch(`http://127.0.0.1:${port}/api/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tpSamples: [3, 5, 4, 6], numberOfTasks: 20, seed: 3 }),
    });
    expect(res.status).toBe(200);
    // WORKSHOP_MODE multiplies the per-client budget.
    const normal = loadConfig({}).rateLimit.max;
    expect(Number(res.headers.get('x-ratelimit-limit'))).toBe(
      loadConfig({ WORKSHOP_MODE: 'true' }).rateLimit.max,
    );
    expect(Number(res.headers.get('x-ratelimit-limit'))).toBeGreaterThan(normal);
    // The embedded database lives in the mounted directory.
    expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
    expect(await stopGracefully(proc)).toBe(0);
  }, 150_000);
});
