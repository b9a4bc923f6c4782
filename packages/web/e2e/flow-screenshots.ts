/**
 * `npx tsx packages/web/e2e/flow-screenshots.ts`: the cycle-time scatterplot and aging WIP
 * pages with the Jira sample export imported, at desktop width in en and pt-BR, into
 * docs/screenshots/ (shown in the README). Separate from `npm run screenshots` so refreshing
 * these does not rewrite every other image.
 */
import { join } from 'node:path';
import { inLanguage, OUT, screenshotScript } from './screenshot-run';
import { REPO_ROOT } from './server';

const JIRA = join(REPO_ROOT, 'samples/jira-export.csv');
const LANGUAGES = [
  { code: 'en', locale: 'en-US' },
  { code: 'pt-BR', locale: 'pt-BR' },
] as const;
const PAGES = [
  { name: 'flow-cycle-time', path: '/flow/cycle-time', chart: 'flow-scatter' },
  { name: 'flow-aging', path: '/flow/aging', chart: 'flow-aging' },
] as const;

screenshotScript(async (appUrl) => {
  for (const lang of LANGUAGES) {
    await inLanguage(appUrl, lang, undefined, async (page) => {
      await page.goto(`${appUrl}/#/team`);
      await page.locator('#team-csv').setInputFiles(JIRA);
      await page.getByTestId('team-loaded').waitFor();
      for (const p of PAGES) {
        await page.goto(`${appUrl}/#${p.path}?asOf=2025-08-31`);
        await page.getByTestId(p.chart).waitFor();
        await page.waitForTimeout(300);
        const file = join(OUT, `${p.name}-desktop-${lang.code}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`wrote ${file}`);
      }
    });
  }
});
