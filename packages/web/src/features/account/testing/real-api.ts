import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The real server (its own process, in-memory PGlite, every route) behind the page's `fetch`:
 * component tests exercise the true API contract, not a copy of it. jsdom has no cookie
 * handling for Node's fetch, so a small jar stands in for the browser's.
 */
export interface RealApi {
  url: string;
  /** Every API request the page made, in order: `METHOD /path`. */
  calls: string[];
  /** Forget the browser's cookies, like a new visitor. */
  clearCookies(): void;
  close(): Promise<void>;
}

// jsdom's URL is not Node's, so `import.meta.url` cannot be turned into a path here.
const ROOT = join(__dirname, '../../../../../..');

function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'packages/server/src/server.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: 'memory://',
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
        // Tests register and log in many times from one address.
        WORKSHOP_MODE: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start:\n${output.slice(-2000)}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/listening on http:\/\/localhost:(\d+)/);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${m[1]}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      });
    });
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

export async function startRealApi(): Promise<RealApi> {
  const server = await startServer();
  const jar = new Map<string, string>();
  const calls: string[] = [];
  const original = globalThis.fetch;

  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const target = new URL(String(input), server.url);
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push(`${method} ${target.pathname}${target.search}`);
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await original(target, { ...init, headers, signal: init.signal });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attrs.find((a) => /^\s*expires=/i.test(a));
      const gone =
        !value ||
        (expires && new Date(expires.split('=')[1]).getTime() < Date.now()) ||
        attrs.some((a) => /^\s*max-age=0/i.test(a));
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }) as typeof fetch;

  return {
    url: server.url,
    calls,
    clearCookies: () => jar.clear(),
    async close() {
      globalThis.fetch = original;
      await server.stop();
    },
  };
}
