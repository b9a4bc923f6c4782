/**
 * Issue 16's "done when", in real Chromium: a portfolio of 6 features and 2 teams whose
 * throughput comes from the sample tracker exports (Jira for one team, Linear for the other,
 * imported into the team workspace), reordered so features cross the cut line, the CD3 order
 * applied, saved in the browser without an account, reopened after an offline reload, and the
 * share link opened in a fresh browser — the page equals the API for the same body and seed
 * at every step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chooseHistoryWindow, flowItemsFromRows, flowMetrics } from '@flow-forecaster/engine';
import { openBrowser, untilServiceWorkerControls, type Browser } from './browser';
import { REPO_ROOT, startApp, type RunningApp } from './server';
import { importJira, JIRA } from './team-steps';
import {
  api,
  axeViolations,
  exampleStartingOn,
  expected,
  inOrder,
  shown,
  type Body,
  type Result,
} from './portfolio-page';

const dist = inject('dist');
const LINEAR = join(REPO_ROOT, 'samples/linear-export.csv');

/** The weeks a forecast samples from an export: its recommended window, as the page picks. */
function weeksOf(file: string): number[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: 'greedy',
  }).data;
  const weekly = flowMetrics(flowItemsFromRows(rows).items, {
    window: 'all',
  }).throughput.weekly.map((w) => w.count);
  const rec = chooseHistoryWindow(weekly);
  return rec.window === 'all' ? weekly : weekly.slice(-rec.window);
}

/** Twice the example's sizes: with these teams the example's own sizes all make their dates. */
const SIZES: Record<string, { size?: string; parts?: string }> = {
  Checkout: { parts: 'Payments: 24, Platform: 10' },
  Search: { size: '12-20' },
  Reports: { size: '16' },
  Export: { size: '20' },
  'Audit log': { size: '12' },
  'Dark mode': { size: '8-16' },
};

function portfolioBody(start: string): Body {
  const base = exampleStartingOn(start);
  const teams = (base.teams as Record<string, unknown>[]).map((t) => ({
    ...t,
    tpSamples: weeksOf(t.name === 'Payments' ? JIRA : LINEAR),
  }));
  const features = base.features.map((f) => {
    const s = SIZES[f.name];
    const {
      size: _s,
      sizeLow: _l,
      sizeHigh: _h,
      parts: _p,
      ...others
    } = f as Record<string, unknown>;
    const rest = { ...others, name: f.name };
    if (s.parts) {
      return {
        ...rest,
        parts: s.parts.split(', ').map((p) => {
          const [team, n] = p.split(': ');
          return { team, size: Number(n) };
        }),
      };
    }
    const [low, high] = s.size!.split('-').map(Number);
    return high === undefined ? { ...rest, size: low } : { ...rest, sizeLow: low, sizeHigh: high };
  });
  return { ...base, teams, features };
}

const status = (r: Result) =>
  Object.fromEntries(r.features.map((f) => [f.name, f.inCutLine ? 'in' : 'out']));

async function runAndWait(page: Page, order: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
  const results = page.getByTestId('pf-results');
  await results.waitFor({ timeout: 60_000 });
  await expect.poll(() => results.getAttribute('data-stale'), { timeout: 60_000 }).toBe('false');
  await expect
    .poll(async () => (await shown(page)).map((f) => f.name), { timeout: 60_000 })
    .toEqual(order);
}

