import { describe, expect, it } from 'vitest';
import { deadlineAnalysis } from './deadline';
import type { DeadlineInput } from './inputs';
import { referenceCases } from '../test/reference-cases';

describe('deadlineAnalysis', () => {
  for (const c of referenceCases('deadlineAnalysis')) {
    it(`matches ${c.id}`, () => {
      const r = deadlineAnalysis({ ...(c.input as unknown as DeadlineInput), seed: 1 });
      const e = c.expected as Record<string, number | boolean>;
      expect(r.weeksToDeadline).toBe(e.weeksToDeadline);
      expect(r.p50Weeks).toBe(e.p50Weeks);
      expect(r.p85Weeks).toBe(e.p85Weeks);
      expect(r.canMeet).toBe(e.canMeet);
      expect(r.projectedWorkP85).toBe(e.projectedWorkP85);
      expect(r.scopeCompletionPct).toBe(e.scopeCompletionPct);
      expect(r.deadlineCompletionPct).toBe(e.deadlineCompletionPct);
      expect(r.deadlineCompletionPctRaw).toBe(e.deadlineCompletionPctRaw);
    });
  }

  it('shrinks the scope to what fits when the deadline is too close', () => {
    // 10 a week, 40 items, 14 days: 2 of 4 weeks → 20 items, 50 % of the scope; 200 % of the time.
    const r = deadlineAnalysis({
      tpSamples: [10],
      backlog: 40,
      startDate: '2025-10-01',
      deadlineDate: '2025-10-15',
      minContributors: 2,
      maxContributors: 4,
      costPerPersonWeek: 1000,
      seed: 1,
    });
    expect(r.canMeet).toBe(false);
    expect(r.itemsPossible.p85).toBe(20);
    expect(r.scopeCompletionPct).toBe(50);
    expect(r.deadlineCompletionPct).toBe(100);
    expect(r.deadlineCompletionPctRaw).toBe(200);
    expect(r.effort.p85).toBe(12);
    expect(r.cost?.p85).toBe(12_000);
    expect(r.completionDates.p85).toBe('2025-10-29');
  });
});
