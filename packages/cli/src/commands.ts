/** The commands of `ff`: one per forecast kind, each with what it needs for help and overrides. */
import type { RequestKind } from '@flow-forecaster/schemas';

export interface CommandSpec {
  name: RequestKind;
  summary: string;
  /** Uses random draws, so `--seed` applies. */
  seeded: boolean;
  /** The request field `--runs` sets, when the kind simulates. */
  runsField?: 'numberOfSimulations' | 'nSimulations';
  example: string;
  /** The API path's name (`POST /api/forecast-when` → `forecast-when`), for users of the API. */
  aliases?: readonly string[];
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'simulate',
    summary: 'full team simulation: when will the backlog be done (S-curve, risks, splits)',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff simulate --input examples/team.json --format table',
  },
  {
    name: 'when',
    aliases: ['forecast-when', 'mc-throughput'],
    summary: 'weeks to finish N items from throughput only',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff when --input examples/when.json',
  },
  {
    name: 'how-many',
    aliases: ['forecast-how-many'],
    summary: 'how many items will be done by a date or in N days',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff how-many --input examples/how-many.json --format table',
  },
  {
    name: 'deadline',
    aliases: ['deadline-analysis'],
    summary: 'can the backlog be finished by a deadline, and what fits if not',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff deadline --input examples/deadline.json',
  },
  {
    name: 'cost',
    aliases: ['cost-analysis'],
    summary: 'PERT-Beta cost of the backlog from a per-item cost estimate',
    seeded: true,
    runsField: 'nSimulations',
    example: 'ff cost --input examples/cost.json --format table',
  },
  {
    name: 'risks',
    aliases: ['risk-summary'],
    summary: 'rank risks by expected impact before simulating',
    seeded: false,
    example: 'ff risks --input examples/risks.json --format table',
  },
  {
    name: 'dependencies',
    aliases: ['dependency-analysis'],
    summary: 'chance that work of other teams arrives on time, and the delay if not',
    seeded: true,
    runsField: 'nSimulations',
    example: 'ff dependencies --input examples/dependencies.json',
  },
  {
    name: 'backtest',
    summary: 'how well the model would have forecast your own past',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff backtest --input examples/backtest.json --format table',
  },
  {
    name: 'accuracy',
    aliases: ['accuracy-analysis'],
    summary: 'compare past forecasts with what actually happened',
    seeded: false,
    example: 'ff accuracy --input examples/accuracy.json',
  },
  {
    name: 'pbc',
    aliases: ['pbc-analysis'],
    summary: 'process behaviour chart (XmR): is the process predictable',
    seeded: false,
    example: 'ff pbc --input examples/pbc.json --format table',
  },
  {
    name: 'history',
    summary: 'weekly throughput and lead times from a tracker CSV export (or JSON items)',
    seeded: false,
    example:
      "ff history --csv jira.csv --done-column Resolved --start-column 'Custom field (Start date)'",
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