describe('a portfolio from the sample exports', () => {
  let b: Browser | undefined;
  let fresh: Browser | undefined;
  let app: RunningApp | undefined;
  afterEach(async () => {
    await fresh?.close();
    await b?.close();
    await app?.stop();
  });

  it('reorders across the cut line, applies CD3, saves, reopens offline and shares', async () => {
    app = await startApp(dist);
    const url = app.url;
    b = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    const { page } = b;
    page.setDefaultTimeout(60_000);
    await page.goto(`${url}/#/team`);
    await page.getByRole('heading', { name: 'Team data', level: 1 }).waitFor();
    // The service worker must control the page before the offline reload below.
    await untilServiceWorkerControls(page);
    await importJira(page);
    await page.getByLabel('Team name').fill('linear-export');
    await page.getByLabel(/Import work items/).setInputFiles(LINEAR);
    await expect.poll(() => page.locator('[data-testid="team-list"] li').count()).toBe(2);

    // The portfolio: the example's features and teams, each team's weeks from an export.
    await page.goto(`${url}/#/portfolio`);
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page
      .getByLabel('Throughput of Payments from team data')
      .selectOption({ label: 'jira-export' });
    await page
      .getByLabel('Throughput of Platform from team data')
      .selectOption({ label: 'linear-export' });
    // The team-data column and the saved list keep the page free of axe violations.
    expect(await axeViolations(page)).toEqual([]);
    const start = await page.getByLabel('Start date', { exact: true }).inputValue();
    const body = portfolioBody(start);
    expect(
      await page.getByLabel('Weekly throughput (items per week) (Payments)').inputValue(),
    ).toBe((body.teams as { tpSamples: number[] }[])[0].tpSamples.join(', '));
    for (const [name, s] of Object.entries(SIZES)) {
      if (s.parts) await page.getByLabel(`Split across teams (A: 8, B: 4) (${name})`).fill(s.parts);
      else await page.getByLabel(`Items (8 or 6-10) (${name})`).fill(s.size!);
    }
    await page.getByText('Runs and seed').click();
    await page.getByLabel('Seed', { exact: true }).fill('1');
    const given = body.features.map((f) => f.name);
    await runAndWait(page, given);
    const first = await api(url, body);
    expect(await shown(page)).toEqual(expected(first));
    expect(status(first)).toMatchObject({ Search: 'in', 'Dark mode': 'out' });

    // Drag Dark mode to the top: it crosses the cut line into "in", and Search (sharing the
    // Payments team) drops out.
    await page.getByTestId('pf-feature-row-5').dragTo(page.getByTestId('pf-feature-row-0'));
    const dragged = ['Dark mode', 'Checkout', 'Search', 'Reports', 'Export', 'Audit log'];
    await runAndWait(page, dragged);
    const second = await api(url, inOrder(body, dragged));
    expect(await shown(page)).toEqual(expected(second));
    expect(status(second)).toMatchObject({ Search: 'out', 'Dark mode': 'in' });
    expect(await page.getByTestId('pf-status-0').textContent()).toBe('In');

    // Apply the CD3 order, run it: the page equals the API for that order, and its expected
    // delay cost is the total the suggestion promised.
    const suggested = (await page.getByTestId('pf-cd3-order').locator('li').allTextContents()).map(
      (s) => s.trim(),
    );
    const apiSecond = (await (
      await fetch(`${url}/api/portfolio`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...inOrder(body, dragged), seed: 1 }),
      })
    ).json()) as {
      costOfDelay: { suggestedOrder: string[]; suggestedTotalExpectedDelayCost: number };
    };
    expect(suggested).toEqual(apiSecond.costOfDelay.suggestedOrder);
    expect(suggested).not.toEqual(dragged);
    await page.getByRole('button', { name: 'Apply this order' }).click();
    await runAndWait(page, suggested);
    const third = await api(url, inOrder(body, suggested));
    expect(await shown(page)).toEqual(expected(third));
    const cd3Result = (await (
      await fetch(`${url}/api/portfolio`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(inOrder(body, suggested)),
      })
    ).json()) as { costOfDelay: { totalExpectedDelayCost: number } };
    expect(cd3Result.costOfDelay.totalExpectedDelayCost).toBe(
      apiSecond.costOfDelay.suggestedTotalExpectedDelayCost,
    );
    const shownThird = await shown(page);

    // Save in this browser, without an account.
    await page.getByLabel('Name of the portfolio').fill('Q1 from the exports');
    await page.getByRole('button', { name: 'Save in this browser' }).click();
    await expect
      .poll(() => page.getByTestId('pf-local-saved').textContent())
      .toBe('Saved “Q1 from the exports” in this browser.');
    expect(await axeViolations(page)).toEqual([]);

    // The share link, in a fresh browser: the same numbers.
    const link = page.url();
    expect(link).toMatch(/#\/portfolio\?s=/);
    fresh = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    await fresh.page.goto(link);
    await fresh.page.getByTestId('pf-results').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await shown(fresh!.page)).map((f) => f.name), { timeout: 60_000 })
      .toEqual(suggested);
    expect(await shown(fresh.page)).toEqual(shownThird);
    await fresh.close();
    fresh = undefined;

    // Server gone, plain page reloaded from the cache: the saved portfolio is listed, and
    // opening it runs it in the worker with its seed, giving the same numbers again.
    await app.stop();
    app = undefined;
    await page.goto(`${url}/#/portfolio`);
    await page.reload();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    expect(await page.getByTestId('pf-results').count()).toBe(0);
    const saved = page.getByTestId('pf-local-list').locator('li');
    await expect.poll(() => saved.count()).toBe(1);
    expect(await saved.first().getAttribute('data-name')).toBe('Q1 from the exports');
    expect(await saved.first().textContent()).toContain('6 features');
    await page.getByRole('button', { name: 'Open Q1 from the exports' }).click();
    await page.getByTestId('pf-results').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await shown(page)).map((f) => f.name), { timeout: 60_000 })
      .toEqual(suggested);
    expect(await shown(page)).toEqual(shownThird);
    expect(
      await page.getByLabel('Weekly throughput (items per week) (Platform)').inputValue(),
    ).toBe((body.teams as { tpSamples: number[] }[])[1].tpSamples.join(', '));
  });
});
