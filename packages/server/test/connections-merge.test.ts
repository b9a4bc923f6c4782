/**
 * How an incremental sync merges into the stored items: updated ones replace, new ones join,
 * canceled ones leave (and are counted), and a start seen earlier is kept — so a GitHub board,
 * whose API tells only the current status, keeps when work began if it moves on between syncs.
 */
import { describe, expect, it } from 'vitest';
import type { PullResult } from '@flow-forecaster/connectors';
import { mergePull } from '../src/connections/sync';

const item = (id: string, started: string | null, done: string | null, state: string) => ({
  id,
  created: '2026-01-05',
  started,
  done,
  state,
  transitions: [],
});

function result(items: ReturnType<typeof item>[], canceled: PullResult['canceled'] = []) {
  return {
    tracker: 'github',
    pulledAt: '2026-01-20T00:00:00Z',
    items,
    states: [
      { name: 'Todo', category: 'todo' },
      { name: 'In Progress', category: 'inProgress' },
      { name: 'Done', category: 'done' },
    ],
    canceled,
    unmappedStates: [],
  } satisfies PullResult;
}

describe('merging an incremental sync', () => {
  const first = result([
    item('#1', '2026-01-07', null, 'In Progress'),
    item('#2', null, null, 'Todo'),
    item('#3', '2026-01-06', '2026-01-08', 'Done'),
  ]);
  const stored = mergePull(undefined, first, false).data;

  it('keeps the first start seen, replaces what changed, adds and cancels', () => {
    const next = result(
      [
        // Finished since: the board only says "Done since the 12th".
        item('#1', '2026-01-12', '2026-01-12', 'Done'),
        item('#4', null, null, 'Todo'),
      ],
      [{ id: '#2', state: 'Closed (not planned)' }],
    );
    const { data, summary } = mergePull(stored, next, true);
    const byId = Object.fromEntries(data.items.map((i) => [i.id, i]));
    expect(byId['#1']).toMatchObject({ started: '2026-01-07', done: '2026-01-12' });
    expect(byId['#2']).toBeUndefined();
    expect(byId['#3']).toMatchObject({ done: '2026-01-08' });
    expect(summary).toMatchObject({ items: 3, added: 1, changed: 1, canceled: 1 });
  });

  it('moved back to to-do keeps its start; a full sync takes the tracker’s word', () => {
    const back = result([item('#1', null, null, 'Todo')]);
    expect(mergePull(stored, back, true).data.items.find((i) => i.id === '#1')).toMatchObject({
      started: '2026-01-07',
      state: 'Todo',
    });
    // A full sync (settings or mapping changed) starts over from what the tracker says.
    expect(mergePull(stored, back, false).data.items).toEqual([item('#1', null, null, 'Todo')]);
  });
});
