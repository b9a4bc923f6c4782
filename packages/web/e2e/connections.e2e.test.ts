/**
 * A coach connects a project to "Jira" (a local server answering in Jira's documented shape:
 * no test reaches the internet), sees what was pulled and the states, refreshes after the
 * tracker changed and sees the change, then counts a delivery check-in from the connection.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers, jiraIssue, jiraIssues } from '../../connectors/test/fixtures/jira';
import { accountWithProject } from './account-steps';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

describe('tracker connections in the browser', () => {
  let browser: Browser | undefined;
  let jira: FixtureServer;
  let issues = jiraIssues();
  beforeAll(async () => {
    jira = await startFixtureServer(jiraHandlers({ issues: () => issues }));
  });
  afterAll(async () => {
    await browser?.close();
    await jira?.close();
  });

  it('connects, shows the pull and the states, refreshes after a change, feeds a check-in', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await accountWithProject(page, `connect-${Date.now().toString(36)}@example.com`, 'Payments');
    await page.getByRole('link', { name: 'Payments' }).click();

    await page.getByRole('button', { name: 'Connect a tracker' }).click();
    await page.getByLabel('Name', { exact: true }).fill('PAY board');
    await page.getByLabel('Site URL').fill(jira.url);
    await page.getByLabel('JQL query').fill('project = PAY');
    await page.getByLabel(/Account email/).fill('coach@acme.test');
    await page.getByLabel('Token').fill('secret-token');
    await page.getByRole('button', { name: 'Connect and pull' }).click();

    const lastSync = page.getByTestId('connection-last-sync');
    await expect.poll(() => lastSync.textContent()).toContain('9 items (9 new');
    const states = page.getByTestId('connection-states');
    await expect.poll(() => states.textContent()).toContain('In Review');

    // Jira gave no category for "Won't Do"; the coach maps it to canceled and it leaves the items.
    await page.getByLabel("Counts as: Won't Do").selectOption('canceled');
    await page.getByRole('button', { name: 'Save and pull again' }).click();
    await expect
      .poll(() => lastSync.textContent())
      .toContain('8 items (8 new, 0 changed, 1 canceled');
    // The token is never shown back, only its last four characters.
    expect(await page.content()).not.toContain('secret-token');
    expect(await page.getByText('Token: …oken').count()).toBe(1);

    // The tracker moves on: one more issue finished. Refresh pulls only what changed.
    issues = [
      ...jiraIssues(),
      jiraIssue('PAY-20', 'Done', '2026-01-12T09:00:00.000+0000', [
        ['2026-01-13T10:00:00.000+0000', 'To Do', 'In Progress'],
        ['2026-01-15T10:00:00.000+0000', 'In Progress', 'Done'],
      ]),
    ];
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => lastSync.textContent()).toContain('9 items (1 new');
    await expect.poll(() => states.textContent()).toContain('9 items: ');

    // The live items become the browser's current team: the flow pages read them.
    await page.getByRole('button', { name: 'Use as the current team' }).click();
    await expect.poll(() => page.getByTestId('connection-team').textContent()).toContain('9 items');
    const projectUrl = page.url();
    await page.getByRole('link', { name: 'See its flow analytics' }).click();
    const percentiles = page.getByTestId('flow-percentiles');
    await percentiles.waitFor();
    const labels = await percentiles.locator('.kpi__label').allTextContents();
    const values = await percentiles.locator('.kpi__value').allTextContents();
    const doneItems = Number(values[labels.indexOf('Done items')]?.replace(/\D/g, ''));
    expect(doneItems).toBeGreaterThan(0);
    expect(doneItems).toBeLessThanOrEqual(9);
    // The scatterplot draws every done item once (a dot may stand for several on one day).
    const dots = page.getByTestId('flow-dot');
    await expect.poll(() => dots.count()).toBeGreaterThan(0);
    const perDot = await dots.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-count'))),
    );
    expect(perDot.reduce((a, b) => a + b, 0)).toBe(doneItems);

    // A forecast from the live team's throughput, without pasting anything.
    await page.goto(`${baseUrl}/#/when`);
    const useTeam = page.getByRole('button', { name: /Use .*’s throughput/ });
    await useTeam.waitFor();
    expect(await useTeam.isEnabled()).toBe(true);
    await useTeam.click();
    await page.getByTestId('tp-window').waitFor();
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await expect.poll(() => page.getByTestId('headline').textContent()).toMatch(/\d/);
    await page.goto(projectUrl);

    // A delivery of the project counts its check-in from the connection.
    await page.getByRole('link', { name: 'Deliveries of this project' }).click();
    await page.getByLabel('Name').fill('Payments v1');
    await page.getByLabel('Start').fill('2026-01-05');
    await page.getByRole('button', { name: 'Create delivery' }).click();
    await page.getByRole('heading', { name: 'Payments v1', level: 1 }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill('2026-01-16');
    await page.getByRole('button', { name: 'Count this check-in from the connection' }).click();
    const row = page.locator('[data-testid="delivery-journal"] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.first().locator('td').allTextContents();
    // The journal writes dates in the reader's format (en here).
    expect(cells[0]).toBe('Jan 16, 2026');
    // Done by Jan 16 from the fixture: at least the issue finished on the 15th.
    expect(Number(cells[1])).toBeGreaterThan(0);
  });
});
