import { describe, expect, it } from 'vitest';
import { dayInTimeZone, itemsFromHistory, isKnownTimeZone } from './tracker-history.js';
import type { TrackerIssue, WorkflowState } from './tracker-history.js';

const states: WorkflowState[] = [
  { name: 'To Do', category: 'todo' },
  { name: 'In Progress', category: 'inProgress' },
  { name: 'Review', category: 'inProgress' },
  { name: 'Done', category: 'done' },
  { name: "Won't Do", category: 'canceled' },
];

function issue(id: string, state: string, moves: [string, string][]): TrackerIssue {
  let from: string | null = 'To Do';
  return {
    id,
    created: '2026-02-01T09:00:00Z',
    state,
    transitions: moves.map(([at, to]) => {
      const transition = { at, from, to };
      from = to;
      return transition;
    }),
  };
}

describe('itemsFromHistory: the one rule for every tracker', () => {
  it('starts at the first entry into progress and finishes at the last entry into done', () => {
    const { items } = itemsFromHistory(
      [
        issue('A-1', 'Done', [
          ['2026-02-03T10:00:00Z', 'In Progress'],
          ['2026-02-04T10:00:00Z', 'Review'],
          ['2026-02-06T10:00:00Z', 'Done'],
        ]),
      ],
      states,
    );
    expect(items[0]).toMatchObject({
      created: '2026-02-01',
      started: '2026-02-03',
      done: '2026-02-06',
    });
  });

  it('a reopened item has no done date and keeps its first start', () => {
    const { items } = itemsFromHistory(
      [
        issue('A-2', 'In Progress', [
          ['2026-02-03T10:00:00Z', 'In Progress'],
          ['2026-02-05T10:00:00Z', 'Done'],
          ['2026-02-09T10:00:00Z', 'In Progress'],
        ]),
      ],
      states,
    );
    expect(items[0]).toMatchObject({ started: '2026-02-03', done: null });
  });

  it('done again after a reopen counts from the last finish', () => {
    const { items } = itemsFromHistory(
      [
        issue('A-3', 'Done', [
          ['2026-02-03T10:00:00Z', 'In Progress'],
          ['2026-02-05T10:00:00Z', 'Done'],
          ['2026-02-09T10:00:00Z', 'In Progress'],
          ['2026-02-11T10:00:00Z', 'Done'],
        ]),
      ],
      states,
    );
    expect(items[0]).toMatchObject({ started: '2026-02-03', done: '2026-02-11' });
  });

  it('moving back to to-do keeps the first start', () => {
    const { items } = itemsFromHistory(
      [
        issue('A-4', 'To Do', [
          ['2026-02-03T10:00:00Z', 'In Progress'],
          ['2026-02-04T10:00:00Z', 'To Do'],
        ]),
      ],
      states,
    );
    expect(items[0]).toMatchObject({ started: '2026-02-03', done: null, state: 'To Do' });
  });

  it('started and finished the same day gives the same day twice (1 day downstream, never 0)', () => {
    const { items } = itemsFromHistory(
      [
        issue('A-5', 'Done', [
          ['2026-02-03T09:00:00Z', 'In Progress'],
          ['2026-02-03T17:00:00Z', 'Done'],
        ]),
      ],
      states,
    );
    expect(items[0]).toMatchObject({ started: '2026-02-03', done: '2026-02-03' });
  });

  it('moved straight from to-do to done starts when it finishes', () => {
    const { items } = itemsFromHistory(
      [issue('A-6', 'Done', [['2026-02-07T10:00:00Z', 'Done']])],
      states,
    );
    expect(items[0]).toMatchObject({ started: '2026-02-07', done: '2026-02-07' });
  });

  it('canceled items are counted and kept out of the items', () => {
    const result = itemsFromHistory(
      [issue('A-7', "Won't Do", [['2026-02-07T10:00:00Z', "Won't Do"]]), issue('A-8', 'To Do', [])],
      states,
    );
    expect(result.items.map((item) => item.id)).toEqual(['A-8']);
    expect(result.canceled).toEqual([{ id: 'A-7', state: "Won't Do" }]);
  });

  it("the user's mapping overrides the tracker's, including for renamed states", () => {
    const moves: [string, string][] = [
      ['2026-02-03T10:00:00Z', 'Ready for QA'],
      ['2026-02-05T10:00:00Z', 'Shipped'],
    ];
    const unmapped = itemsFromHistory([issue('A-9', 'Shipped', moves)], states);
    expect(unmapped.unmappedStates).toEqual(['Ready for QA', 'Shipped']);
    expect(unmapped.items[0]).toMatchObject({ started: null, done: null });

    const mapped = itemsFromHistory([issue('A-9', 'Shipped', moves)], states, {
      mapping: { 'Ready for QA': 'inProgress', Shipped: 'done', Review: 'todo' },
    });
    expect(mapped.unmappedStates).toEqual([]);
    expect(mapped.items[0]).toMatchObject({ started: '2026-02-03', done: '2026-02-05' });
    expect(mapped.states.find((state) => state.name === 'Review')?.category).toBe('todo');
  });

  it('reads the transitions in time order whatever order the tracker sent them in', () => {
    const forward = issue('A-10', 'Done', [
      ['2026-02-03T10:00:00Z', 'In Progress'],
      ['2026-02-06T10:00:00Z', 'Done'],
    ]);
    const reversed = { ...forward, transitions: [...forward.transitions].reverse() };
    expect(itemsFromHistory([reversed], states).items[0]).toMatchObject({
      started: '2026-02-03',
      done: '2026-02-06',
    });
  });

  it('takes days in the team time zone', () => {
    const late = issue('A-11', 'Done', [
      ['2026-02-03T23:30:00Z', 'In Progress'],
      ['2026-02-04T02:00:00Z', 'Done'],
    ]);
    expect(itemsFromHistory([late], states).items[0]).toMatchObject({
      started: '2026-02-03',
      done: '2026-02-04',
    });
    expect(
      itemsFromHistory([late], states, { timeZone: 'America/Sao_Paulo' }).items[0],
    ).toMatchObject({
      started: '2026-02-03',
      done: '2026-02-03',
    });
    expect(dayInTimeZone('2026-02-04T02:00:00Z', 'Asia/Tokyo')).toBe('2026-02-04');
    expect(isKnownTimeZone('Europe/Madrid')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
