import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, runWhenForecast, type Browser } from './browser';
import { register } from './account-steps';

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);
let n = 0;
const newEmail = (who: string) => `${who}-${stamp}-${++n}@example.com`;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Serious and critical axe-core findings on the current page (ids and where). */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through DevTools: the app's CSP (rightly) refuses inline script tags.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    }
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`);
  });
}

async function seedShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('seed-used').textContent()) ?? '';
  return Number(/Seed (\d+)/.exec(text)?.[1]);
}

async function p85Shown(page: Page): Promise<string> {
  return (
    (await page
      .locator('[data-testid="when-results"] .kpi--p85 .kpi__value')
      .first()
      .textContent()) ?? ''
  );
}

describe('accounts in the browser', () => {
  let browsers: Browser[] = [];
  const open = async (options?: Parameters<typeof openBrowser>[0]) => {
    const b = await openBrowser(options);
    browsers.push(b);
    return b;
  };

  afterEach(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    browsers = [];
  });

  // Carried from the first scenario to the second: the saved forecast's address.
  let savedUrl = '';
  let ownerProjectName = '';

  it('registers, saves the forecast, reloads and finds it', async () => {
    const { page } = await open();
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await register(page, newEmail('owner'));
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'When will it be done?' }).first().click();
    await runWhenForecast(page, { seed: '777', backlog: '40' });
    await page.getByTestId('headline').waitFor();
    const p85 = await p85Shown(page);
    expect(await seedShown(page)).toBe(777);

    await page.getByRole('button', { name: 'Save to a project' }).click();
    ownerProjectName = `Release ${stamp}`;
    await page.getByLabel('Project name').fill(ownerProjectName);
    await page.getByLabel('Name of this forecast (optional)').fill('Browser save');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Forecast saved.').waitFor();

    await page.reload();
    await page.goto(`${baseUrl}/#/projects`);
    await page.getByRole('link', { name: ownerProjectName }).click();
    const table = page.getByTestId('project-forecasts');
    await table.waitFor();
    expect(await axeProblems(page), 'project page').toEqual([]);
    const row = table.getByRole('row', { name: /Browser save/ });
    // The server recomputed the forecast from the input and the seed: the same P85 as shown.
    expect(await row.locator('strong').textContent()).toBe(p85.replace(/ weeks$/, ''));
    await row.getByRole('link', { name: 'Browser save' }).click();
    await page.getByTestId('saved-kpis').waitFor();
    expect(await page.getByTestId('saved-kpis').textContent()).toContain(p85);
    expect(await page.locator('main').textContent()).toContain('Seed 777');
    expect(await axeProblems(page), 'forecast page').toEqual([]);
    savedUrl = page.url();
    expect(savedUrl).toMatch(/#\/forecast\?id=[0-9a-f-]{36}$/);
  });

  it('a second user cannot see it', async () => {
    expect(savedUrl).not.toBe('');
    const { page } = await open();
    await page.goto(`${baseUrl}/#/register`);
    await register(page, newEmail('other'));
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.getByText('No projects yet.', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: ownerProjectName }).count()).toBe(0);

    await page.goto(savedUrl);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Not found/);
    expect(await page.getByText('Browser save').count()).toBe(0);
    // Nor through the API with this user's session.
    const id = new URL(savedUrl.replace('#/', '')).searchParams.get('id');
    const status = await page.evaluate(
      async (fid) => (await fetch(`/api/forecasts/${fid}`)).status,
      id,
    );
    expect(status).toBe(404);
  });

  it('saves a forecast made before logging in, without retyping', async () => {
    const { page } = await open();
    await page.goto(baseUrl);
    await runWhenForecast(page, { seed: '4242', backlog: '25' });
    await page.getByTestId('headline').waitFor();
    const p85 = await p85Shown(page);
    await page.getByRole('button', { name: 'Log in to save' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByText('it will be waiting for you', { exact: false }).waitFor();
    // No account yet: the register link keeps the way back to the waiting forecast.
    await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
    await register(page, newEmail('latecomer'));

    await page.getByRole('heading', { name: 'Save your forecast' }).waitFor();
    expect(await page.locator('main .kpi--p85').textContent()).toContain(p85);
    await page.getByLabel('Project name').fill('Workshop');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('link', { name: 'Open it' }).click();
    await page.getByTestId('saved-kpis').waitFor();
    expect(await page.getByTestId('saved-kpis').textContent()).toContain(p85);
    expect(await page.locator('main').textContent()).toContain('Seed 4242');
    // Saved once: the waiting copy is gone, so a reload does not offer it again.
    expect(await page.evaluate(() => sessionStorage.getItem('ff.pendingForecast'))).toBeNull();
  });

  it('account pages pass axe-core and fit a 360 px phone', async () => {
    const { page } = await open({ viewport: { width: 360, height: 740 } });
    for (const path of ['/login', '/register', '/forgot-password']) {
      await page.goto(`${baseUrl}/#${path}`);
      await page.locator('main h1').waitFor();
      expect(await axeProblems(page), path).toEqual([]);
    }
    await page.goto(`${baseUrl}/#/register`);
    await register(page, newEmail('phone'));
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.getByLabel('Project name').fill('Phone project');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('link', { name: 'Phone project' }).click();
    await page.getByText('No forecasts in this project yet.', { exact: false }).waitFor();
    expect(await axeProblems(page), 'project').toEqual([]);
    for (const path of ['/projects', '/tokens', '/saved-accuracy']) {
      await page.goto(`${baseUrl}/#${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeProblems(page), path).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
