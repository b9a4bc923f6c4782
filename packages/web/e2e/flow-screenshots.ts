/**
 * `npx tsx packages/web/e2e/flow-screenshots.ts`: the cycle-time scatterplot and aging WIP
 * pages with the Jira sample export imported, at desktop width in en and pt-BR, into
 * docs/screenshots/ (shown in the README). Separate from `npm run screenshots` so refreshing
 * these does not rewrite every other image.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb } from './build';
import { openBrowser } from './browser';
import { REPO_ROOT, startApp } from './server';

const OUT = join(REPO_ROOT, 'docs/screenshots');
const JIRA = join(REPO_ROOT, 'samples/jira-export.csv');
const LANGUAGES = [
  { code: 'en', locale: 'en-US' },
  { code: 'pt-BR', locale: 'pt-BR' },
] as const;
const PAGES = [
  { name: 'flow-cycle-time', path: '/flow/cycle-time', chart: 'flow-scatter' },
  { name: 'flow-aging', path: '/flow/aging', chart: 'flow-aging' },
] as const;

async function main() {
  const dist = mkdtempSync(join(tmpdir(), 'ff-shots-dist-'));
  await buildWeb(dist);
  const app = await startApp(dist);
  mkdirSync(OUT, { recursive: true });
  try {
    for (const lang of LANGUAGES) {
      const b = await openBrowser({ locale: lang.locale });
      try {
        await b.page.goto(app.url);
        await b.page.evaluate((l) => localStorage.setItem('ff.language', l), lang.code);
        await b.page.goto(`${app.url}/#/team`);
        await b.page.locator('#team-csv').setInputFiles(JIRA);
        await b.page.getByTestId('team-loaded').waitFor();
        for (const p of PAGES) {
          await b.page.goto(`${app.url}/#${p.path}?asOf=2025-08-31`);
          await b.page.getByTestId(p.chart).waitFor();
          await b.page.waitForTimeout(300);
          const file = join(OUT, `${p.name}-desktop-${lang.code}.png`);
          await b.page.screenshot({ path: file, fullPage: true });
          console.log(`wrote ${file}`);
        }
      } finally {
        await b.close();
      }
    }
  } finally {
    await app.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
