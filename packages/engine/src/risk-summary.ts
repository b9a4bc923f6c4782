/**
 * Risk summary before simulating: how much work each risk is expected to add, ranked.
 *
 * Per risk, with likelihood p as a fraction (≥ 1 is read as a percent):
 * expected impact = p·(low + medium + high)/3, P85 impact = p·(medium + 0.85·(high − medium)),
 * medium defaulting to the mid-point of low and high.
 *
 * Decisions where the spec is silent:
 * - Severity by rank r (1 = largest expected impact) of n risks: HIGH for
 *   r ≤ max(1, round(0.3·n)), MEDIUM for r ≤ round(0.7·n), LOW after that. Risks with equal
 *   expected impact get the severity of the first of them, so a tie never splits a level.
 * - Ranking ties keep the input order.
 * - Per-risk impacts are shown to one decimal (half-up), and the totals are the sums of the
 *   shown figures, so the table adds up for the reader, as in the original (the reference
 *   P85 total, 8.7, is the sum of 4.4 + 1.4 + 2.9, not the exact 8.6475). Exact values are
 *   returned beside them.
 */
import type { RiskInput, RiskSummaryInput } from './inputs';
import { roundTo } from './round';

export type RiskSeverity = 'HIGH' | 'MEDIUM' | 'LOW';

export interface RiskSummaryItem {
  /** Position in the input. */
  index: number;
  description: string;
  /** Likelihood as a fraction 0–1. */
  probability: number;
  lowImpact: number;
  mediumImpact: number;
  highImpact: number;
  /** One decimal; see the module note. */
  expectedImpact: number;
  p85Impact: number;
  expectedImpactExact: number;
  p85ImpactExact: number;
  /** 1 = largest expected impact. */
  rank: number;
  severity: RiskSeverity;
}

export interface RiskSummaryResult {
  /** Sorted by rank. */
  risks: RiskSummaryItem[];
  totalExpectedImpact: number;
  totalP85Impact: number;
  totalExpectedImpactExact: number;
  totalP85ImpactExact: number;
  counts: Record<RiskSeverity, number>;
}

/** Likelihood as a fraction: values ≥ 1 are percents (so 1 means 1 %), below 1 fractions. */
export function riskProbability(likelihood: number): number {
  const p = likelihood >= 1 ? likelihood / 100 : likelihood;
  return Math.min(1, Math.max(0, p));
}

function severityFor(position: number, n: number): RiskSeverity {
  if (position <= Math.max(1, Math.round(0.3 * n))) return 'HIGH';
  if (position <= Math.round(0.7 * n)) return 'MEDIUM';
  return 'LOW';
}

function summarizeRisk(risk: RiskInput, index: number) {
  const p = riskProbability(risk.likelihood);
  const low = risk.lowImpact;
  const high = risk.highImpact;
  const medium = risk.mediumImpact ?? (low + high) / 2;
  const expected = (p * (low + medium + high)) / 3;
  const p85 = p * (medium + 0.85 * (high - medium));
  return {
    index,
    description: risk.description ?? `Risk ${index + 1}`,
    probability: p,
    lowImpact: low,
    mediumImpact: medium,
    highImpact: high,
    expectedImpact: roundTo(expected, 1),
    p85Impact: roundTo(p85, 1),
    expectedImpactExact: expected,
    p85ImpactExact: p85,
  };
}

export function riskSummary(input: RiskSummaryInput): RiskSummaryResult {
  const items = input.risks.map(summarizeRisk);
  const order = items
    .map((_, i) => i)
    .sort((i, j) => items[j].expectedImpactExact - items[i].expectedImpactExact || i - j);
  const n = items.length;
  const counts: Record<RiskSeverity, number> = { HIGH: 0, MEDIUM: 0, LOW: 0 };
  const ranked: RiskSummaryItem[] = [];
  let tieStart = 0;
  order.forEach((idx, k) => {
    if (k > 0 && items[idx].expectedImpactExact !== items[order[k - 1]].expectedImpactExact) {
      tieStart = k;
    }
    const severity = severityFor(tieStart + 1, n);
    counts[severity]++;
    ranked.push({ ...items[idx], rank: k + 1, severity });
  });
  let totalExpected = 0;
  let totalP85 = 0;
  let totalExpectedExact = 0;
  let totalP85Exact = 0;
  for (const r of items) {
    totalExpected += r.expectedImpact;
    totalP85 += r.p85Impact;
    totalExpectedExact += r.expectedImpactExact;
    totalP85Exact += r.p85ImpactExact;
  }
  return {
    risks: ranked,
    // Re-rounding removes float dust from adding one-decimal figures (0.1 + 0.2).
    totalExpectedImpact: roundTo(totalExpected, 1),
    totalP85Impact: roundTo(totalP85, 1),
    totalExpectedImpactExact: totalExpectedExact,
    totalP85ImpactExact: totalP85Exact,
    counts,
  };
}
