import { afterEach } from 'vitest';
import { deleteTeam, saveTeam } from '../src/lib/team-store';
import type { Team } from '../src/lib/team-store';

/**
 * Items done every day from Monday 2025-01-06, one a day at first, more after each ten weeks
 * (and one more every fifth day), so the "last N weeks" windows of the team differ.
 */
export function risingItems(days: number): Team['items'] {
  const out: Team['items'] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.UTC(2025, 0, 6 + d)).toISOString().slice(0, 10);
    const perDay = 1 + Math.floor(d / 70) + (d % 5 === 0 ? 1 : 0);
    for (let k = 0; k < perDay; k++) out.push({ id: `A-${d}-${k}`, started: day, done: day });
  }
  return out;
}

/**
 * Saves teams for the tests of one describe block and deletes them after each test, so no
 * team (the current one in particular) leaks into the next test.
 */
export function savedTeams() {
  const saved: string[] = [];
  afterEach(async () => {
    for (const id of saved.splice(0)) await deleteTeam(id);
  });
  return async (team: Omit<Team, 'id' | 'updatedAt'>): Promise<Team> => {
    const t = await saveTeam(team);
    saved.push(t.id);
    return t;
  };
}

/** A team from a CSV of `risingItems(days)` on a 12-week window. */
export function csvTeam(days: number): Omit<Team, 'id' | 'updatedAt'> {
  return {
    name: 'Checkout',
    sample: false,
    source: 'csv',
    fileName: 'x.csv',
    items: risingItems(days),
    throughput: [],
    rejected: [],
    settings: { window: { weeks: 12 } },
  };
}
