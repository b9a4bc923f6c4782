/**
 * The speed case of issue 16 and spec/portfolio.md: 50 features × 5 teams × 10,000 runs, with
 * size ranges, split features, targets, costs of delay (so the CD3 suggestion runs) and a few
 * dependencies. Shared by `npm run bench` and the engine's speed test.
 */
import type { PortfolioInput } from '../src/portfolio-input';

const TEAMS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];

export function portfolioSpeedCase(seed = 7): PortfolioInput {
  return {
    teams: TEAMS.map((name, t) => ({
      name,
      tpSamples: Array.from({ length: 12 }, (_, i) => 3 + ((i * (t + 2)) % 6)),
      throughputModel: 'bootstrap' as const,
      featureWip: 1 + (t % 3),
    })),
    features: Array.from({ length: 50 }, (_, f) => {
      const team = TEAMS[f % TEAMS.length];
      const base = {
        name: `F${f + 1}`,
        ...(f % 4 === 0 ? { targetDate: addWeeksIso('2026-01-05', 6 + f) } : {}),
        ...(f % 3 === 0 ? { costOfDelayPerWeek: 1000 + 250 * (f % 7) } : {}),
        ...(f % 10 === 9 ? { dependsOn: [`F${f - 4}`] } : {}),
      };
      if (f % 5 === 2) {
        return {
          ...base,
          parts: [
            { team, sizeLow: 4, sizeHigh: 10 },
            { team: TEAMS[(f + 1) % TEAMS.length], size: 5 },
          ],
        };
      }
      return { ...base, team, sizeLow: 5 + (f % 6), sizeHigh: 12 + (f % 9) };
    }),
    startDate: '2026-01-05',
    targetDate: '2026-09-28',
    confidence: 0.85,
    numberOfSimulations: 10_000,
    seed,
  };
}

function addWeeksIso(start: string, weeks: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * weeks);
  return d.toISOString().slice(0, 10);
}
