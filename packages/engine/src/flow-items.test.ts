import { describe, expect, it } from 'vitest';
import { FLOW_MAX_ITEMS, flowRecordAt, NO_DAY, prepareFlowItems } from './flow-items';
import { EngineInputError } from './errors';

describe('prepareFlowItems', () => {
  it('reports wrong items with their field path instead of dropping them silently', () => {
    const { records, problems, problemCounts, invalid } = prepareFlowItems([
      { id: 'A', started: '2025-03-01', done: '2025-03-05' },
      { id: 'B', started: '2025-03-05', done: '2025-03-01' },
      { id: 'C', done: '2025-03-02' },
      { id: 'A', started: '2025-03-01' },
      { started: '2025-03-01' },
      { id: 'D', started: '2025-03-03', done: '2025-03-03' },
      { id: 'E', started: '31/31/2025' },
    ]);
    expect(problems.map((p) => [p.code, p.field, p.severity])).toEqual([
      ['doneBeforeStarted', 'items.1.done', 'note'],
      ['doneWithoutStart', 'items.2.started', 'note'],
      ['duplicateId', 'items.3.id', 'invalid'],
      ['missingId', 'items.4.id', 'invalid'],
      ['sameDay', 'items.5.done', 'note'],
      ['unreadableDate', 'items.6.started', 'invalid'],
    ]);
    expect(invalid).toBe(3);
    expect(problemCounts).toMatchObject({ duplicateId: 1, sameDay: 1 });
    expect(records.id).toEqual(['A', 'B', 'C', 'D']);
    expect(flowRecordAt(records, 1)).toMatchObject({ id: 'B', index: 1, excluded: true });
    expect(flowRecordAt(records, 2)).toMatchObject({ id: 'C', index: 2, started: null });
    expect(records.started[2]).toBe(NO_DAY);
  });

  it('reads date-times by their date: a Z value by its UTC date, a local one as written', () => {
    const { records } = prepareFlowItems([
      { id: 'x', started: '2025-03-01T23:30:00Z', done: '2025-03-02T00:10:00' },
    ]);
    expect(records.done[0] - records.started[0]).toBe(1);
  });

  it(`refuses more than ${FLOW_MAX_ITEMS} items before reading them`, () => {
    const huge = { length: 1_000_000 } as unknown as { id: string }[];
    expect(() => prepareFlowItems(huge)).toThrow(EngineInputError);
    expect(() => prepareFlowItems(huge)).toThrow(/at most 200,000 work items.*1,000,000/);
  });
});
