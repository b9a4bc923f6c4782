import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runWhenForecast } from './browser';
import { browserPerTest } from './browser-per-test';

const baseUrl = inject('baseUrl');

/** Progress must move, and Cancel must stop it, whichever side runs it. */
async function progressThenCancel(page: Page) {
  // A large backlog so a million runs take long enough to watch.
  await runWhenForecast(page, { runs: '1000000', backlog: '3000' });
  const progress = page.getByTestId('run-progress');
  await progress.waitFor();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="run-progress"]')?.getAttribute('value')) > 0,
    undefined,
    { timeout: 60_000 },
  );
  const seen = Number(await progress.getAttribute('value'));
  expect(seen).toBeGreaterThan(0);
  expect(seen).toBeLessThan(100);
  // The page stays responsive while it runs: typing into a field is immediate.
  const t0 = Date.now();
  await page.getByLabel('Up to (optional)').fill('3100');
  expect(Date.now() - t0).toBeLessThan(1000);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Forecast cancelled.').waitFor();
  expect(await progress.count()).toBe(0);
  expect(await page.getByTestId('when-results').count()).toBe(0);
}

describe('a 1,000,000-run forecast', () => {
  const b = browserPerTest();

  it('runs in the Web Worker with progress and can be cancelled', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    // Raise the server threshold so this run stays in the browser.
    await page.evaluate(() => localStorage.setItem('ff.asyncThreshold', '5000000'));
    await page.reload();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await progressThenCancel(page);
    expect(workers.some((u) => u.includes('engine.worker'))).toBe(true);
  });

  it('goes to the server’s job queue, with progress and cancel', async () => {
    const { page } = b;
    const submitted: string[] = [];
    const cancelled: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/async/simulate') && r.method() === 'POST') submitted.push(r.url());
      if (r.url().includes('/api/tasks/') && r.method() === 'DELETE') cancelled.push(r.url());
    });
    await page.goto(baseUrl);
    await progressThenCancel(page);
    expect(submitted).toHaveLength(1);
    expect(cancelled).toHaveLength(1);
  });

  it('shows the server’s result like a browser run', async () => {
    const { page } = b;
    const polled: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/tasks/')) polled.push(r.url());
    });
    await page.goto(baseUrl);
    await runWhenForecast(page, { runs: '250000', seed: '11' });
    await page.getByTestId('headline').waitFor({ timeout: 60_000 });
    expect(polled.length).toBeGreaterThan(0);
    expect(await page.getByTestId('seed-used').textContent()).toMatch(/^Seed 11 · 250,000 runs/);
    await page.getByTestId('histogram').waitFor();
    const onServer = await page.getByTestId('probability-table').innerText();

    // The same seed in this browser's worker gives the very same table.
    await page.evaluate(() => localStorage.setItem('ff.asyncThreshold', '5000000'));
    const polledBefore = polled.length;
    const worker = page.waitForEvent('worker');
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    // The old result is gone once the worker starts; wait for the new one.
    await worker;
    await page.getByTestId('headline').waitFor({ timeout: 60_000 });
    expect(polled.length).toBe(polledBefore);
    expect(await page.getByTestId('probability-table').innerText()).toBe(onServer);
  });
});
