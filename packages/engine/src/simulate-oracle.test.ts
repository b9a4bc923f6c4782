// The batch runner is written for speed (inlined generator, alias draws without branches,
// S-curve segments found by thresholds instead of a percent per week). This test replays the
// spec's run step by step, in the obvious way, on the same random stream, and requires the
// same runs and burn-downs bit for bit.
import { describe, expect, it } from 'vitest';
import { planSimulation, type SimulationPlan } from './simulation-plan';
import { runSimulationBatch } from './simulate-run';
import { createRng } from './prng';
import { sampleDiscrete } from './discrete-sampler';
import { percentComplete } from './percent-complete';
import { roundHalfEven } from './round';
import { triangularQuantile } from './triangular';
import type { SimulateInput } from './inputs';
import { TEAM_INPUT } from '../test/team-case';

interface OracleRun {
  totalTasks: number;
  weeks: number;
  leadTime: number;
  effort: number;
  burnDown: number[];
}

function oracleBatch(plan: SimulationPlan, batchIndex: number, runs: number): OracleRun[] {
  const rng = createRng(plan.seed, batchIndex);
  const u = () => rng.nextUint32() / 2 ** 32;
  const pick = (xs: Float64Array) => xs[Math.floor(u() * xs.length)];
  const out: OracleRun[] = [];
  for (let r = 0; r < runs; r++) {
    const span = plan.backlogMax - plan.backlogMin + 1;
    const backlog = span > 1 ? plan.backlogMin + Math.floor(u() * span) : plan.backlogMin;
    let rho = 1;
    if (plan.splitRates.length > 0) {
      const m = 1 + Math.floor(u() * 3 * plan.splitRates.length);
      let sum = 0;
      for (let j = 0; j < m; j++) sum += pick(plan.splitRates);
      rho = sum / m;
    }
    let impacts = 0;
    plan.riskLikelihood.forEach((p, k) => {
      if (u() <= p) {
        const tri = { low: plan.riskLow[k], mode: plan.riskMode[k], high: plan.riskHigh[k] };
        impacts += roundHalfEven(triangularQuantile(u(), tri));
      }
    });
    const total = roundHalfEven((backlog + impacts) * rho);
    let leadTime = 0;
    let weeks = 0;
    if (plan.leadTimes.length > 0) {
      const m =
        plan.leadTimeMinDraws +
        Math.floor(u() * (plan.leadTimeMaxDraws - plan.leadTimeMinDraws + 1));
      let sum = 0;
      for (let j = 0; j < m; j++) sum += pick(plan.leadTimes);
      leadTime = sum / m;
      weeks = roundHalfEven(leadTime / 7);
    }
    let remaining = total;
    let effort = 0;
    // The trust rules: the fan is in calendar weeks, so lead-time weeks show the whole total.
    const burnDown: number[] = new Array<number>(weeks).fill(total);
    while (remaining > 0 && weeks < plan.maxWeeks) {
      burnDown.push(Math.ceil(remaining));
      const pct = percentComplete(total, remaining);
      const tp = sampleDiscrete(plan.throughput, rng.nextUint32());
      remaining -= tp * plan.weekFactor[pct];
      weeks += 1;
      effort += plan.curve[pct];
    }
    let delay = 0;
    for (const d of plan.dependencies) {
      if (u() > d.onTime) {
        const v = u();
        const days =
          d.samples.length > 0
            ? d.samples[Math.floor(v * d.samples.length)]
            : d.delayLow + v * (d.delayHigh - d.delayLow);
        delay = plan.dependencyMode === 'max' ? Math.max(delay, days) : delay + days;
      }
    }
    weeks += Math.ceil(delay / 7);
    out.push({ totalTasks: total, weeks, leadTime, effort, burnDown });
  }
  return out;
}

const cases: [string, SimulateInput][] = [
  [
    'team S-curve',
    {
      ...TEAM_INPUT,
    },
  ],
  [
    'everything varying',
    {
      tpSamples: [0, 3, 9, 4, 12, 6, 0, 5],
      numberOfTasks: 80,
      backlogAdjustedMin: 60,
      backlogAdjustedMax: 140,
      splitRateSamples: [1, 1.3, 2.1, 0.8],
      ltSamples: [2, 30, 9, 14, 6],
      risks: [
        { likelihood: 0.4, lowImpact: 3, highImpact: 20 },
        { likelihood: 15, lowImpact: 1, mediumImpact: 2, highImpact: 8 },
      ],
      dependencies: [
        { onTimeProbability: 0.5, expectedDelayDays: 12 },
        { onTimeProbability: 0.8, delaySamples: [3, 40] },
      ],
      minContributors: 1,
      maxContributors: 7,
      sCurveSize: 35,
      teamFocus: 0.7,
      historicalTeamSize: 4,
    },
  ],
  [
    'a new total almost every run',
    {
      tpSamples: [400, 550, 700, 900],
      numberOfTasks: 1,
      backlogAdjustedMin: 100,
      backlogAdjustedMax: 20_000,
      splitRateSamples: [1.1, 2.7],
      minContributors: 2,
      maxContributors: 8,
      sCurveSize: 25,
      historicalTeamSize: 8,
    },
  ],
  [
    'bootstrap, max dependencies, short guard',
    {
      tpSamples: [1, 2, 0, 3],
      throughputModel: 'bootstrap',
      numberOfTasks: 90,
      minContributors: 3,
      maxContributors: 9,
      sCurveSize: 50,
      maxWeeks: 40,
      dependencies: [{}, {}],
      dependencyMode: 'max',
    },
  ],
];

describe('simulation batch vs a plain replay of the spec', () => {
  for (const [name, input] of cases) {
    it(`agrees run by run: ${name}`, () => {
      const plan = planSimulation({
        ...input,
        numberOfSimulations: 5000,
        includeRuns: true,
        seed: 31337,
      });
      plan.keptBurnDowns = 5000; // keep every burn-down for the comparison
      const batch = runSimulationBatch(plan, 0);
      const expected = oracleBatch(plan, 0, 5000);
      const k = batch.kept!;
      for (let r = 0; r < 5000; r++) {
        const e = expected[r];
        const got = {
          totalTasks: k.totalTasks[r],
          weeks: k.durationInCalendarWeeks[r],
          leadTime: k.leadTime[r],
          effort: k.effortWeeks[r],
          burnDown: Array.from(
            k.burnDownValues.subarray(k.burnDownOffsets[r], k.burnDownOffsets[r + 1]),
          ),
        };
        if (JSON.stringify(got) !== JSON.stringify(e))
          expect({ run: r, ...got }).toEqual({ run: r, ...e });
      }
    });
  }
});
