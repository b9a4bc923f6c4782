import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium profile per test: no cache, no service worker, no saved language. */
export async function openBrowser(
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'ff-e2e-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${options.locale ?? 'en-US'}`,
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the main page's form with a fixed seed so numbers can be compared across pages. */
export async function runWhenForecast(
  page: Page,
  options: { seed?: string; runs?: string; backlog?: string } = {},
): Promise<void> {
  if (options.backlog) await page.getByLabel('Items in the backlog').fill(options.backlog);
  if (options.seed || options.runs) {
    await page.getByText('Runs and seed').click();
    if (options.runs) await page.getByLabel('Number of runs').fill(options.runs);
    if (options.seed) await page.getByLabel('Seed', { exact: true }).fill(options.seed);
  }
  await page.getByRole('button', { name: 'Forecast', exact: true }).click();
}

/** Waits until the service worker has cached the app and controls the page (offline from then). */
export async function untilServiceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}
