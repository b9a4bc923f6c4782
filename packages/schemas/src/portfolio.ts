/**
 * `portfolio` (spec/portfolio.md): features in priority order across teams, the cut line.
 *
 * Field names are the spec's request contract. Every cross-field rule names the value to fix,
 * as the engine would (`features.3.parts.1.team`, `features.2.dependsOn.0`), so the API, the
 * CLI and the web form refuse the same bodies before any run starts.
 *
 * The limits bound the work by construction: a run costs at most `teams × maxWeeks` weekly
 * draws (plus one step per item handed out, itself bounded by the part sizes), and the CD3
 * suggestion re-runs the portfolio at most once per feature plus twice. `PORTFOLIO_LIMITS.work`
 * caps that product, the engine's own `portfolioWork`, so no accepted body can ask for more.
 */
import { z } from 'zod';
import type {
  PortfolioFeatureInput,
  PortfolioInput,
  PortfolioPartInput,
  PortfolioTeamInput,
} from '@flow-forecaster/engine';
import { findCycle, portfolioWork } from '@flow-forecaster/engine';
import { compact } from './aliases';
import { calendarField, resolveCalendar } from './calendar';
import { dateField } from './dates';
import {
  confidence,
  contributors,
  currency,
  int,
  money,
  report,
  sCurveSize,
  seed,
  shortText,
  splitRateSamples,
  teamFocus,
} from './fields';
import { LIMITS } from './limits';
import { risksField } from './risks';
import { checkContributorRange } from './simulate';
import { resolveThroughput, throughputShape } from './throughput';

export const PORTFOLIO_LIMITS = {
  teams: 20,
  features: 100,
  /** Items of one team's part of a feature (or of a one-team feature). */
  partSize: 100_000,
  featureWip: 50,
  simulations: { min: 100, max: 100_000 },
  maxWeeks: 1040,
  splitRates: 1_000,
  name: 200,
  /**
   * Team-weeks: runs × passes × teams × maxWeeks (default 520), passes being 1, or features + 2
   * with the CD3 suggestion. The spec's speed case (50 features, 5 teams, 10,000 runs) is
   * 1.35 billion; a real run stops far sooner, when its last feature is done.
   */
  work: 2_000_000_000,
} as const;

const name = shortText.trim().min(1).max(PORTFOLIO_LIMITS.name);
const size = int(1, PORTFOLIO_LIMITS.partSize);

const teamSchema = z
  .object({
    name,
    ...throughputShape,
    totalContributors: contributors.optional(),
    minContributors: contributors.optional(),
    maxContributors: contributors.optional(),
    sCurveSize: sCurveSize.optional(),
    teamFocus: teamFocus.optional(),
    historicalTeamSize: z.number().gt(0).max(LIMITS.contributors.max).optional(),
    featureWip: int(1, PORTFOLIO_LIMITS.featureWip).optional(),
  })
  .transform((v, ctx): PortfolioTeamInput => {
    const throughput = resolveThroughput(v, ctx);
    checkContributorRange(v, ctx);
    return compact({
      name: v.name,
      ...throughput,
      totalContributors: v.totalContributors,
      minContributors: v.minContributors,
      maxContributors: v.maxContributors,
      sCurveSize: v.sCurveSize,
      teamFocus: v.teamFocus,
      historicalTeamSize: v.historicalTeamSize,
      featureWip: v.featureWip,
    });
  });

const sizeShape = {
  size: size.optional(),
  sizeLow: size.optional(),
  sizeHigh: size.optional(),
};

/** A size or a low–high range, reported on the field that is missing or out of order. */
function checkSize(
  v: { size?: number; sizeLow?: number; sizeHigh?: number },
  ctx: z.RefinementCtx,
  at: readonly (string | number)[] = [],
): void {
  const ranged = v.sizeLow !== undefined || v.sizeHigh !== undefined;
  if (!ranged) {
    if (v.size === undefined) {
      report(ctx, [...at, 'size'], 'needs_one_of', { fields: ['size', 'sizeLow and sizeHigh'] });
    }
    return;
  }
  if (v.sizeLow === undefined)
    report(ctx, [...at, 'sizeLow'], 'required', { when: 'sizeHigh is given' });
  else if (v.sizeHigh === undefined) {
    report(ctx, [...at, 'sizeHigh'], 'required', { when: 'sizeLow is given' });
  } else if (v.sizeLow > v.sizeHigh) {
    report(ctx, [...at, 'sizeLow'], 'must_not_exceed', { other: 'sizeHigh' });
  }
}

const partSchema = z
  .object({ team: name, ...sizeShape })
  .transform((v, ctx): PortfolioPartInput => {
    checkSize(v, ctx);
    return compact(v);
  });

const featureSchema = z.object({
  name,
  ...sizeShape,
  team: name.optional(),
  parts: z.array(partSchema).min(1).max(PORTFOLIO_LIMITS.teams).optional(),
  splitRateSamples: splitRateSamples.max(PORTFOLIO_LIMITS.splitRates).optional(),
  risks: risksField.optional(),
  targetDate: dateField.optional(),
  costOfDelayPerWeek: money.optional(),
  dependsOn: z.array(name).max(PORTFOLIO_LIMITS.features).optional(),
});

type FeatureValues = z.output<typeof featureSchema>;

/** Team of each part and its path, whether the feature is split or done by one team. */
function partsOf(f: FeatureValues): { team: string; path: (string | number)[] }[] {
  if (f.parts) return f.parts.map((p, j) => ({ team: p.team, path: ['parts', j, 'team'] }));
  return f.team === undefined ? [] : [{ team: f.team, path: ['team'] }];
}

