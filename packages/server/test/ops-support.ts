/**
 * Support for the operations tests: the deployment files parsed into the commands, ports,
 * health paths and environment they declare, the environment variables the code reads, and
 * real processes started the way those files start them (Docker is not available here, so
 * the tests run the same commands directly).
 */
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { WORKER_CONFIG_VARIABLES } from '@flow-forecaster/worker';
import { CONFIG_VARIABLES } from '../src/config';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

/** A command as argv, whatever form the file wrote it in (exec array or shell string). */
export type Argv = string[];

export function toArgv(command: unknown): Argv {
  if (Array.isArray(command)) return command.map(String);
  if (typeof command === 'string') return command.trim().split(/\s+/);
  throw new Error(`not a command: ${JSON.stringify(command)}`);
}

export interface Dockerfile {
  cmd: Argv;
  healthcheck: Argv;
  expose: number[];
  env: Record<string, string>;
  /** Every `npm …` command in RUN lines. */
  runNpm: Argv[];
  fromImages: string[];
  user: string | undefined;
}

export function parseDockerfile(text = read('Dockerfile')): Dockerfile {
  // Join continuation lines so each instruction is one line.
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const out: Dockerfile = {
    cmd: [],
    healthcheck: [],
    expose: [],
    env: {},
    runNpm: [],
    fromImages: [],
    user: undefined,
  };
  const args: Record<string, string> = {};
  for (const line of lines) {
    const [instr, ...restParts] = line.split(/\s+/);
    const rest = line.slice(instr.length).trim();
    switch (instr.toUpperCase()) {
      case 'ARG': {
        const [k, v] = rest.split('=');
        args[k] = v ?? '';
        break;
      }
      case 'FROM':
        out.fromImages.push(restParts[0].replace(/\$\{(\w+)\}/g, (_, k: string) => args[k] ?? ''));
        break;
      case 'CMD':
        out.cmd = JSON.parse(rest) as string[];
        break;
      case 'HEALTHCHECK': {
        const i = rest.indexOf('CMD ');
        out.healthcheck = JSON.parse(rest.slice(i + 4)) as string[];
        break;
      }
      case 'EXPOSE':
        out.expose.push(...restParts.map(Number));
        break;
      case 'ENV':
        for (const m of rest.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)) out.env[m[1]] = m[2];
        break;
      case 'RUN':
        for (const part of rest.split('&&')) {
          const argv = part.trim().split(/\s+/);
          if (argv[0] === 'npm') out.runNpm.push(argv);
        }
        break;
      case 'USER':
        out.user = rest;
        break;
    }
  }
  return out;
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * Compose's `${NAME:-default}` / `${NAME}` interpolation, against `env` (a fresh host with
 * nothing set by default, as on a first `docker compose up`).
 */
export function interpolate(text: string, env: Record<string, string> = {}): string {
  return text.replace(
    /\$\{([A-Z_][A-Z0-9_]*)(?::?-([^}]*))?\}/g,
    (_, name: string, fallback?: string) =>
      env[name] !== undefined && env[name] !== '' ? env[name] : (fallback ?? ''),
  );
}

export function parseCompose(file: string, env: Record<string, string> = {}): ComposeFile {
  return parseYaml(interpolate(read(file), env), { merge: true }) as ComposeFile;
}

export interface FlyToml {
  app: string;
  deploy: { release_command: string; strategy: string };
  env: Record<string, string>;
  processes: Record<string, string>;
  http_service: {
    internal_port: number;
    processes: string[];
    min_machines_running: number;
    auto_stop_machines: string | boolean;
    checks: { path: string; method: string }[];
  };
}

export function parseFly(): FlyToml {
  return parseToml(read('fly.toml')) as unknown as FlyToml;
}

/** The services that run our image (not PostgreSQL or Redis). */
export function appServices(compose: ComposeFile): [string, ComposeService][] {
  return Object.entries(compose.services).filter(
    ([, s]) => s.build !== undefined || (s.image ?? '').startsWith('flow-forecaster'),
  );
}

/** `npm start`, `npm run x`, `npm run x -w pkg`: the script it runs and the package.json. */
export function npmScriptOf(raw: Argv): { script: string; packageJson: string } | undefined {
  const argv = raw.filter((a) => a !== '-s' && a !== '--silent');
  if (argv[0] !== 'npm') return undefined;
  const w = argv.indexOf('-w');
  const packageJson = w >= 0 ? join(argv[w + 1], 'package.json') : 'package.json';
  if (argv[1] === 'start') return { script: 'start', packageJson };
  if (argv[1] === 'run') return { script: argv[2], packageJson };
  return undefined;
}

