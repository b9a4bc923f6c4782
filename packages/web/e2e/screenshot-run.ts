/** What the screenshot scripts (`screenshots.ts`, `flow-screenshots.ts`) share. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildWeb } from './build';
import { openBrowser } from './browser';
import { REPO_ROOT, startApp } from './server';

/** Where the images go: docs/screenshots/, shown in the README. */
export const OUT = join(REPO_ROOT, 'docs/screenshots');

/**
 * Builds the web app into a temporary folder, serves it and hands `shoot` its address; then
 * stops the server and removes the build. A failure is printed and exits with 1.
 */
export function screenshotScript(shoot: (appUrl: string) => Promise<void>): void {
  const run = async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ff-shots-dist-'));
    await buildWeb(dist);
    const app = await startApp(dist);
    mkdirSync(OUT, { recursive: true });
    try {
      await shoot(app.url);
    } finally {
      await app.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  };
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

/** A fresh browser in `lang`'s locale with the app's language set to it; closed after `use`. */
export async function inLanguage(
  appUrl: string,
  lang: { code: string; locale: string },
  viewport: { width: number; height: number } | undefined,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const b = await openBrowser({ locale: lang.locale, viewport });
  try {
    await b.page.goto(appUrl);
    await b.page.evaluate((l) => localStorage.setItem('ff.language', l), lang.code);
    await use(b.page);
  } finally {
    await b.close();
  }
}
