/**
 * The portfolio form as the page edits it (strings, as typed) and its request body in the
 * spec's contract. Reading text into numbers is here; every rule on the numbers (sizes ≥ 1,
 * known teams, cycles…) is the shared schema's, so the page and the API refuse the same bodies.
 */
import { addWeeks } from '@flow-forecaster/engine';
import { BodyBuilder } from '../shared/body';
import { addCalendar, initialCalendar, type CalendarForm } from '../shared/calendar';
import type { BuiltBody } from '../shared/useForecastPage';

export interface TeamRow {
  name: string;
  /** Weekly throughput samples, "3, 4, 5". */
  samples: string;
  featureWip: string;
}

export interface FeatureRow {
  name: string;
  team: string;
  /** "8" or a range "6-10". */
  size: string;
  /** A split across teams, "A: 8, B: 4" (each size may be a range); replaces team and size. */
  parts: string;
  targetDate: string;
  costOfDelay: string;
  /** Names of features this one waits for, comma-separated. */
  dependsOn: string;
}

export interface PortfolioForm extends CalendarForm {
  teams: TeamRow[];
  features: FeatureRow[];
  startDate: string;
  targetDate: string;
  /** Percent. */
  confidence: string;
  runs: string;
  /** ISO 4217 code of the costs of delay; the page starts it at the reader's (pt-BR → BRL). */
  currency: string;
}

export const blankTeam: TeamRow = { name: '', samples: '', featureWip: '1' };
export const blankFeature: FeatureRow = {
  name: '',
  team: '',
  size: '',
  parts: '',
  targetDate: '',
  costOfDelay: '',
  dependsOn: '',
};

