import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, runWhenForecast, untilServiceWorkerControls, type Browser } from './browser';
import { startApp, type RunningApp } from './server';

const dist = inject('dist');

describe('offline', () => {
  let b: Browser | undefined;
  let app: RunningApp | undefined;
  afterEach(async () => {
    await b?.close();
    await app?.stop();
  });

  it('runs a forecast after the server is gone, from the service worker cache', async () => {
    // A server of its own: this test stops it.
    app = await startApp(dist);
    b = await openBrowser();
    const { page } = b;
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'When will it be done?' }).waitFor();
    // Wait until the service worker has cached the app and controls the page.
    await untilServiceWorkerControls(page);

    await app.stop();
    app = undefined;
    // Prove the server is really gone before relying on the cache.
    const probe = await page.evaluate(async () => {
      try {
        await fetch('/api/auth/me', { cache: 'no-store' });
        return 'reachable';
      } catch (_e) {
        return 'unreachable';
      }
    });
    expect(probe).toBe('unreachable');

    await page.reload();
    await page.getByRole('heading', { name: 'When will it be done?' }).waitFor();
    await runWhenForecast(page);
    await page.getByTestId('headline').waitFor();
    expect(await page.getByTestId('headline').textContent()).toMatch(/^85% chance to finish/);
    await page.getByTestId('histogram').waitFor();

    // Another page, never opened before, also comes from the cache.
    await page.getByRole('link', { name: 'Process behaviour' }).click();
    await page.getByRole('button', { name: 'Draw chart' }).click();
    await page.getByTestId('xmr-chart').waitFor();
  });
});
