import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { freshPostgresDatabase, startApp, type RunningApp } from './server';

export const PASSWORD = 'correct horse battery';

/** Fills the register form (already on screen) with `email` and sends it. */
export async function register(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/**
 * A new account with one project: registers `email`, waits for the projects page, creates
 * `project` and waits for its link (the caller opens it or not).
 */
export async function accountWithProject(page: Page, email: string, project: string) {
  await register(page, email);
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  await page.getByLabel('Project name').fill(project);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('link', { name: project }).waitFor();
}

/**
 * The app a scenario run on `db` talks to: the shared server (PGlite), or its own server on a
 * fresh PostgreSQL database; `stop` ends that server and drops its database.
 */
export async function appOn(db: 'pglite' | 'postgres'): Promise<{
  baseUrl: string;
  stop: () => Promise<void>;
}> {
  if (db === 'pglite') return { baseUrl: inject('baseUrl'), stop: async () => {} };
  const database = await freshPostgresDatabase();
  let own: RunningApp | undefined;
  try {
    own = await startApp(inject('dist'), { DATABASE_URL: database.url });
  } catch (e) {
    await database.drop();
    throw e;
  }
  const app = own;
  return {
    baseUrl: app.url,
    stop: async () => {
      await app.stop();
      await database.drop();
    },
  };
}
