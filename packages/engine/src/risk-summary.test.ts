import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { riskProbability, riskSummary } from './risk-summary';
import type { RiskInput } from './inputs';
import { referenceCases } from '../test/reference-cases';

describe('riskSummary', () => {
  for (const c of referenceCases('riskSummary')) {
    it(`matches reference case ${c.id}`, () => {
      const input = c.input as { risks: RiskInput[] };
      const e = c.expected as {
        expectedImpact: Record<string, number>;
        totalExpected: number;
        totalP85: number;
        severity: Record<string, string>;
      };
      const tol = c.tolerance ?? 0.05;
      const r = riskSummary(input);
      const byName = new Map(r.risks.map((x) => [x.description, x]));
      for (const [name, v] of Object.entries(e.expectedImpact)) {
        expect(Math.abs(byName.get(name)!.expectedImpact - v), name).toBeLessThanOrEqual(tol);
      }
      for (const [name, s] of Object.entries(e.severity)) {
        expect(byName.get(name)!.severity, name).toBe(s);
      }
      expect(Math.abs(r.totalExpectedImpact - e.totalExpected)).toBeLessThanOrEqual(tol);
      expect(Math.abs(r.totalP85Impact - e.totalP85)).toBeLessThanOrEqual(tol);
    });
  }

  it('reads likelihood ≥ 1 as a percent and below 1 as a fraction', () => {
    expect(riskProbability(1)).toBe(0.01);
    expect(riskProbability(30)).toBeCloseTo(0.3, 12);
    expect(riskProbability(0.3)).toBe(0.3);
    expect(riskProbability(150)).toBe(1);
  });

  it('defaults the medium impact to the mid-point', () => {
    const r = riskSummary({ risks: [{ likelihood: 0.5, lowImpact: 2, highImpact: 10 }] });
    expect(r.risks[0].mediumImpact).toBe(6);
    expect(r.risks[0].expectedImpactExact).toBeCloseTo((0.5 * 18) / 3, 12);
    expect(r.risks[0].p85ImpactExact).toBeCloseTo(0.5 * (6 + 0.85 * 4), 12);
    expect(r.risks[0].severity).toBe('HIGH');
  });

  it('splits ten risks 3 HIGH / 4 MEDIUM / 3 LOW and gives ties one level', () => {
    const risks = Array.from({ length: 10 }, (_, i) => ({
      likelihood: 0.5,
      lowImpact: i + 1,
      highImpact: i + 1,
    }));
    const r = riskSummary({ risks });
    expect(r.counts).toEqual({ HIGH: 3, MEDIUM: 4, LOW: 3 });
    expect(r.risks[0].lowImpact).toBe(10);
    const tied = riskSummary({
      risks: [
        { likelihood: 0.5, lowImpact: 4, highImpact: 4 },
        { likelihood: 0.5, lowImpact: 4, highImpact: 4 },
        { likelihood: 0.5, lowImpact: 1, highImpact: 1 },
      ],
    });
    expect(tied.risks.map((x) => x.severity)).toEqual(['HIGH', 'HIGH', 'LOW']);
  });

  it('ranks as a permutation, by non-increasing expected impact (property)', () => {
    const risk = fc.record({
      likelihood: fc.double({ min: 0, max: 100, noNaN: true }),
      lowImpact: fc.double({ min: 0, max: 50, noNaN: true }),
      highImpact: fc.double({ min: 50, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(risk, { maxLength: 30 }), (risks) => {
        const r = riskSummary({ risks });
        expect(r.risks.map((x) => x.rank)).toEqual(risks.map((_, i) => i + 1));
        expect([...r.risks.map((x) => x.index)].sort((a, b) => a - b)).toEqual(
          risks.map((_, i) => i),
        );
        for (let i = 1; i < r.risks.length; i++) {
          expect(r.risks[i].expectedImpactExact).toBeLessThanOrEqual(
            r.risks[i - 1].expectedImpactExact,
          );
        }
        const levels = { HIGH: 0, MEDIUM: 1, LOW: 2 };
        for (let i = 1; i < r.risks.length; i++) {
          expect(levels[r.risks[i].severity]).toBeGreaterThanOrEqual(
            levels[r.risks[i - 1].severity],
          );
        }
        expect(r.counts.HIGH + r.counts.MEDIUM + r.counts.LOW).toBe(risks.length);
        if (risks.length > 0) expect(r.counts.HIGH).toBeGreaterThan(0);
      }),
    );
  });
});