export function scriptsOf(packageJson: string): Record<string, string> {
  return (JSON.parse(read(packageJson)) as { scripts?: Record<string, string> }).scripts ?? {};
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * Environment variables the code reads: the server's and the worker's validated configs, plus
 * every direct read (`process.env.X`, `process.env['X']`) in the packages' and scripts' sources.
 */
export function envVarsReadByCode(): Set<string> {
  const names = new Set<string>([...CONFIG_VARIABLES, ...WORKER_CONFIG_VARIABLES]);
  const files = [
    ...walk(join(repoRoot, 'packages')).filter((p) => p.includes(`${'/'}src${'/'}`)),
    ...walk(join(repoRoot, 'scripts')),
  ];
  const patterns = [
    /process\.env\.([A-Z][A-Z0-9_]*)/g,
    /process\.env\[['"]([A-Z][A-Z0-9_]*)['"]\]/g,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) names.add(m[1]);
  }
  return names;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  name: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `argv` from `cwd` (the repo root) with `env` over a clean copy of this environment. */
export function startProcess(
  name: string,
  argv: Argv,
  env: Record<string, string>,
  cwd = repoRoot,
): Proc {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  // Vitest's own variables would make a child think it runs under a test.
  delete childEnv.VITEST;
  delete childEnv.VITEST_POOL_ID;
  delete childEnv.VITEST_WORKER_ID;
  delete childEnv.NODE_OPTIONS;
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, name, output: () => log, exited };
}

/** Every process below `pid` (npm → sh → node → …), deepest last. */
export function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift() as number;
    for (const [child, parent] of table) {
      if (parent === p) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** SIGKILL the process and everything it started: a crash, as far as the others can tell. */
export function killTree(proc: Proc, signal: NodeJS.Signals = 'SIGKILL'): void {
  const pid = proc.child.pid;
  if (pid === undefined) return;
  const all = [pid, ...descendants(pid)];
  for (const p of all) kill(p, signal);
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The deepest process that is not a helper daemon (tsx starts an esbuild service). */
function workProcess(pid: number, tree: number[]): number {
  const candidates = tree.filter((p) => !/esbuild/.test(commandLine(p)));
  return candidates.length ? candidates[candidates.length - 1] : pid;
}

/**
 * A graceful stop as an orchestrator does it: SIGTERM to the process that does the work (the
 * deepest one; npm and wrappers pass the exit up), then everything after a grace period.
 */
export async function stopGracefully(proc: Proc, graceMs = 15_000): Promise<number | null> {
  const pid = proc.child.pid;
  if (pid === undefined || proc.child.exitCode !== null) return proc.child.exitCode;
  const tree = descendants(pid);
  kill(workProcess(pid, tree), 'SIGTERM');
  const timer = setTimeout(() => killTree(proc), graceMs);
  const code = await proc.exited;
  clearTimeout(timer);
  // Anything left (wrappers that did not follow) must not outlive the test.
  for (const p of tree) kill(p, 'SIGKILL');
  return code;
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Resolves when GET `url` answers 200. */
export async function waitForHttp(url: string, proc?: Proc, timeoutMs = 90_000): Promise<true> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited ${proc.child.exitCode}:\n${proc.output().slice(-3000)}`);
    }
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === 200) return true;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${url}: ${proc?.output().slice(-3000) ?? ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs a command to completion; resolves to its exit code and output. */
export async function runToEnd(
  name: string,
  argv: Argv,
  env: Record<string, string>,
  timeoutMs = 120_000,
  cwd = repoRoot,
): Promise<{ code: number | null; output: string }> {
  const proc = startProcess(name, argv, env, cwd);
  const timer = setTimeout(() => killTree(proc), timeoutMs);
  const code = await proc.exited;
  clearTimeout(timer);
  return { code, output: proc.output() };
}

/** Strips PromQL down to the metric names it selects. */
export function metricNamesInPromQL(expr: string): string[] {
  const FUNCTIONS = new Set([
    'sum',
    'min',
    'max',
    'avg',
    'count',
    'rate',
    'irate',
    'increase',
    'histogram_quantile',
    'clamp_min',
    'clamp_max',
    'topk',
    'bottomk',
    'by',
    'without',
    'on',
    'ignoring',
    'and',
    'or',
    'unless',
    'abs',
    'absent',
    'delta',
    'deriv',
    'time',
    'vector',
    'scalar',
    'le',
    'group_left',
    'group_right',
    'offset',
    'bool',
    'avg_over_time',
    'max_over_time',
    'min_over_time',
    'e',
    'inf',
    'nan',
  ]);
  const stripped = expr
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // range selectors
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ') // grouping labels
    .replace(/"[^"]*"|'[^']*'/g, ' ')
    .replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, ' ');
  const names = stripped.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(names.filter((n) => !FUNCTIONS.has(n.toLowerCase())))];
}
