import { describe, expect, inject, it } from 'vitest';
import { runWhenForecast } from './browser';
import { browserPerTest } from './browser-per-test';

const baseUrl = inject('baseUrl');

describe('a new user without an account', () => {
  const b = browserPerTest();

  it('runs a forecast and sees the histogram and P85', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'When will it be done?' }).waitFor();
    await runWhenForecast(page);
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    expect(await headline.textContent()).toMatch(/^85% chance to finish within \d+ weeks — by /);
    // The histogram is drawn with its P85 marker, and the P85 figure is on the page.
    const histogram = page.getByTestId('histogram');
    await histogram.waitFor();
    expect(await histogram.locator('rect').count()).toBeGreaterThan(3);
    expect(await histogram.textContent()).toContain('P85');
    expect(await page.locator('.kpi--p85 .kpi__value').first().textContent()).toMatch(
      /^\d+ weeks$/,
    );
    await page.getByTestId('burndown').waitFor();
  });

  it('sees a bad value explained beside its field, and nothing is sent or run', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    // Loading the app may ask who is logged in; from here on, nothing may leave the page.
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requests.push(r.url());
    });
    let workers = 0;
    page.on('worker', () => workers++);
    const tp = page.getByLabel('Items finished per week');
    await tp.fill('5, 6, lots');
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    const error = page.locator('[data-field-error="when-tpSamples"]');
    await error.waitFor();
    expect(await error.textContent()).toBe('“lots” is not a number.');
    expect(await tp.getAttribute('aria-invalid')).toBe('true');
    // The error sits right under the field it is about.
    const [fieldBox, errorBox] = await Promise.all([tp.boundingBox(), error.boundingBox()]);
    expect(errorBox!.y).toBeGreaterThan(fieldBox!.y);
    expect(errorBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(60);

    await page.getByLabel('Items in the backlog').fill('-3');
    await tp.fill('5, 6, 7');
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await page.locator('[data-field-error="when-numberOfTasks"]').waitFor();
    expect(await page.locator('[data-field-error="when-numberOfTasks"]').textContent()).toBe(
      'Must be at least 0.',
    );
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    expect(workers).toBe(0);
    expect(await page.getByTestId('when-results').count()).toBe(0);
  });
});
