/**
 * What the portfolio e2e tests share: the API's answer for a body, the cut-line table as the
 * page shows it, and the same table computed from an API result, so the two compare exactly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addDays, daysBetween } from '@flow-forecaster/engine';
import { REPO_ROOT } from './server';

export interface FeatureResult {
  name: string;
  completionDates: { p50: string | null; p85: string | null; p95: string | null } | null;
  probabilityByTarget: number | null;
  probabilityByPortfolioTarget: number | null;
  inCutLine: boolean | null;
  latestStart: string | null;
}
export interface Result {
  features: FeatureResult[];
  allOnTime: number | null;
  allOwnTargetsOnTime: number | null;
  seed: number;
}

export type Body = { features: { name: string }[] } & Record<string, unknown>;

export const example = JSON.parse(
  readFileSync(join(REPO_ROOT, 'examples/portfolio.json'), 'utf8'),
) as Body;

const pct = (x: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(x);

/** A chance as the page shows one: never a certain 100 % or 0 % (the trust rules). */
export const percent = (x: number) =>
  x >= 0.9995 ? `> ${pct(0.999)}` : x < 0.0005 ? `< ${pct(0.001)}` : pct(x);

export async function api(baseUrl: string, body: Body): Promise<Result> {
  const res = await fetch(`${baseUrl}/api/portfolio`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Result;
}

export function inOrder(body: Body, names: string[]): Body {
  const byName = new Map(body.features.map((f) => [f.name, f]));
  return { ...body, features: names.map((n) => byName.get(n)!) };
}

/** Everything the cut-line table shows, read from the page (dates from `<time datetime>`). */
export async function shown(page: Page) {
  const rows = page.locator('[data-testid="pf-cut-table"] tbody tr');
  const n = await rows.count();
  const out = [];
  for (let i = 0; i < n; i++) {
    const date = async (id: string) => {
      const el = page.getByTestId(`pf-${id}-${i}`);
      return (await el.getAttribute('datetime')) ?? null;
    };
    out.push({
      name: await rows.nth(i).getAttribute('data-feature'),
      p50: await date('p50'),
      p85: await date('p85'),
      p95: await date('p95'),
      latestStart: await date('latest'),
      probability: (await page.getByTestId(`pf-prob-${i}`).textContent())?.trim(),
      byPortfolioTarget: (await page.getByTestId(`pf-prob-portfolio-${i}`).textContent())?.trim(),
      status: await page
        .getByTestId(`pf-status-${i}`)
        .locator('[data-status]')
        .getAttribute('data-status'),
    });
  }
  return out;
}

export function expected(r: Result) {
  return r.features.map((f) => ({
    name: f.name,
    p50: f.completionDates?.p50 ?? null,
    p85: f.completionDates?.p85 ?? null,
    p95: f.completionDates?.p95 ?? null,
    latestStart: f.latestStart,
    probability: f.probabilityByTarget === null ? '—' : percent(f.probabilityByTarget),
    byPortfolioTarget:
      f.probabilityByPortfolioTarget === null ? '—' : percent(f.probabilityByPortfolioTarget),
    status: f.inCutLine === null ? 'none' : f.inCutLine ? 'in' : 'out',
  }));
}

export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            o: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  return violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

/**
 * The example as the page shows it: the page starts it next Monday, with every date the same
 * days after the start as in examples/portfolio.json (which starts on 2036-01-07).
 */
export function exampleStartingOn(start: string): Body {
  const shift = daysBetween(String(example.startDate), start);
  const move = (d: unknown) => (typeof d === 'string' ? addDays(d, shift) : d);
  return {
    ...example,
    startDate: start,
    targetDate: move(example.targetDate),
    features: example.features.map((f) =>
      'targetDate' in f ? { ...f, targetDate: move((f as { targetDate?: string }).targetDate) } : f,
    ),
  };
}