function checkFeature(f: FeatureValues, i: number, teams: Set<string>, ctx: z.RefinementCtx) {
  const at = ['features', i];
  if (f.parts === undefined) {
    if (f.team === undefined) {
      report(ctx, [...at, 'team'], 'needs_one_of', { fields: ['team', 'parts'] });
    }
    checkSize(f, ctx, at);
  } else if (f.team !== undefined) {
    report(ctx, [...at, 'team'], 'invalid', {
      reason: 'give either team (with size) or parts (a size per team), not both',
    });
  }
  const seen = new Set<string>();
  for (const part of partsOf(f)) {
    if (!teams.has(part.team)) {
      report(ctx, [...at, ...part.path], 'invalid', {
        reason: `"${part.team}" is not one of the portfolio's teams`,
      });
    } else if (seen.has(part.team)) {
      report(ctx, [...at, ...part.path], 'invalid', {
        reason: `team "${part.team}" already has a part of this feature`,
      });
    }
    seen.add(part.team);
  }
}

/** Unknown names and self-references by field, then one cycle (named on its first feature). */
function checkDependencies(features: readonly FeatureValues[], ctx: z.RefinementCtx): void {
  const index = new Map(features.map((f, i) => [f.name, i]));
  let known = true;
  const deps = features.map((f, i) =>
    (f.dependsOn ?? []).flatMap((dep, j) => {
      const d = index.get(dep);
      const field = ['features', i, 'dependsOn', j];
      if (d === undefined) {
        report(ctx, field, 'invalid', { reason: `"${dep}" is not a feature of this portfolio` });
      } else if (d === i)
        report(ctx, field, 'invalid', { reason: 'a feature cannot wait for itself' });
      else return [d];
      known = false;
      return [];
    }),
  );
  if (!known) return;
  const cycle = findCycle(deps);
  if (cycle !== null) {
    const path = [...cycle, cycle[0]].map((f) => features[f].name).join(' → ');
    report(ctx, ['features', cycle[0], 'dependsOn'], 'invalid', {
      reason: `the dependencies form a cycle (${path}), so none of them could ever start`,
    });
  }
}

function firstDuplicate(names: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    if (seen.has(names[i])) return i;
    seen.add(names[i]);
  }
  return -1;
}

export const portfolioSchema = z
  .object({
    teams: z.array(teamSchema).min(1).max(PORTFOLIO_LIMITS.teams),
    features: z.array(featureSchema).min(1).max(PORTFOLIO_LIMITS.features),
    startDate: dateField.optional(),
    targetDate: dateField.optional(),
    confidence: confidence.optional(),
    numberOfSimulations: int(
      PORTFOLIO_LIMITS.simulations.min,
      PORTFOLIO_LIMITS.simulations.max,
    ).optional(),
    maxWeeks: int(1, PORTFOLIO_LIMITS.maxWeeks).optional(),
    suggestOrder: z.boolean().optional(),
    currency: currency.optional(),
    seed: seed.optional(),
    calendar: calendarField.optional(),
  })
  .transform((v, ctx): PortfolioInput => {
    const teamNames = v.teams.map((t) => t.name);
    const dupTeam = firstDuplicate(teamNames);
    if (dupTeam >= 0) {
      report(ctx, ['teams', dupTeam, 'name'], 'invalid', {
        reason: `another team is already named "${teamNames[dupTeam]}"`,
      });
    }
    const dupFeature = firstDuplicate(v.features.map((f) => f.name));
    if (dupFeature >= 0) {
      report(ctx, ['features', dupFeature, 'name'], 'invalid', {
        reason: `another feature is already named "${v.features[dupFeature].name}"`,
      });
    }
    const teams = new Set(teamNames);
    v.features.forEach((f, i) => checkFeature(f, i, teams, ctx));
    if (dupFeature < 0) checkDependencies(v.features, ctx);
    if (v.startDate === undefined) {
      const targeted = v.targetDate !== undefined ? -1 : v.features.findIndex((f) => f.targetDate);
      if (v.targetDate !== undefined || targeted >= 0) {
        report(ctx, ['startDate'], 'required', { when: 'a target date is given' });
      }
    } else if (v.targetDate !== undefined && v.targetDate < v.startDate) {
      report(ctx, ['targetDate'], 'must_not_precede', { other: 'startDate' });
    }
    const perRun = portfolioWork({ ...v, numberOfSimulations: 1 });
    if (portfolioWork(v) > PORTFOLIO_LIMITS.work) {
      report(ctx, ['numberOfSimulations'], 'too_big', {
        maximum: Math.floor(PORTFOLIO_LIMITS.work / perRun),
        inclusive: true,
      });
    }
    return compact({
      teams: v.teams,
      features: v.features.map((f): PortfolioFeatureInput =>
        compact({
          name: f.name,
          size: f.size,
          sizeLow: f.sizeLow,
          sizeHigh: f.sizeHigh,
          team: f.team,
          parts: f.parts,
          splitRateSamples: f.splitRateSamples,
          risks: f.risks,
          targetDate: f.targetDate,
          costOfDelayPerWeek: f.costOfDelayPerWeek,
          dependsOn: f.dependsOn,
        }),
      ),
      startDate: v.startDate,
      targetDate: v.targetDate,
      confidence: v.confidence,
      numberOfSimulations: v.numberOfSimulations,
      maxWeeks: v.maxWeeks,
      suggestOrder: v.suggestOrder,
      currency: v.currency,
      seed: v.seed,
      // Holidays resolved from the start on, as for a single forecast (startDate is required).
      calendar: resolveCalendar(ctx, v.calendar, undefined, v.startDate).calendar,
    });
  });

export type PortfolioRequest = z.output<typeof portfolioSchema>;
