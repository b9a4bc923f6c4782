import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb } from './build';
import type { TestProject } from 'vitest/node';
import { startApp, type RunningApp } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dist: string;
  }
}

let app: RunningApp | undefined;
let dist: string | undefined;

/** Builds the web app once (into a temp dir, so parallel runs never share a half-written dist). */
export async function setup(project: TestProject): Promise<void> {
  dist = mkdtempSync(join(tmpdir(), 'ff-e2e-dist-'));
  await buildWeb(dist);
  app = await startApp(dist);
  project.provide('baseUrl', app.url);
  project.provide('dist', dist);
}

export async function teardown(): Promise<void> {
  await app?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
}
