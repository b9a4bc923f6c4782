import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from './server';

/** The sample Jira export: 137 work items. */
export const JIRA = join(REPO_ROOT, 'samples/jira-export.csv');

/** On the Team page: imports the sample Jira export and waits until its 137 items are in. */
export async function importJira(page: Page): Promise<void> {
  await page.getByLabel(/Import work items/).setInputFiles(JIRA);
  await expect
    .poll(() => page.getByTestId('team-loaded').textContent())
    .toBe('137 work items from jira-export.csv');
}
