/**
 * Issue 14 through the API: an empty backlog is said as such (the emptyBacklog warning code, as
 * the web and CLI say "nothing left to do"), and the mean and SD of weeks are over the finished
 * runs, as on every other surface, never stopped runs counted at the cap.
 */
import { describe, expect, it } from 'vitest';
import { SOME_STOPPED } from '../../engine/test/fixtures';
import { useAnonymousApp } from './helper';

describe('the API and the trust rules', () => {
  const { post } = useAnonymousApp();

  it('says an empty backlog leaves nothing to do', async () => {
    const res = await post('/api/forecast-when', { backlog: 0, tpSamples: [3, 4, 5], seed: 1 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.warningCodes[0]).toEqual({ code: 'emptyBacklog', params: {} });
    expect(body.warnings[0]).toMatch(/backlog is empty/);
  });

  it('gives the mean over the finished runs, null when none finished', async () => {
    // The same runs asked as When: the backlog is simulate's numberOfTasks.
    const { numberOfTasks, ...runs } = SOME_STOPPED;
    const some = await post('/api/forecast-when', { ...runs, backlog: numberOfTasks });
    expect(some.statusCode).toBe(200);
    const body = some.json();
    expect(body.finishedShare).toBeGreaterThan(0);
    expect(body.finishedShare).toBeLessThan(1);
    expect(body.mean).toBeLessThan(body.maxWeeks);
    const none = await post('/api/forecast-when', {
      backlog: 1000,
      tpSamples: [1, 2],
      maxWeeks: 10,
      numberOfSimulations: 500,
      seed: 1,
    });
    expect(none.statusCode).toBe(200);
    expect(none.json().finishedShare).toBe(0);
    expect(none.json().mean).toBeNull();
  });
});
