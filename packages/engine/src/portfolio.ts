/**
 * The portfolio forecast (spec/portfolio.md): which features make their dates, in this order,
 * with these teams. Pure and seeded; `forecastPortfolio` is the one entry point.
 */
import type { PortfolioInput } from './portfolio-input';
import { planPortfolio } from './portfolio-plan';
import { drawAllPartSizes, runPortfolio } from './portfolio-run';
import { portfolioResult, type PortfolioResult } from './portfolio-result';
import { costOfDelayAnalysis } from './portfolio-cd3';

export function forecastPortfolio(input: PortfolioInput): PortfolioResult {
  const plan = planPortfolio(input);
  // The CD3 passes simulate the same features again: their sizes are drawn once for all.
  const drawn = plan.suggestOrder ? drawAllPartSizes(plan) : null;
  const runs = runPortfolio(plan, { drawn });
  const result = portfolioResult(plan, runs);
  if (plan.suggestOrder) result.costOfDelay = costOfDelayAnalysis(plan, runs, drawn);
  return result;
}

/**
 * Upper bound of the work, in team-weeks drawn: every run of every team may go on to
 * maxWeeks, and the CD3 suggestion re-runs at most once per feature plus the new order.
 */
export function portfolioWork(input: PortfolioInput): number {
  const runs = input.numberOfSimulations ?? 10_000;
  const weeks = input.maxWeeks ?? 520;
  const teams = input.teams?.length ?? 0;
  const features = input.features?.length ?? 0;
  const passes = input.suggestOrder === false ? 1 : features + 2;
  return runs * weeks * teams * passes;
}
