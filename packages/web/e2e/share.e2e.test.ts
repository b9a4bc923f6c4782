import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, runWhenForecast, type Browser } from './browser';

const baseUrl = inject('baseUrl');

async function numbers(page: Page) {
  await page.getByTestId('headline').waitFor();
  return {
    headline: await page.getByTestId('headline').textContent(),
    table: await page.getByTestId('probability-table').innerText(),
    seed: await page.getByTestId('seed-used').textContent(),
  };
}

describe('share links', () => {
  let sender: Browser;
  let receiver: Browser;
  beforeEach(async () => {
    sender = await openBrowser();
    receiver = await openBrowser();
  });
  afterEach(async () => {
    await sender.close();
    await receiver.close();
  });

  it('reproduce the form and identical numbers in another browser', async () => {
    const { page } = sender;
    await page.goto(`${baseUrl}/#/when`);
    // Inputs that make runs differ a lot from seed to seed: a wide backlog and a risk.
    await page.getByLabel('Items finished per week').fill('1, 9, 3, 0, 12, 4, 2, 8');
    await page.getByLabel('How clear is the scope?').selectOption('veryUnclear');
    await page.locator('summary', { hasText: 'Risks' }).click();
    await page.getByRole('button', { name: 'Add a risk' }).click();
    await page.getByLabel('Chance (%) (1)').fill('40');
    await page.getByLabel('Low impact (1)').fill('5');
    await page.getByLabel('High impact (1)').fill('20');
    await runWhenForecast(page, { runs: '3000' });
    const sent = await numbers(page);

    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#\/when\?s=[A-Za-z0-9_-]+$/);

    await receiver.page.goto(link);
    const received = await numbers(receiver.page);
    expect(received).toEqual(sent);
    expect(await receiver.page.getByLabel('Items finished per week').inputValue()).toBe(
      '1, 9, 3, 0, 12, 4, 2, 8',
    );
    expect(await receiver.page.getByLabel('How clear is the scope?').inputValue()).toBe(
      'veryUnclear',
    );

    // Another seed gives other numbers: the link carried the seed. (An empty seed would not
    // show it: with no seed, the seed is a hash of the request, the same in both browsers.)
    await receiver.page.getByText('Runs and seed').click();
    await receiver.page.getByLabel('Seed', { exact: true }).fill('12345');
    await receiver.page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await receiver.page.waitForFunction(
      (seed) => document.querySelector('[data-testid="seed-used"]')?.textContent !== seed,
      sent.seed,
    );
    expect((await numbers(receiver.page)).seed).not.toBe(sent.seed);
  });
});
