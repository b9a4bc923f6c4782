/**
 * One team's data on every page, in real Chromium: the Jira export imported once on Team, then
 * each flow page and each forecast page shows that team (its name, its weekly throughput in
 * the team's window, the window named on every result) without importing again; the window
 * chosen on a forecast page is the one the flow pages count, a `?w=` link overrides it, and
 * the team is still there after a reload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { flowAnalysis, flowItemsFromRows, type FlowWindowInput } from '@flow-forecaster/engine';
import { openBrowser, type Browser } from './browser';
import { REPO_ROOT } from './server';

const JIRA = join(REPO_ROOT, 'samples/jira-export.csv');
const USE = 'Use jira-export’s throughput';
const RUN = /^(Forecast|Run forecast|Draw chart)$/;
// What the page computes may wait behind other tests on a busy machine: wait for it, not 1 s.
const PATIENT = { timeout: 20_000 };

function analysis(window: FlowWindowInput) {
  const rows = Papa.parse<Record<string, string>>(readFileSync(JIRA, 'utf8'), {
    header: true,
    skipEmptyLines: 'greedy',
  }).data;
  return flowAnalysis({ items: flowItemsFromRows(rows).items, window });
}

async function cycleTimeKpis(page: Page): Promise<Record<string, string>> {
  const box = page.getByTestId('flow-percentiles');
  await box.waitFor();
  const labels = await box.locator('.kpi__label').allTextContents();
  const values = await box.locator('.kpi__value').allTextContents();
  return Object.fromEntries(labels.map((l, i) => [l, values[i]]));
}

/** The figures a flow page shows for a window, as the engine computes them. */
function shownFor(a: ReturnType<typeof analysis>): Record<string, string> {
  const out: Record<string, string> = { 'Done items': String(a.cycleTime.n) };
  for (const [k, days] of Object.entries(a.cycleTime.percentiles)) out[k.toUpperCase()] = `${days}`;
  return out;
}

/** Takes the team's weeks on a forecast page, runs it, and returns the result's window line. */
async function forecastFromTeam(
  page: Page,
  path: string,
  weeks: number[],
  field = 'Items finished per week',
): Promise<string> {
  await page.goto(`${inject('baseUrl')}/#${path}`);
  await page.getByRole('button', { name: USE }).click();
  await expect.poll(() => page.getByLabel(field).inputValue(), PATIENT).toBe(weeks.join(', '));
  await page.getByRole('button', { name: RUN }).click();
  const line = page.getByTestId('result-window');
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

describe('one team on every page', () => {
  const browsers: Browser[] = [];
  afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  it('imports the Jira export once and every flow and forecast page uses that team', async () => {
    const b = await openBrowser();
    browsers.push(b);
    const { page } = b;
    const baseUrl = inject('baseUrl');
    await page.goto(`${baseUrl}/#/team`);
    await page.getByLabel(/Import work items/).setInputFiles(JIRA);
    await expect
      .poll(() => page.getByTestId('team-loaded').textContent(), PATIENT)
      .toBe('137 work items from jira-export.csv');

    // The team's default window: the one its history calibrates best.
    const all = analysis('all');
    const rec = all.historyWindow;
    const weekly = all.throughput.weekly.map((w) => w.count);
    const used = rec.window === 'all' ? weekly : weekly.slice(-rec.window);
    const recommended = analysis(rec.window === 'all' ? 'all' : { weeks: rec.window });

    // Every flow page names the team and draws its items, in the team's window.
    await page.goto(`${baseUrl}/#/flow/cycle-time`);
    expect(await cycleTimeKpis(page)).toMatchObject(shownFor(recommended));
    const flowPages = [
      ['Aging work in progress', 'flow-aging-table'],
      ['Throughput and WIP', 'flow-throughput'],
      ['Cumulative flow', 'flow-cfd'],
      ['Cycle time', 'flow-scatter'],
    ] as const;
    for (const [link, view] of flowPages) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByTestId(view).waitFor();
      expect(await page.getByTestId('flow-team').textContent(), link).toContain('jira-export');
    }

    // Every forecast page takes the same weeks; its result names the team and the window.
    for (const path of ['/when', '/how-many', '/deadline', '/cost']) {
      const line = await forecastFromTeam(page, path, used);
      expect(line, path).toContain('History window: jira-export: ');
      expect(line, path).toContain(rec.reason);
    }
    // Backtest and the process behaviour chart look at the whole history themselves.
    const whole = `History window: jira-export: all history, ${weekly.length} weeks from `;
    expect(await forecastFromTeam(page, '/backtest', weekly)).toContain(whole);
    expect(
      await forecastFromTeam(page, '/pbc', weekly, 'Values (e.g. weekly throughput)'),
    ).toContain(whole);

    // A window chosen on a forecast page is the team's: the flow pages count the same weeks.
    const other = rec.window === 8 ? 12 : 8;
    await page.goto(`${baseUrl}/#/deadline`);
    await page.getByTestId('team-window').selectOption(String(other));
    await page.goto(`${baseUrl}/#/flow/cycle-time`);
    const shorter = shownFor(analysis({ weeks: other }));
    await expect.poll(() => cycleTimeKpis(page), PATIENT).toMatchObject(shorter);
    // A link's `?w=` overrides it for that link (opened from another page: the flow page reads
    // its link when it opens).
    await page.goto(`${baseUrl}/#/team`);
    await page.goto(`${baseUrl}/#/flow/cycle-time?w=all`);
    await expect.poll(() => cycleTimeKpis(page), PATIENT).toMatchObject(shownFor(all));

    // After a reload the team, and its window, are still there.
    await page.goto(`${baseUrl}/#/when`);
    await page.reload();
    await page.getByRole('button', { name: USE }).waitFor();
    expect(await page.getByTestId('team-window').inputValue()).toBe(String(other));
    expect(
      await forecastFromTeam(page, '/how-many', weekly.slice(-other)),
      'after reload',
    ).toContain(`jira-export: last ${other} weeks`);
  }, 120_000);
});
