/**
 * Flow metrics of 100,000 work items in the browser's Web Worker (issue 15: ≤ 200 ms), in
 * headless Chromium: the production build's own engine worker, sent the request a flow page
 * sends for a team that large, timed from the page (structured clone in, the registry's parse
 * and run, the result cloned back) — what a reader waits for after changing a setting. The
 * items are the Node bench's (packages/engine/bench/flow-items.ts), read from JSON as an import
 * gives them. Printed as a table; a benchmark, not a timed test.
 *
 *   npm run bench:browser                  # builds the web app into a temp folder
 *   npm run bench:browser -- --dist <dir>  # an existing build
 *   BENCH_REPEATS=15 CHROMIUM_PATH=/usr/bin/chromium npm run bench:browser
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { benchFlowItems } from '../packages/engine/bench/flow-items';
import { buildWeb } from '../packages/web/e2e/build';
import { CHROMIUM } from '../packages/web/e2e/browser';

const ITEMS = 100_000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 9);
const WARMUP = 3;
const TARGET_MS = 200;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

const PAGE = '<!doctype html><meta charset="utf-8"><title>flow bench</title>';

/** The build's files, a blank page and the items, from one origin (a module worker needs it). */
function serve(dist: string, itemsJson: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/bench.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(PAGE);
      return;
    }
    if (path === '/items.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'] }).end(itemsJson);
      return;
    }
    const file = join(dist, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

/** The engine worker the app loads (`src/runner/engine.worker.ts`, hashed by the build). */
function workerFile(dist: string): string {
  const name = readdirSync(join(dist, 'assets')).find((f) => /^engine\.worker-.*\.js$/.test(f));
  if (!name) throw new Error(`no engine worker in ${dist}/assets`);
  return `/assets/${name}`;
}

interface Case {
  name: string;
  kind: string;
  input: Record<string, unknown>;
  /** A worker started for this request, as runInWorker does; else one already running. */
  fresh: boolean;
  /** The worker already holds the items (a flow page's settings change): only options sent. */
  kept?: boolean;
  note: string;
}

const CASES: Case[] = [
  {
    name: 'window auto, new worker, items posted',
    kind: 'flow',
    input: { window: 'auto' },
    fresh: true,
    note: 'a flow page’s first request (its worker starts with it)',
  },
  {
    name: 'window auto, items posted',
    kind: 'flow',
    input: { window: 'auto' },
    fresh: false,
    note: 'a new team’s items to a worker already running',
  },
  {
    name: 'window auto, items kept',
    kind: 'flow',
    input: { window: 'auto' },
    fresh: false,
    kept: true,
    note: 'a settings change: only the settings are posted',
  },
  {
    name: 'last 12 weeks, items kept',
    kind: 'flow',
    input: { window: { weeks: 12 } },
    fresh: false,
    kept: true,
    note: 'a window picked (the recommendation still computed)',
  },
  {
    name: 'all history, items kept',
    kind: 'flow',
    input: { window: 'all' },
    fresh: false,
    kept: true,
    note: 'the worst case: ~90,000 scatter points cloned back',
  },
  {
    name: 'items posted only',
    kind: 'no-such-kind',
    input: {},
    fresh: false,
    note: 'clone of the items in, an error back: the transfer alone',
  },
];

/**
 * Runs in the page: each round trip's time, in ms. `fresh` starts a worker per request and
 * ends it after, as the app's `runInWorker` does (its module cached after the first); else one
 * worker answers every request.
 */
async function timeInPage(args: {
  worker: string;
  kind: string;
  input: Record<string, unknown>;
  fresh: boolean;
  kept: boolean;
  warmup: number;
  repeats: number;
}): Promise<number[]> {
  const g = globalThis as unknown as {
    benchItems?: unknown[];
    benchWorker?: Worker;
  };
  g.benchItems ??= (await (await fetch('/items.json')).json()) as unknown[];
  let id = 0;
  const once = () =>
    new Promise<number>((resolve) => {
      const mine = ++id;
      const start = performance.now();
      const worker = args.fresh
        ? new Worker(args.worker, { type: 'module' })
        : (g.benchWorker ??= new Worker(args.worker, { type: 'module' }));
      worker.onmessage = (e: MessageEvent<{ id: number; type: string }>) => {
        if (e.data.id !== mine || e.data.type === 'progress') return;
        if (args.fresh) worker.terminate();
        resolve(performance.now() - start);
      };
      // Kept: the first request brings the items under a key, the others only name it.
      const withItems = !args.kept || mine === 1;
      worker.postMessage({
        id: mine,
        kind: args.kind,
        input: withItems ? { items: g.benchItems, ...args.input } : args.input,
        ...(args.kept ? { itemsKey: 'bench' } : {}),
      });
    });
  for (let i = 0; i < args.warmup; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < args.repeats; i++) times.push(await once());
  return times;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function distArg(): string | undefined {
  const i = process.argv.indexOf('--dist');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const given = distArg();
  const dist = given ?? mkdtempSync(join(tmpdir(), 'ff-bench-browser-'));
  if (!given) {
    process.stderr.write('building the web app…\n');
    await buildWeb(dist);
  }
  const { server, url } = await serve(dist, JSON.stringify(benchFlowItems(ITEMS)));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(`${url}/bench.html`);
    const worker = workerFile(dist);
    const version = browser.version();
    const rows: string[][] = [];
    for (const c of CASES) {
      const times = await page.evaluate(timeInPage, {
        worker,
        kind: c.kind,
        input: c.input,
        fresh: c.fresh,
        kept: c.kept ?? false,
        warmup: WARMUP,
        repeats: REPEATS,
      });
      const ms = median(times);
      const target =
        c.kind === 'flow' ? `≤ ${TARGET_MS} ms: ${ms <= TARGET_MS ? 'met' : 'missed'}` : '';
      rows.push([
        c.name,
        ms.toFixed(0),
        `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`,
        target,
        c.note,
      ]);
    }
    const load = loadavg()[0];
    console.log(
      `\nFlow metrics of ${ITEMS.toLocaleString('en-US')} work items in Chromium ${version}'s Web Worker ` +
        `(production build's engine worker; median of ${REPEATS} after ${WARMUP} warm-up runs)\n` +
        `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${load.toFixed(1)}\n`,
    );
    const head = ['case', 'median ms', 'min–max ms', 'target', 'what it is'];
    console.log(`| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await browser.close();
    server.close();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