/** The first Monday on or after `now`'s calendar day (the user's own day, not UTC's). */
export function nextMonday(now: Date = new Date()): string {
  const ahead = (8 - now.getDay()) % 7;
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead);
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${m}-${day}`;
}

/** The example's team and feature names, in the reader's language (the page translates them). */
export interface ExampleNames {
  payments: string;
  platform: string;
  checkout: string;
  search: string;
  reports: string;
  export: string;
  auditLog: string;
  darkMode: string;
}

/** examples/portfolio.json's names. */
export const EXAMPLE_NAMES_EN: ExampleNames = {
  payments: 'Payments',
  platform: 'Platform',
  checkout: 'Checkout',
  search: 'Search',
  reports: 'Reports',
  export: 'Export',
  auditLog: 'Audit log',
  darkMode: 'Dark mode',
};

/**
 * The example portfolio (examples/portfolio.json's features and teams), starting next Monday
 * with its targets the same weeks after the start, so its dates are never in the past. With
 * `start` 2036-01-07 and English names it is that file exactly (the unit test holds them
 * together); `n` names them in another language.
 */
export function exampleForm(
  start: string = nextMonday(),
  n: ExampleNames = EXAMPLE_NAMES_EN,
): PortfolioForm {
  const week = (k: number) => addWeeks(start, k);
  return {
    teams: [
      { name: n.payments, samples: '3, 4, 5, 4, 6, 2, 4, 5, 3, 4', featureWip: '2' },
      { name: n.platform, samples: '2, 3, 3, 4, 2, 3, 5, 1', featureWip: '1' },
    ],
    features: [
      {
        ...blankFeature,
        name: n.checkout,
        parts: `${n.payments}: 12, ${n.platform}: 5`,
        targetDate: week(6),
        costOfDelay: '8000',
      },
      { ...blankFeature, name: n.search, team: n.payments, size: '6-10', costOfDelay: '3000' },
      {
        ...blankFeature,
        name: n.reports,
        team: n.platform,
        size: '8',
        targetDate: week(7),
        costOfDelay: '5000',
      },
      { ...blankFeature, name: n.export, team: n.payments, size: '10', dependsOn: n.checkout },
      { ...blankFeature, name: n.auditLog, team: n.platform, size: '6', costOfDelay: '1000' },
      { ...blankFeature, name: n.darkMode, team: n.payments, size: '4-8' },
    ],
    startDate: start,
    targetDate: week(10),
    confidence: '85',
    runs: '10000',
    currency: 'USD',
    // The page replaces the country with the reader's (pt-BR → Brazil) when it opens.
    ...initialCalendar('en'),
  };
}

export const initialForm: PortfolioForm = exampleForm();

const RANGE = /^\s*([^-–]+?)\s*[-–]\s*([^-–]+?)\s*$/;

/** "8" → {size}, "6-10" → {sizeLow, sizeHigh}; unreadable text is an issue on `field`. */
function readSize(b: BodyBuilder, field: string, text: string): Record<string, number> {
  const range = RANGE.exec(text);
  if (range) {
    const low = b.value(`${field}Low`, range[1]);
    const high = b.value(`${field}High`, range[2]);
    return {
      ...(low !== undefined && { sizeLow: low }),
      ...(high !== undefined && { sizeHigh: high }),
    };
  }
  const size = b.value(field, text);
  return size === undefined ? {} : { size };
}

function names(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function toBody(form: PortfolioForm): BuiltBody {
  const b = new BodyBuilder();
  b.set(
    'teams',
    form.teams.map((team, i) => {
      const out: Record<string, unknown> = { name: team.name.trim(), throughputModel: 'bootstrap' };
      const inner = new BodyBuilder();
      const samples = inner.list(`teams.${i}.tpSamples`, team.samples);
      b.issues.push(...inner.issues);
      if (samples !== undefined) out.tpSamples = samples;
      const wip = b.value(`teams.${i}.featureWip`, team.featureWip);
      if (wip !== undefined) out.featureWip = wip;
      return out;
    }),
  );
  b.set(
    'features',
    form.features.map((f, i) => {
      const at = `features.${i}`;
      const out: Record<string, unknown> = { name: f.name.trim() };
      if (f.parts.trim() !== '') {
        out.parts = f.parts
          .split(',')
          .filter((p) => p.trim() !== '')
          .map((p, j) => {
            const colon = p.lastIndexOf(':');
            const team = (colon < 0 ? p : p.slice(0, colon)).trim();
            return {
              team,
              ...readSize(b, `${at}.parts.${j}.size`, colon < 0 ? '' : p.slice(colon + 1)),
            };
          });
      } else {
        if (f.team.trim() !== '') out.team = f.team.trim();
        Object.assign(out, readSize(b, `${at}.size`, f.size));
      }
      if (f.targetDate.trim() !== '') out.targetDate = f.targetDate.trim();
      const cod = b.value(`${at}.costOfDelayPerWeek`, f.costOfDelay);
      if (cod !== undefined) out.costOfDelayPerWeek = cod;
      const deps = names(f.dependsOn);
      if (deps.length > 0) out.dependsOn = deps;
      return out;
    }),
  );
  b.text('startDate', form.startDate);
  b.text('targetDate', form.targetDate);
  b.number('confidence', form.confidence, 0.01);
  // Saved before the currency field existed: left out, so the engine's default applies.
  if ((form.currency ?? '').trim() !== '') b.text('currency', form.currency.trim());
  addCalendar(b, form);
  b.number('numberOfSimulations', form.runs);
  return b.build();
}

/**
 * The items of a feature split across teams, as the Items cell shows them: "Payments: 12,
 * Platform: 5" → "17", ranges add up low and high ("A: 2-4, B: 3" → "5-7"). Null when a part
 * cannot be read (its own cell shows why).
 */
export function splitTotal(parts: string): string | null {
  let low = 0;
  let high = 0;
  for (const part of parts.split(',').filter((p) => p.trim() !== '')) {
    const colon = part.lastIndexOf(':');
    const text = colon < 0 ? '' : part.slice(colon + 1);
    const range = RANGE.exec(text);
    const [a, b] = (range ? [range[1], range[2]] : [text, text]).map((v) => Number(v.trim()));
    if (text.trim() === '' || !Number.isFinite(a) || !Number.isFinite(b)) return null;
    low += a;
    high += b;
  }
  return low === high ? String(low) : `${low}-${high}`;
}

/** The list with item `from` moved to index `to` (drag and drop, and the up/down buttons). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) {
    return [...list];
  }
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** Features reordered to `order` (names, as the CD3 suggestion gives them); others keep their place after. */
export function reorder(features: readonly FeatureRow[], order: readonly string[]): FeatureRow[] {
  const byName = new Map(features.map((f) => [f.name.trim(), f]));
  const placed = order.flatMap((n) => {
    const f = byName.get(n);
    return f ? [f] : [];
  });
  return [...placed, ...features.filter((f) => !placed.includes(f))];
}

/**
 * Whether `next` is `before` with only its features in another order (no row edited, added
 * or removed): a reorder is one deliberate step, so "Rerun as I edit" need not wait for more.
 */
export function onlyReordered(before: PortfolioForm, next: PortfolioForm): boolean {
  const { features: a, ...restA } = before;
  const { features: b, ...restB } = next;
  if (a.length !== b.length || JSON.stringify(restA) !== JSON.stringify(restB)) return false;
  const rows = (fs: readonly FeatureRow[]) => fs.map((f) => JSON.stringify(f));
  const ra = rows(a);
  const rb = rows(b);
  if (ra.every((r, i) => r === rb[i])) return false;
  return [...ra].sort().join('\n') === [...rb].sort().join('\n');
}

/** Which field paths a feature row's cell shows errors for. */
export function cellError(
  errors: Readonly<Record<string, string>>,
  row: number,
  cell: 'name' | 'team' | 'size' | 'parts' | 'targetDate' | 'costOfDelayPerWeek' | 'dependsOn',
): string | undefined {
  const at = `features.${row}.`;
  const matches =
    cell === 'size' ? ['size', 'sizeLow', 'sizeHigh'] : cell === 'parts' ? ['parts'] : [cell];
  for (const [field, message] of Object.entries(errors)) {
    if (!field.startsWith(at)) continue;
    const rest = field.slice(at.length);
    if (matches.some((m) => rest === m || rest.startsWith(`${m}.`))) return message;
  }
  return undefined;
}
