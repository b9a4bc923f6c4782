import type { PortfolioInput } from '../src/portfolio-input';

/**
 * spec/portfolio.md's two-team case: every sample 4, feature WIP 1; F1 = 8 of A + 4 of B is
 * done in week 2, F2 = 4 of A in week 3. Tests add their own runs, seed and dates.
 */
export const TWO_TEAMS = {
  teams: [
    { name: 'A', tpSamples: [4], throughputModel: 'bootstrap' },
    { name: 'B', tpSamples: [4], throughputModel: 'bootstrap' },
  ],
  features: [
    {
      name: 'F1',
      parts: [
        { team: 'A', size: 8 },
        { team: 'B', size: 4 },
      ],
    },
    { name: 'F2', size: 4, team: 'A' },
  ],
} satisfies PortfolioInput;
