/**
 * `npm run screenshots`: PNGs of the main pages, with results, at desktop and phone widths in
 * pt-BR and en, into docs/screenshots/ (shown in the README).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inLanguage, OUT, screenshotScript } from './screenshot-run';

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
const LANGUAGES = [
  { code: 'pt-BR', locale: 'pt-BR' },
  { code: 'en', locale: 'en-US' },
] as const;

/** Each page with the button that produces its results (the label differs per language). */
const PAGES: { name: string; path: string; submit: RegExp }[] = [
  { name: 'when', path: '/when', submit: /^(Forecast|Prever)$/ },
  { name: 'how-many', path: '/how-many', submit: /^(Run forecast|Rodar previsão)$/ },
  { name: 'deadline', path: '/deadline', submit: /^(Run forecast|Rodar previsão)$/ },
  { name: 'cost', path: '/cost', submit: /^(Run forecast|Rodar previsão)$/ },
  { name: 'backtest', path: '/backtest', submit: /^(Run forecast|Rodar previsão)$/ },
  { name: 'pbc', path: '/pbc', submit: /^(Draw chart|Desenhar gráfico)$/ },
];

async function shoot(page: Page, baseUrl: string, p: (typeof PAGES)[number], file: string) {
  await page.goto(`${baseUrl}/#${p.path}`);
  await page.locator('main h1').waitFor();
  await page.getByRole('button', { name: p.submit }).click();
  await page
    .locator('main section .kpis, main section .headline')
    .first()
    .waitFor({ timeout: 60_000 });
  // Charts are lazy; wait until every chart on the page has drawn.
  await page.waitForFunction(() => document.querySelectorAll('.chart__loading').length === 0);
  await page.waitForTimeout(300);
  // A viewport as tall as the page, so the sticky run button sits where it belongs instead of
  // floating over the form at the first screen's bottom edge.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport) await page.setViewportSize({ width: viewport.width, height });
  await page.waitForTimeout(200);
  await page.screenshot({ path: file, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}

screenshotScript(async (appUrl) => {
  for (const lang of LANGUAGES) {
    for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
      await inLanguage(appUrl, lang, viewport, async (page) => {
        for (const p of PAGES) {
          const file = join(OUT, `${p.name}-${vpName}-${lang.code}.png`);
          await shoot(page, appUrl, p, file);
          console.log(`wrote ${file}`);
        }
      });
    }
  }
});
