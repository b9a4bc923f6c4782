#!/usr/bin/env node
/**
 * Builds and packs the two published packages, `@flow-forecaster/engine` and
 * `@flow-forecaster/cli`, into tarballs: `node scripts/pack.mjs [--out DIR]` (default `.pack/`).
 *
 * Inside the monorepo every package is imported from its TypeScript sources (no build step for
 * tests, the server or the web app). A published package needs JavaScript, declarations and a
 * manifest that points at them, so this script builds with tsup and packs a staging copy whose
 * package.json is derived from the workspace one: `exports`/`bin`/`files` point at `dist/`,
 * workspace-only fields go, and the CLI's dependencies become what its bundle really imports
 * (the engine and the MCP SDK of `ff mcp`; the tracker SDKs, used only by `ff pull`, as
 * optional dependencies).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const out = resolve(outFlag > 0 ? process.argv[outFlag + 1] : join(root, '.pack'));

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const rootManifest = readJson(join(root, 'package.json'));
const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npxCmd = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Fields every published manifest shares. */
function common(manifest) {
  return {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    license: 'MIT',
    type: 'module',
    engines: rootManifest.engines,
    keywords: ['forecasting', 'monte-carlo', 'kanban', 'agile', 'throughput'],
  };
}

function build(pkgDir) {
  execFileSync(npxCmd, ['tsup', '--silent'], { cwd: pkgDir, stdio: 'inherit' });
}

function stage(name, manifest, files) {
  const dir = join(out, 'staging', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [from, to] of files) cpSync(from, join(dir, to), { recursive: true });
  cpSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const packed = JSON.parse(
    execFileSync(npmCmd, ['pack', '--json', '--pack-destination', out], {
      cwd: dir,
      encoding: 'utf8',
    }),
  );
  return join(out, packed[0].filename);
}

function packEngine() {
  const pkgDir = join(root, 'packages/engine');
  const manifest = readJson(join(pkgDir, 'package.json'));
  build(pkgDir);
  return stage(
    'engine',
    {
      ...common(manifest),
      sideEffects: false,
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
      types: './dist/index.d.ts',
      files: ['dist', 'README.md', 'LICENSE'],
    },
    [
      [join(pkgDir, 'dist'), 'dist'],
      [join(pkgDir, 'README.md'), 'README.md'],
    ],
  );
}

function packCli() {
  const pkgDir = join(root, 'packages/cli');
  const manifest = readJson(join(pkgDir, 'package.json'));
  const engine = readJson(join(root, 'packages/engine/package.json'));
  const connectors = readJson(join(root, 'packages/connectors/package.json'));
  // What the bundle still imports at run time: the CLI's own dependencies minus the workspace
  // packages and the libraries tsup inlines (see packages/cli/tsup.config.ts); tsx only serves
  // the monorepo's bin/ff.js.
  const inlined = new Set(['zod', 'papaparse', 'tsx']);
  const runtime = Object.fromEntries(
    Object.entries(manifest.dependencies).filter(
      ([name]) => !name.startsWith('@flow-forecaster/') && !inlined.has(name),
    ),
  );
  const sdks = Object.fromEntries(
    Object.entries(connectors.dependencies).filter(
      ([name]) => !name.startsWith('@flow-forecaster/'),
    ),
  );
  build(pkgDir);
  const bin = join(out, 'staging', 'cli-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'ff.js'), "#!/usr/bin/env node\nimport '../dist/main.js';\n", {
    mode: 0o755,
  });
  return stage(
    'cli',
    {
      ...common(manifest),
      bin: { ff: './bin/ff.js' },
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
      types: './dist/index.d.ts',
      files: ['dist', 'bin', 'README.md', 'LICENSE'],
      dependencies: { [engine.name]: engine.version, ...runtime },
      optionalDependencies: sdks,
    },
    [
      [join(pkgDir, 'dist'), 'dist'],
      [bin, 'bin'],
      [join(pkgDir, 'README.md'), 'README.md'],
    ],
  );
}

mkdirSync(out, { recursive: true });
const tarballs = [packEngine(), packCli()];
process.stdout.write(`${tarballs.join('\n')}\n`);
