import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planPortfolio } from './portfolio-plan';
import { aloneWeeks, drawAllPartSizes, runPortfolio } from './portfolio-run';
import { costOfDelayAnalysis, reorderedPlan } from './portfolio-cd3';
import type { PortfolioFeatureInput, PortfolioInput } from './portfolio-input';

const RUNS = 40;

/** Random portfolios: 1–3 teams, 1–7 features (some split across teams, some ranges, some dependencies on earlier features). */
const portfolioArb = fc
  .record({
    teams: fc.array(
      fc.record({
        tp: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 8 }),
        wip: fc.integer({ min: 1, max: 3 }),
        model: fc.constantFrom('bootstrap' as const, 'weibull' as const),
        focus: fc.constantFrom(1, 0.5, 0.8),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    features: fc.array(
      fc.record({
        parts: fc.array(
          fc.record({ team: fc.nat(), low: fc.integer({ min: 1, max: 15 }), extra: fc.nat(5) }),
          { minLength: 1, maxLength: 3 },
        ),
        dep: fc.option(fc.nat(), { nil: undefined }),
        split: fc.boolean(),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    seed: fc.nat(),
  })
  .map(({ teams, features, seed }): PortfolioInput => {
    const names = teams.map((_, i) => `T${i}`);
    return {
      teams: teams.map((t, i) => ({
        name: names[i],
        tpSamples: [...t.tp, 3],
        throughputModel: t.model,
        featureWip: t.wip,
        teamFocus: t.focus,
      })),
      features: features.map((f, i): PortfolioFeatureInput => {
        const byTeam = new Map(f.parts.map((p) => [names[p.team % names.length], p]));
        return {
          name: `F${i}`,
          parts: [...byTeam].map(([team, p]) => ({
            team,
            sizeLow: p.low,
            sizeHigh: p.low + p.extra,
          })),
          dependsOn: f.dep !== undefined && i > 0 ? [`F${f.dep % i}`] : [],
          splitRateSamples: f.split ? [1, 1.5, 2] : undefined,
        };
      }),
      numberOfSimulations: RUNS,
      seed,
    };
  });

function weeks(input: PortfolioInput): Int32Array {
  return runPortfolio(planPortfolio(input)).featureWeek;
}

describe('portfolio properties', () => {
  // Monotone where the model makes it so: without dependencies, or with feature WIP 1. With
  // dependencies and WIP > 1 it is not (the next test shows why), so the property is stated
  // on that domain rather than left to fail on the runs fast-check happens to draw.
  it('moving a feature up never makes it later, in the same runs (no dependencies, or WIP 1)', () => {
    fc.assert(
      fc.property(portfolioArb, fc.nat(), fc.boolean(), (raw, pick, keepDeps) => {
        const input: PortfolioInput = keepDeps
          ? { ...raw, teams: raw.teams.map((t) => ({ ...t, featureWip: 1 })) }
          : { ...raw, features: raw.features.map((f) => ({ ...f, dependsOn: [] })) };
        const plan = planPortfolio(input);
        const F = plan.features.length;
        if (F < 2) return;
        const from = 1 + (pick % (F - 1));
        const order = [...Array(F).keys()];
        order.splice(from, 1);
        order.splice(from - 1, 0, from);
        const before = runPortfolio(plan).featureWeek;
        const after = runPortfolio(reorderedPlan(plan, order)).featureWeek;
        for (let r = 0; r < RUNS; r++) {
          const b = before[r * F + from];
          const a = after[r * F + from - 1];
          // −1 is "not within maxWeeks": never better than a finished week.
          if (b >= 0) expect(a).toBeGreaterThanOrEqual(0);
          if (b >= 0) expect(a).toBeLessThanOrEqual(b);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with dependencies and WIP > 1, moving a feature up can make it later (documented)', () => {
    // Throughput 3 every week, WIP 2; F1 waits for F0. In the order F0 F1 F2 F3, F0 finishes
    // in week 2, so F1 (above F3) only becomes ready after F3 is done in week 2. Moving F3
    // above F2 lets F0 finish in week 1; F1 is then ready in week 2 and, being above F3,
    // takes its share of the round robin: F3 finishes in week 3. Priority is respected in
    // both orders; the later week is the model's, not a bug.
    const feature = {
      F0: { name: 'F0', size: 2, team: 'A' },
      F1: { name: 'F1', size: 1, team: 'A', dependsOn: ['F0'] },
      F2: { name: 'F2', size: 1, team: 'A' },
      F3: { name: 'F3', size: 3, team: 'A' },
    };
    const weeksOf = (order: (keyof typeof feature)[], withF1 = true) => {
      const names = order.filter((n) => withF1 || n !== 'F1');
      const w = weeks({
        teams: [{ name: 'A', tpSamples: [3], throughputModel: 'bootstrap', featureWip: 2 }],
        features: names.map((n) => feature[n]),
        numberOfSimulations: 1,
        seed: 1,
      });
      return Object.fromEntries(names.map((n, i) => [n, w[i]]));
    };
    expect(weeksOf(['F0', 'F1', 'F2', 'F3'])).toEqual({ F0: 2, F1: 3, F2: 1, F3: 2 });
    expect(weeksOf(['F0', 'F1', 'F3', 'F2'])).toEqual({ F0: 1, F1: 2, F3: 3, F2: 2 });
    // Without the dependent feature the same move does not delay F3.
    expect(weeksOf(['F0', 'F1', 'F2', 'F3'], false).F3).toBe(2);
    expect(weeksOf(['F0', 'F1', 'F3', 'F2'], false).F3).toBe(2);
  });

  it('feature WIP 1 with one team is the single-backlog forecast of the cumulative sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(1, 0.7),
        fc.nat(),
        (sizes, tp, focus, seed) => {
          const team = {
            name: 'A',
            tpSamples: [...tp, 5],
            throughputModel: 'bootstrap' as const,
            teamFocus: focus,
            minContributors: 2,
            maxContributors: 6,
            sCurveSize: 20,
          };
          const base = { numberOfSimulations: RUNS, seed };
          const all = weeks({
            ...base,
            teams: [{ ...team, featureWip: 1 }],
            features: sizes.map((size, i) => ({ name: `F${i}`, size, team: 'A' })),
          });
          let cumulative = 0;
          sizes.forEach((size, i) => {
            cumulative += size;
            // The same team's total work, so the S-curve reads the same percent complete.
            const single = weeks({
              ...base,
              teams: [team],
              features: [
                { name: 'backlog', size: cumulative, team: 'A' },
                ...(cumulative < sizes.reduce((a, b) => a + b)
                  ? [
                      {
                        name: 'rest',
                        size: sizes.reduce((a, b) => a + b) - cumulative,
                        team: 'A',
                      },
                    ]
                  : []),
              ],
            });
            const F = sizes.length;
            const G = single.length / RUNS;
            for (let r = 0; r < RUNS; r++) expect(all[r * F + i]).toBe(single[r * G]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('listing the teams in another order changes nothing', () => {
    fc.assert(
      fc.property(portfolioArb, fc.nat(), (input, rot) => {
        const k = rot % input.teams.length;
        const rotated = { ...input, teams: [...input.teams.slice(k), ...input.teams.slice(0, k)] };
        expect(weeks(rotated)).toEqual(weeks(input));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the fast paths give the same runs', () => {
  it('aloneWeeks equals runPortfolio of the feature alone, with S-curves and risks too', () => {
    fc.assert(
      fc.property(portfolioArb, fc.boolean(), (raw, curved) => {
        const input: PortfolioInput = {
          ...raw,
          teams: raw.teams.map((t, i) =>
            curved ? { ...t, sCurveSize: 20, totalContributors: 4 + i } : t,
          ),
          features: raw.features.map((f, i) =>
            i % 2 === 0 ? { ...f, risks: [{ likelihood: 0.5, lowImpact: 1, highImpact: 6 }] } : f,
          ),
          maxWeeks: curved ? 12 : undefined,
        };
        const plan = planPortfolio(input);
        const all = plan.features.map((_, f) => f);
        const fast = aloneWeeks(plan, all);
        for (const f of all) {
          const slow = runPortfolio(reorderedPlan(plan, [f], false)).featureWeek;
          expect(Array.from(fast[f])).toEqual(Array.from(slow));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('runs without the team shares finish every feature in the same weeks', () => {
    fc.assert(
      fc.property(portfolioArb, (input) => {
        const plan = planPortfolio(input);
        const lean = runPortfolio(plan, { shares: false });
        expect(Array.from(lean.featureWeek)).toEqual(Array.from(runPortfolio(plan).featureWeek));
        expect(Array.from(lean.teamWeek)).toEqual(Array.from(runPortfolio(plan).teamWeek));
      }),
      { numRuns: 100 },
    );
  });

  it('sizes drawn once for every pass give the runs, durations and CD3 of drawing in each pass', () => {
    fc.assert(
      fc.property(portfolioArb, fc.nat(), (raw, cut) => {
        // Risks and split rates draw too; costs and targets make the CD3 suggestion run.
        const input: PortfolioInput = {
          ...raw,
          startDate: '2026-01-05',
          features: raw.features.map((f, i) => ({
            ...f,
            targetDate: `2026-0${1 + (i % 3)}-1${i % 10}`,
            costOfDelayPerWeek: 100 * ((i + cut) % 4),
            ...(i % 2 === 0 ? { risks: [{ likelihood: 0.5, lowImpact: 1, highImpact: 6 }] } : {}),
          })),
        };
        const plan = planPortfolio(input);
        const drawn = drawAllPartSizes(plan);
        expect(drawn).not.toBeNull();
        const plain = runPortfolio(plan);
        const fast = runPortfolio(plan, { drawn });
        expect(Array.from(fast.featureWeek)).toEqual(Array.from(plain.featureWeek));
        expect(Array.from(fast.teamWeek)).toEqual(Array.from(plain.teamWeek));
        expect(fast.teamItems.map((x) => Array.from(x))).toEqual(
          plain.teamItems.map((x) => Array.from(x)),
        );
        const all = plan.features.map((_, f) => f);
        expect(aloneWeeks(plan, all, drawn).map((x) => Array.from(x))).toEqual(
          aloneWeeks(plan, all).map((x) => Array.from(x)),
        );
        // The suggested order's pass reads the sizes through the reordering.
        expect(costOfDelayAnalysis(plan, plain, drawn)).toEqual(
          costOfDelayAnalysis(plan, plain, null),
        );
        const reversed = all.slice().reverse();
        const back = reorderedPlan(plan, reversed);
        expect(
          Array.from(runPortfolio(back, { drawn: drawAllPartSizes(back) }).featureWeek),
        ).toEqual(Array.from(runPortfolio(back).featureWeek));
      }),
      { numRuns: 100 },
    );
  });
});
