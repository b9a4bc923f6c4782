/**
 * Tracker syncs as queue jobs, on the worker side: the request arrives sealed, the SSRF guard is
 * the worker's own (a job cannot switch it off), the tracker's refusals and Retry-After waits
 * come back as the job's answer, and BullMQ workers run them like any other job.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptToken } from '@flow-forecaster/connectors';
import type { PullRequest } from '@flow-forecaster/connectors';
import { startFixtureServer } from '../../connectors/test/fixture-server';
import type { FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers } from '../../connectors/test/fixtures/jira';
import { CONNECTOR_SYNC_KIND, withSyncJobs } from '../src/sync-processor';
import type { SyncJobInput, SyncJobResult } from '../src/sync-processor';
import type { Processor } from '../src/job-types';

const KEY = randomBytes(32);
const forecasts: Processor = async () => 'forecast';

function job(request: PullRequest, key = KEY) {
  const input: SyncJobInput = {
    connectionId: 'c1',
    claim: new Date().toISOString(),
    incremental: false,
    sealed: encryptToken(key, JSON.stringify(request)),
  };
  return { id: 'j1', kind: CONNECTOR_SYNC_KIND, input, owner: 'system', attempt: 1 };
}

const run = (processor: Processor, j: ReturnType<typeof job>) =>
  processor(j, new AbortController().signal, () => undefined) as Promise<SyncJobResult>;

// The first test loads the tracker's client, seconds on a busy machine.
describe('connector-sync jobs', { timeout: 60_000 }, () => {
  let jira: FixtureServer;
  let jiraLimited: FixtureServer;
  const request = (url: string, extra: object = {}): PullRequest => ({
    tracker: 'jira',
    options: {
      url,
      jql: 'project = PAY',
      email: 'coach@acme.test',
      apiToken: 'secret-token',
      ...extra,
    },
  });
  beforeAll(async () => {
    jira = await startFixtureServer(jiraHandlers());
    jiraLimited = await startFixtureServer(jiraHandlers({ rateLimitOnce: '7' }));
  });
  afterAll(async () => {
    await jira?.close();
    await jiraLimited?.close();
  });

  it('pulls a sealed request and hands other kinds on', async () => {
    const processor = withSyncJobs(forecasts, { key: KEY, allowPrivate: true });
    const result = await run(processor, job(request(jira.url)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.result.items.length).toBeGreaterThan(0);
    expect(
      await processor(
        { ...job(request(jira.url)), kind: 'simulate' },
        new AbortController().signal,
        () => undefined,
      ),
    ).toBe('forecast');
    // The token never travels in clear.
    expect(job(request(jira.url)).input.sealed).not.toContain('secret-token');
  });

  it('keeps the SSRF guard on the worker path, whatever the job asks', async () => {
    const processor = withSyncJobs(forecasts, { key: KEY });
    const before = jira.requests.length;
    // A forged job asking for no guard is guarded all the same.
    const result = await run(processor, job(request(jira.url, { publicOnly: false })));
    expect(result).toMatchObject({
      ok: false,
      code: 'blocked',
      error: expect.stringMatching(/private, loopback or link-local/),
    });
    expect(jira.requests.length).toBe(before);
  });

  it('answers the tracker’s refusal and how long it waited as asked', async () => {
    const waits: number[] = [];
    const processor = withSyncJobs(forecasts, {
      key: KEY,
      allowPrivate: true,
      retry: { sleep: async () => {}, onWait: (s) => waits.push(s) },
    });
    const limited = await run(processor, job(request(jiraLimited.url)));
    expect(limited).toMatchObject({ ok: true, waitedSeconds: 7 });
    expect(waits).toEqual([7]);
    const refused = await run(processor, job(request(jira.url, { apiToken: 'wrong' })));
    expect(refused).toMatchObject({ ok: false, code: 'auth' });
  });

  it('refuses a job it cannot open: no key, or another key', async () => {
    await expect(run(withSyncJobs(forecasts, {}), job(request(jira.url)))).rejects.toThrow(
      /CONNECTION_KEY/,
    );
    await expect(
      run(withSyncJobs(forecasts, { key: KEY }), job(request(jira.url), randomBytes(32))),
    ).rejects.toThrow();
  });
});
