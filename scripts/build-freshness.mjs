// When `npm start` must (re)build: a build older than any file it is made from is stale, so a
// `git pull` followed by `npm start` serves the new code, never the previous build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of `path` or of the files under it, 0 when it does not exist. */
export function newest(path) {
  if (!existsSync(path)) return 0;
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let t = 0;
  for (const e of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
}

/**
 * The web app's inputs: its own sources and build config, and the packages its bundle inlines
 * (engine, schemas). Missing paths count as 0.
 */
export function webSources(root) {
  const web = join(root, 'packages', 'web');
  return [
    join(web, 'src'),
    join(web, 'public'),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(web, 'holiday-chunks.ts'),
    join(web, 'package.json'),
    join(root, 'packages', 'engine', 'src'),
    join(root, 'packages', 'schemas', 'src'),
  ];
}

/** True when the web app has no build or one older than any of its sources. */
export function webBuildNeeded(root) {
  const built = join(root, 'packages', 'web', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return webSources(root).some((p) => newest(p) > builtAt);
}
