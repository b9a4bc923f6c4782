/**
 * The team's history window on a forecast page: a date range chosen once, the weeks inside it
 * used, and the window carried by the share link (the receiver, who has no team, sees the same
 * window and the same numbers).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, runWhenForecast, type Browser } from './browser';
import { REPO_ROOT } from './server';

const JIRA = join(REPO_ROOT, 'samples/jira-export.csv');

async function p85(page: Page): Promise<string> {
  const headline = page.getByTestId('headline');
  await headline.waitFor();
  return `${await headline.textContent()} | ${await page.getByTestId('probability-table').innerText()}`;
}

describe('team history window', () => {
  const browsers: Browser[] = [];
  afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  it('samples a date range of the team and carries it in the share link', async () => {
    const baseUrl = inject('baseUrl');
    const sender = await openBrowser();
    browsers.push(sender);
    const { page } = sender;
    await page.goto(`${baseUrl}/#/team`);
    await page.getByLabel(/Import work items/).setInputFiles(JIRA);
    await expect
      .poll(() => page.getByTestId('team-loaded').textContent())
      .toBe('137 work items from jira-export.csv');

    await page.goto(`${baseUrl}/#/when`);
    await page.getByLabel('History window').selectOption('range');
    await page.getByLabel('From', { exact: true }).fill('2025-06-09');
    await page.getByLabel('To', { exact: true }).fill('2025-08-31');
    await page.getByRole('button', { name: /Use .*throughput/ }).click();
    const note = page.getByTestId('tp-window');
    await expect.poll(() => note.textContent()).toContain('12 weeks from');
    const noteText = (await note.textContent()) ?? '';
    expect(noteText).toContain('jira-export');
    // The 12 weeks of the range, as the engine counts them from the export.
    const weeks = (await page.getByLabel('Items finished per week').inputValue()).split(', ');
    expect(weeks).toHaveLength(12);

    await runWhenForecast(page, { seed: '77', backlog: '30' });
    const sent = await p85(page);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();

    const receiver = await openBrowser();
    browsers.push(receiver);
    await receiver.page.goto(link);
    expect(await p85(receiver.page)).toBe(sent);
    expect(await receiver.page.getByTestId('tp-window').textContent()).toBe(noteText);
    // Typing weeks by hand drops the note: it no longer says where they came from.
    await receiver.page.getByLabel('Items finished per week').fill('3, 4, 5');
    expect(await receiver.page.getByTestId('tp-window').count()).toBe(0);
  });

  it('follows the window select after a forecast, with the flow pages’ dates', async () => {
    const baseUrl = inject('baseUrl');
    const b = await openBrowser();
    browsers.push(b);
    const { page } = b;
    await page.goto(`${baseUrl}/#/team`);
    await page.getByLabel(/Import work items/).setInputFiles(JIRA);
    await page.getByTestId('team-loaded').waitFor();

    await page.goto(`${baseUrl}/#/when`);
    await page.getByTestId('team-window').selectOption('12');
    const note = page.getByTestId('tp-window');
    // No click on "Use …": the form takes the team's weeks of the window it names.
    await expect.poll(() => note.textContent()).toContain('last 12 weeks');
    await runWhenForecast(page, { seed: '7', backlog: '30' });
    await page.getByTestId('headline').waitFor();
    expect(await page.getByTestId('stale-notice').count()).toBe(0);

    await page.getByTestId('team-window').selectOption('26');
    await expect.poll(() => note.textContent()).toContain('last 26 weeks');
    const weeks = (await page.getByLabel('Items finished per week').inputValue()).split(', ');
    expect(weeks).toHaveLength(26);
    expect(await page.getByTestId('stale-notice').count()).toBe(1);
    expect(await note.count()).toBe(1);
    const [, from, to] = /from (.+) to (.+)$/.exec((await note.textContent()) ?? '') ?? [];
    expect(from).toBeTruthy();

    // The flow pages use the team's window, and show the same dates for it.
    await page.goto(`${baseUrl}/#/flow/cycle-time`);
    const flowWindow = page.getByTestId('flow-window');
    await flowWindow.waitFor();
    expect(await flowWindow.textContent()).toContain(`${from} – ${to}`);
  });
});
