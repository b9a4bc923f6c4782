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
    summary: 'weeks to finish N items from throughput only',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff when --input examples/when.json',
  },
  {
    name: 'how-many',
    summary: 'how many items will be done by a date or in N days',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff how-many --input examples/how-many.json --format table',
  },
  {
    name: 'deadline',
    summary: 'can the backlog be finished by a deadline, and what fits if not',
    seeded: true,
    runsField: 'numberOfSimulations',
    example: 'ff deadline --input examples/deadline.json',
  },
  {
    name: 'cost',
    summary: 'PERT-Beta cost of the backlog from a per-item cost estimate',
    seeded: true,
    runsField: 'nSimulations',
    example: 'ff cost --input examples/cost.json --format table',
  },
  {
    name: 'risks',
    summary: 'rank risks by expected impact before simulating',
    seeded: false,
    example: 'ff risks --input examples/risks.json --format table',
  },
  {
    name: 'dependencies',
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
    summary: 'compare past forecasts with what actually happened',
    seeded: false,
    example: 'ff accuracy --input examples/accuracy.json',
  },
  {
    name: 'pbc',
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
  return COMMANDS.find((c) => c.name === name);
}
