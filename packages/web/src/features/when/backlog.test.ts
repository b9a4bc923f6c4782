import { describe, expect, it } from 'vitest';
import { adjustedBacklog } from './backlog';

describe('adjustedBacklog (spec complexity multipliers)', () => {
  it('leaves a clear single backlog alone', () => {
    expect(adjustedBacklog(50, undefined, 'clear')).toBeNull();
  });

  it('widens by the low/high multipliers of each choice', () => {
    expect(adjustedBacklog(50, undefined, 'somewhat')).toEqual({ min: 50, max: 75 });
    expect(adjustedBacklog(50, undefined, 'notReally')).toEqual({ min: 75, max: 100 });
    expect(adjustedBacklog(40, 60, 'veryUnclear')).toEqual({ min: 70, max: 180 });
    expect(adjustedBacklog(40, 60, 'clear')).toEqual({ min: 40, max: 60 });
  });

  it('rounds halves to even like the engine', () => {
    // 5 × 1.5 = 7.5 → 8; 7 × 1.5 = 10.5 → 10
    expect(adjustedBacklog(5, undefined, 'notReally')?.min).toBe(8);
    expect(adjustedBacklog(7, undefined, 'notReally')?.min).toBe(10);
  });

  it('ignores an upper bound below the backlog', () => {
    expect(adjustedBacklog(50, 10, 'somewhat')).toEqual({ min: 50, max: 75 });
  });
});
