import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { accountWithProject, appOn } from './account-steps';
import { openBrowser, type Browser } from './browser';
import { REPO_ROOT } from './server';

const JIRA = join(REPO_ROOT, 'samples/jira-export.csv');

async function journalPoints(page: Page): Promise<number> {
  return page.getByTestId('journal-p85-point').count();
}

async function p85Path(page: Page): Promise<string> {
  return (
    (await page.locator('[data-testid="journal-chart"] [data-series="p85"]').getAttribute('d')) ??
    ''
  );
}

// The shared server runs on PGlite; a second one on the local PostgreSQL runs the same scenario.
describe.each(['pglite', 'postgres'] as const)('deliveries in the browser (%s)', (db) => {
  let browser: Browser | undefined;
  let app: Awaited<ReturnType<typeof appOn>> | undefined;
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('creates a delivery from the Jira export, checks in three times, closes it, and calibrates', async () => {
    app = await appOn(db);
    const { baseUrl } = app;
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await accountWithProject(page, `delivery-${Date.now().toString(36)}@example.com`, 'Shop');
    await page.getByRole('link', { name: 'Shop' }).click();

    await expect
      .poll(() => page.getByTestId('calibration-sentence').textContent())
      .toContain('Close a delivery');
    await page.getByRole('link', { name: 'Deliveries of this project' }).click();

    await page.getByLabel('Name').fill('Checkout v2');
    await page.getByLabel(/import a tracker export/).setInputFiles(JIRA);
    await expect
      .poll(() => page.getByTestId('delivery-csv-loaded').textContent())
      .toContain('137 items');
    await page.getByLabel('Target date').fill('2025-07-31');
    await page.getByRole('button', { name: 'Create delivery' }).click();
    await page.getByRole('heading', { name: 'Checkout v2', level: 1 }).waitFor();

    const paths: string[] = [];
    for (const [k, date] of ['2025-04-07', '2025-05-05', '2025-06-02'].entries()) {
      await page.getByLabel('Date', { exact: true }).fill(date);
      // Counted from the export as of the date: done so far is filled in.
      await expect.poll(() => page.getByLabel('Done so far').inputValue()).not.toBe('');
      await page.getByRole('button', { name: 'Add check-in' }).click();
      await expect.poll(() => journalPoints(page)).toBe(k + 1);
      paths.push(await p85Path(page));
    }
    // The journal moved: every check-in redrew the P85 line.
    expect(new Set(paths).size).toBe(3);
    const rows = page.locator('[data-testid="delivery-journal"] tbody tr');
    expect(await rows.count()).toBe(3);
    expect(Number(await rows.nth(0).locator('td').nth(1).textContent())).toBeGreaterThan(0);
    await page.getByTestId('burnup-chart').waitFor();
    await page.getByTestId('probability-chart').waitFor();

    await page.getByLabel('Actual completion date').fill('2025-08-28');
    await page.getByLabel('Closing note').fill('shipped with the summer release');
    await page.getByRole('button', { name: 'Close delivery' }).click();
    await page.getByTestId('delivery-close-note').waitFor();
    // A horizontal line has no height, so Playwright calls it hidden: wait for it in the DOM.
    await page
      .locator('[data-testid="journal-chart"] [data-series="actual"]')
      .waitFor({ state: 'attached' });

    await page.getByRole('link', { name: '← Deliveries' }).click();
    await page
      .getByTestId('deliveries-archive')
      .getByRole('link', { name: 'Checkout v2' })
      .waitFor();
    await page.getByRole('link', { name: '← Back to the project' }).click();
    await expect
      .poll(() => page.getByTestId('calibration-sentence').textContent())
      .toMatch(/Our P85 held in [01] of 1 delivery\./);
  });
});
