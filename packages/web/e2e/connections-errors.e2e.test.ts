/**
 * A first pull that fails (issue 20): the reason shows translated by its kind, the form stays
 * open to fix the settings, and pulling again changes that connection instead of adding a twin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers, jiraIssues } from '../../connectors/test/fixtures/jira';
import { accountWithProject } from './account-steps';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

describe('a tracker connection whose first pull fails', () => {
  let browser: Browser | undefined;
  let jira: FixtureServer;
  beforeAll(async () => {
    jira = await startFixtureServer(jiraHandlers({ issues: () => jiraIssues() }));
  });
  afterAll(async () => {
    await browser?.close();
    await jira?.close();
  });

  it('says why, lets the coach fix it, and keeps one connection', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await accountWithProject(page, `fail-${Date.now().toString(36)}@example.com`, 'Payments');
    await page.getByRole('link', { name: 'Payments' }).click();

    await page.getByRole('button', { name: 'Connect a tracker' }).click();
    await page.getByLabel('Name', { exact: true }).fill('PAY board');
    // Nothing listens on port 9 here: the site cannot be reached.
    await page.getByLabel('Site URL').fill('http://127.0.0.1:9');
    await page.getByLabel('JQL query').fill('project = PAY');
    await page.getByLabel('Token').fill('abc');
    await page.getByRole('button', { name: 'Connect and pull' }).click();
    // Too short a token: said beside the field, nothing sent.
    const tokenError = page.locator('[data-field-error="token"]');
    await tokenError.waitFor();
    expect(await tokenError.textContent()).not.toMatch(/token must/);

    await page.getByLabel('Token').fill('secret-token');
    await page.getByRole('button', { name: 'Connect and pull' }).click();
    const failed = page.getByTestId('connection-first-pull-failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('could not be reached');

    // The fix: the right site, and the Jira Cloud account email the token goes with.
    await page.getByLabel('Site URL').fill(jira.url);
    await page.getByLabel(/Account email/).fill('coach@acme.test');
    await page.getByRole('button', { name: 'Save changes and pull again' }).click();
    const lastSync = page.getByTestId('connection-last-sync');
    await expect.poll(() => lastSync.textContent(), { timeout: 60_000 }).toContain('items');
    expect(await page.getByTestId('connection').count()).toBe(1);
    await page.reload();
    await page.getByTestId('connection').first().waitFor();
    expect(await page.getByTestId('connection').count()).toBe(1);
  });
});
