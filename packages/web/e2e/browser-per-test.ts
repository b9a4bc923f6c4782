import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { openBrowser } from './browser';

/**
 * A fresh browser for each test of the enclosing `describe`, closed after it (kept apart from
 * browser.ts, which the screenshot scripts run outside vitest). Read `page` inside a test.
 */
export function browserPerTest(options?: Parameters<typeof openBrowser>[0]): {
  readonly page: Page;
  readonly context: BrowserContext;
} {
  let current: Awaited<ReturnType<typeof openBrowser>> | undefined;
  beforeEach(async () => {
    current = await openBrowser(options);
  });
  afterEach(async () => {
    await current?.close();
  });
  const opened = () => {
    if (!current) throw new Error('the browser opens inside a test only');
    return current;
  };
  return {
    get page() {
      return opened().page;
    },
    get context() {
      return opened().context;
    },
  };
}
