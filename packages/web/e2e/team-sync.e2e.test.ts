/**
 * A team saved in a project and opened on another computer (a second, empty browser profile):
 * the same items and numbers there; with the server unreachable, saving fails politely and
 * the browser copy stays.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from './browser';
import { REPO_ROOT } from './server';

import { accountWithProject, appOn, PASSWORD } from './account-steps';
const JIRA = join(REPO_ROOT, 'samples/jira-export.csv');

async function p85Text(page: Page): Promise<string> {
  const box = page.getByTestId('flow-percentiles');
  await box.waitFor();
  return (await box.textContent()) ?? '';
}

describe.each(['pglite', 'postgres'] as const)('team saved in a project (%s)', (db) => {
  const browsers: Browser[] = [];
  let app: Awaited<ReturnType<typeof appOn>> | undefined;
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.stop();
  });

  it('saves the imported team in a project and opens it in another browser', async () => {
    app = await appOn(db);
    const { baseUrl } = app;
    const email = `team-${db}-${Date.now().toString(36)}@example.com`;
    const first = await openBrowser();
    browsers.push(first);
    const { page } = first;
    await page.goto(`${baseUrl}/#/register`);
    await accountWithProject(page, email, 'Shop');

    await page.goto(`${baseUrl}/#/team`);
    await page.getByLabel(/Import work items/).setInputFiles(JIRA);
    await expect
      .poll(() => page.getByTestId('team-loaded').textContent())
      .toBe('137 work items from jira-export.csv');
    await page.goto(`${baseUrl}/#/flow/cycle-time?w=all`);
    const p85Here = await p85Text(page);
    expect(p85Here).toContain('12');

    await page.goto(`${baseUrl}/#/team`);
    await page.getByRole('button', { name: 'Save team to “Shop”' }).click();
    await expect
      .poll(() => page.getByTestId('team-sync-message').textContent())
      .toBe('Saved in “Shop”.');
    expect(await page.getByTestId('team-sync-status').textContent()).toContain('version 1');

    // The server unreachable: the save fails with a reason, the browser copy is untouched.
    await first.context.setOffline(true);
    await page.getByRole('button', { name: 'Save team to “Shop”' }).click();
    await expect
      .poll(() => page.getByTestId('team-sync-message').textContent())
      .toContain('stays in this browser');
    expect(await page.getByTestId('team-loaded').textContent()).toBe(
      '137 work items from jira-export.csv',
    );
    await first.context.setOffline(false);
    // Saving again replaces the project copy (version 2), it does not add a second team.
    await page.getByRole('button', { name: 'Save team to “Shop”' }).click();
    await expect
      .poll(() => page.getByTestId('team-sync-status').textContent())
      .toContain('version 2');

    // Another computer: an empty browser, the same account.
    const second = await openBrowser();
    browsers.push(second);
    const other = second.page;
    await other.goto(`${baseUrl}/#/login`);
    await other.getByRole('heading', { name: 'Log in' }).waitFor();
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: 'Log in' }).click();
    await other.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await other.goto(`${baseUrl}/#/team`);
    await other.getByText('No team yet', { exact: false }).waitFor();
    await other.getByRole('button', { name: 'Teams saved in “Shop”' }).click();
    const list = other.getByTestId('team-sync-list');
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(1);
    expect(await list.textContent()).toContain('jira-export (137 work items)');
    await other.getByRole('button', { name: 'Open here' }).click();
    await expect
      .poll(() => other.getByTestId('team-loaded').textContent())
      .toBe('137 work items from jira-export.csv');
    expect(await other.getByTestId('team-backlog').textContent()).toBe(
      '8 in progress + 5 not started = 13 items',
    );
    await other.goto(`${baseUrl}/#/flow/cycle-time?w=all`);
    expect(await p85Text(other)).toBe(p85Here);
  });
});
