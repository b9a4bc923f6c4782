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
    expect(link).toMatch(/#\/when\?s=v1\.[A-Za-z0-9_-]+$/);

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

  it('open a code made by /api/encode: #/open routes it to its page and runs it', async () => {
    // A How-many code, so /open has to route it away from the default When page.
    const input = {
      tpSamples: [3, 5, 4, 6, 2, 5],
      days: 56,
      numberOfSimulations: 2000,
      seed: 4242,
    };
    const form = { tpText: '3, 5, 4, 6, 2, 5', days: '56', runs: '2000' };
    const encode = async (body: unknown) => {
      const res = await fetch(`${baseUrl}/api/encode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { code: string }).code;
    };

    const { page } = receiver;
    await page.goto(`${baseUrl}/#/open?s=${await encode({ kind: 'how-many', input, form })}`);
    await page.getByTestId('headline').waitFor();
    expect(page.url()).toContain('#/how-many?s=v1.');
    expect(await page.getByLabel('Items finished per week').inputValue()).toBe('3, 5, 4, 6, 2, 5');
    expect(await page.getByTestId('seed-used').textContent()).toContain('4242');
    expect(await page.getByTestId('stale-notice').count()).toBe(0);

    // The link the app writes for that result, the server reads: same kind, seed and form.
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    const res = await fetch(`${baseUrl}/api/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: new URL(link).hash.split('?s=')[1] }),
    });
    const decoded = (await res.json()) as { kind: string; input: { seed: number }; form: unknown };
    expect(decoded.kind).toBe('how-many');
    expect(decoded.input.seed).toBe(4242);
    expect(decoded.form).toMatchObject(form);

    // A code of inputs alone runs too, marked as not described by the form.
    const other = sender.page;
    await other.goto(`${baseUrl}/#/open?s=${await encode({ kind: 'how-many', input })}`);
    await other.getByTestId('headline').waitFor();
    expect(other.url()).toContain('#/how-many');
    expect(await other.getByTestId('seed-used').textContent()).toContain('4242');
    await other.getByTestId('stale-notice').waitFor();

    // Anything else is refused on the /open page, not thrown.
    await other.goto(`${baseUrl}/#/open?s=v1.damaged`);
    await other
      .getByRole('alert')
      .filter({ hasText: 'not a Flow Forecaster share link' })
      .waitFor();
  });
});
