/**
 * The portfolio page in real Chromium: its numbers are the API's for the same request and
 * seed (the page runs the engine in its worker, the API on the server), reordering marks the
 * result stale until it is run again, and the page has no axe-core violations.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './browser';
import {
  api as apiAt,
  axeViolations,
  exampleStartingOn,
  expected,
  inOrder,
  percent,
  shown,
  type Body,
  type Result,
} from './portfolio-page';

const baseUrl = inject('baseUrl');
const api = (body: Body): Promise<Result> => apiAt(baseUrl, body);

describe('the portfolio page', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await b.close();
  });

  it('shows the API’s numbers for the same seed, and marks the result stale after a reorder', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/portfolio`);
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    expect(await axeViolations(page), 'form').toEqual([]);

    await page.getByText('Runs and seed').click();
    await page.getByLabel('Seed', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
    const results = page.getByTestId('pf-results');
    await results.waitFor({ timeout: 60_000 });

    // The page's example starts next Monday: the API gets the same dates.
    const example = exampleStartingOn(
      await page.getByLabel('Start date', { exact: true }).inputValue(),
    );
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(String(example.startDate) >= yesterday).toBe(true);
    const first = await api(example);
    expect(first.seed).toBe(1);
    expect(await shown(page)).toEqual(expected(first));
    // The example's Checkout misses its date at 85 % while features below it make theirs: no
    // single line can split the list, and the page says so instead of drawing one.
    expect(first.features[0].inCutLine).toBe(false);
    expect(first.features.some((f) => f.inCutLine === true)).toBe(true);
    expect(await page.getByTestId('pf-cut-line').textContent()).toContain(
      'No single cut line at 85%: Checkout misses its date',
    );
    const joint = page.locator('.kpi', { hasText: 'All on time: every feature makes its target' });
    expect(await joint.locator('.kpi__value').textContent()).toBe(percent(first.allOnTime!));
    const own = page.locator('.kpi', { hasText: 'Own dates only' });
    expect(await own.locator('.kpi__value').textContent()).toBe(
      percent(first.allOwnTargetsOnTime!),
    );
    expect(await results.getAttribute('data-stale')).toBe('false');
    expect(await page.getByTestId('pf-stale').count()).toBe(0);
    // Each team's share of its items by feature is drawn, with a legend of its features.
    expect(
      (await page.getByTestId('pf-share-Platform').locator('li').allTextContents()).map((x) =>
        x.replace('■', '').trim(),
      ),
    ).toEqual(['Checkout', 'Reports', 'Audit log']);
    // The timeline draws one bar per feature, in priority order.
    expect(
      await page
        .locator('[data-testid="pf-timeline"] g')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-feature'))),
    ).toEqual(first.features.map((f) => f.name));
    expect(await axeViolations(page), 'results').toEqual([]);

    // Reorder with the keyboard-reachable button: the shown result no longer matches the inputs.
    await page.getByRole('button', { name: 'Move Reports up' }).click();
    await page.getByTestId('pf-stale').waitFor();
    expect(await results.getAttribute('data-stale')).toBe('true');
    expect(await page.getByLabel('Feature (2)').inputValue()).toBe('Reports');
    // Undoing the edit makes the result current again.
    await page.getByRole('button', { name: 'Move Reports down' }).click();
    await expect.poll(() => results.getAttribute('data-stale')).toBe('false');

    // Drag and drop: Dark mode (last) onto the first row takes the top priority.
    await page.getByTestId('pf-feature-row-5').dragTo(page.getByTestId('pf-feature-row-0'));
    expect(await page.getByLabel('Feature (1)').inputValue()).toBe('Dark mode');
    expect(await results.getAttribute('data-stale')).toBe('true');

    // Run again, same seed: the page equals the API for the new order.
    await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
    await expect.poll(() => results.getAttribute('data-stale')).toBe('false');
    const order = ['Dark mode', 'Checkout', 'Search', 'Reports', 'Export', 'Audit log'];
    const second = await api(inOrder(example, order));
    await expect.poll(async () => (await shown(page)).map((f) => f.name)).toEqual(order);
    expect(await shown(page)).toEqual(expected(second));
    // Dark mode now goes first on Payments, so Checkout (sharing it) is later than before.
    expect(
      second.features[1].completionDates!.p85! >= first.features[0].completionDates!.p85!,
    ).toBe(true);

    // The address bar carries the reordered portfolio and its seed: a fresh browser opening it
    // sees the same numbers.
    expect(page.url()).toMatch(/#\/portfolio\?s=/);
    const fresh = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      await fresh.page.goto(page.url());
      await fresh.page.getByTestId('pf-results').waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await shown(fresh.page)).map((f) => f.name)).toEqual(order);
      expect(await shown(fresh.page)).toEqual(expected(second));
    } finally {
      await fresh.close();
    }

    // "Rerun as I edit": a reorder reruns by itself on the same seed, and equals the API again.
    await page.getByLabel('Rerun as I edit (same seed)').check();
    await page.getByRole('button', { name: 'Move Export up' }).click();
    const third = ['Dark mode', 'Checkout', 'Search', 'Export', 'Reports', 'Audit log'];
    await expect.poll(async () => (await shown(page)).map((f) => f.name)).toEqual(third);
    await expect.poll(() => results.getAttribute('data-stale')).toBe('false');
    expect(await shown(page)).toEqual(expected(await api(inOrder(example, third))));
  });

  it('names a bad field beside its cell and runs nothing', async () => {
    const { page } = b;
    // A hash change alone would keep the previous test's edited form: load the page afresh.
    await page.goto(`${baseUrl}/#/portfolio`);
    await page.reload();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page
      .getByLabel('Split across teams (A: 8, B: 4) (Checkout)')
      .fill('Payments: 12, Mobile: 5');
    await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
    const error = page.locator('[data-field-error="pf-features-0-parts"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('"Mobile" is not one of the portfolio\'s teams');
    expect(await page.getByTestId('pf-results').count()).toBe(0);
  });

  it('keeps the timeline readable on a phone, 390 px wide', async () => {
    const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      const { page } = phone;
      await page.goto(`${baseUrl}/#/portfolio`);
      await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
      const timeline = page.getByTestId('pf-timeline');
      await timeline.waitFor({ timeout: 60_000 });
      const sizes = await timeline.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const view = (svg as SVGSVGElement).viewBox.baseVal;
        const names = [...svg.querySelectorAll('g[data-feature] text')].map(
          (t) => t.getBoundingClientRect().height,
        );
        return { width: box.width, right: box.right, scale: box.width / view.width, names };
      });
      // Drawn at its own size (no scaling down), inside the screen, names at 12 px.
      expect(sizes.scale).toBeGreaterThan(0.98);
      expect(sizes.right).toBeLessThanOrEqual(390);
      expect(sizes.names).toHaveLength(6);
      for (const h of sizes.names) expect(h).toBeGreaterThanOrEqual(12);
    } finally {
      await phone.close();
    }
  });
});
