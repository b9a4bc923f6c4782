/**
 * Cost of delay across the portfolio and the CD3 suggestion: order by cost of delay ÷ the
 * feature's median duration alone, re-simulated on the same seed so the saving is like for
 * like (the same teams' weeks and the same feature sizes in every run).
 */
import { percentileFromCounts } from './percentile';
import { roundTo } from './round';
import { orderByScore } from './portfolio-graph';
import { packParts, type PortfolioPlan } from './portfolio-plan';
import {
  aloneWeeks,
  drawAllPartSizes,
  runPortfolio,
  type DrawnSizes,
  type PortfolioRuns,
} from './portfolio-run';
import { expectedDelayCost, type PortfolioCostOfDelay } from './portfolio-result';

/**
 * The plan with its features in `order` (indexes into plan.features); parts keep their teams
 * and size ranges, and streams are seeded by name, so every run draws the same as before.
 * Without `keepDependencies` the features ignore each other's dependencies.
 */
export function reorderedPlan(
  plan: PortfolioPlan,
  order: readonly number[],
  keepDependencies = true,
): PortfolioPlan {
  const position = new Map(order.map((f, i) => [f, i]));
  const partFeature: number[] = [];
  const partTeam: number[] = [];
  const partLow: number[] = [];
  const partHigh: number[] = [];
  const featurePartStart = [0];
  const deps: number[][] = [];
  for (const f of order) {
    for (let p = plan.featurePartStart[f]; p < plan.featurePartStart[f + 1]; p++) {
      partFeature.push(position.get(f) as number);
      partTeam.push(plan.partTeam[p]);
      partLow.push(plan.partLow[p]);
      partHigh.push(plan.partHigh[p]);
    }
    featurePartStart.push(partFeature.length);
    deps.push(
      keepDependencies
        ? plan.deps[f].flatMap((d) => (position.has(d) ? [position.get(d) as number] : []))
        : [],
    );
  }
  return {
    ...plan,
    features: order.map((f) => plan.features[f]),
    ...packParts({ partFeature, partTeam, partLow, partHigh }, featurePartStart, deps, plan.teams),
  };
}

/** Median of one feature's completion weeks; null when it is beyond maxWeeks. */
function medianOf(weeks: Int32Array, maxWeeks: number): number | null {
  const counts = new Uint32Array(maxWeeks + 2);
  for (const w of weeks) counts[w < 0 ? maxWeeks + 1 : w]++;
  const q = percentileFromCounts(counts, weeks.length, 0.5);
  return q > maxWeeks ? null : q;
}

/** Median weeks of feature f when its teams work on nothing else (same runs, same draws). */
export function medianWeeksAlone(plan: PortfolioPlan, f: number): number | null {
  return medianOf(aloneWeeks(plan, [f])[0], plan.maxWeeks);
}

function totalDelayCost(plan: PortfolioPlan, runs: PortfolioRuns): number {
  let total = 0;
  for (let f = 0; f < plan.features.length; f++) total += expectedDelayCost(plan, runs, f);
  return total;
}

/** `drawn` re-indexed for the plan with its features in `order` (see reorderedPlan). */
function reorderedSizes(plan: PortfolioPlan, order: readonly number[], drawn: DrawnSizes) {
  const source: number[] = [];
  for (const f of order) {
    for (let p = plan.featurePartStart[f]; p < plan.featurePartStart[f + 1]; p++) {
      source.push(drawn.source[p]);
    }
  }
  return { ...drawn, source: Int32Array.from(source) };
}

/**
 * Null when no feature has both a cost of delay and a target. `drawn` (every run's part sizes,
 * when the caller drew them once) saves drawing them again for each pass.
 */
export function costOfDelayAnalysis(
  plan: PortfolioPlan,
  runs: PortfolioRuns,
  drawn: DrawnSizes | null = drawAllPartSizes(plan),
): PortfolioCostOfDelay | null {
  const costed = plan.features.some((f) => f.costOfDelayPerWeek > 0 && f.targetWeeks !== null);
  if (!costed) return null;
  const total = totalDelayCost(plan, runs);
  const costly = plan.features.flatMap((fp, f) => (fp.costOfDelayPerWeek > 0 ? [f] : []));
  const alone = aloneWeeks(plan, costly, drawn);
  const features = plan.features.map((fp, f) => {
    if (!(fp.costOfDelayPerWeek > 0)) return { name: fp.name, medianWeeksAlone: null, cd3: 0 };
    const weeks = medianOf(alone[costly.indexOf(f)], plan.maxWeeks);
    // A feature that takes no time alone (or never finishes) still sorts by its cost of delay.
    const cd3 = weeks === null ? 0 : fp.costOfDelayPerWeek / Math.max(weeks, 1);
    return { name: fp.name, medianWeeksAlone: weeks, cd3: roundTo(cd3, 4) };
  });
  const order = orderByScore(
    features.map((f) => f.cd3),
    plan.deps,
  );
  const unchanged = order.every((f, i) => f === i);
  const reordered = unchanged ? plan : reorderedPlan(plan, order);
  const suggested = unchanged
    ? total
    : totalDelayCost(
        reordered,
        runPortfolio(reordered, {
          shares: false,
          drawn: drawn === null ? null : reorderedSizes(plan, order, drawn),
        }),
      );
  return {
    currency: plan.currency,
    totalExpectedDelayCost: roundTo(total, 2),
    suggestedOrder: order.map((f) => plan.features[f].name),
    suggestedTotalExpectedDelayCost: roundTo(suggested, 2),
    saving: roundTo(total - suggested, 2),
    features,
  };
}
