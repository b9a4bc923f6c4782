/**
 * One entry point for every tracker: fetch its issues and states, then apply the shared
 * started/done rule, so `ff pull`, the server's sync job and tests all produce the same list.
 */
import { itemsFromHistory } from '@flow-forecaster/engine';
import type { TrackerItemsResult, TrackerIssue } from '@flow-forecaster/engine';
import type { JiraPullOptions } from './jira.js';
import type { GitHubPullOptions } from './github.js';
import type { LinearPullOptions } from './linear.js';
import type { AdoPullOptions } from './ado.js';
import type { TrackerSnapshot } from './types.js';
import { ConnectorError } from './errors.js';

export const TRACKERS = ['jira', 'ado', 'linear', 'github'] as const;
export type Tracker = (typeof TRACKERS)[number];

export type PullRequest =
  | { tracker: 'jira'; options: JiraPullOptions }
  | { tracker: 'github'; options: GitHubPullOptions }
  | { tracker: 'linear'; options: LinearPullOptions }
  | { tracker: 'ado'; options: AdoPullOptions };

export interface PullResult extends TrackerItemsResult {
  tracker: Tracker;
  pulledAt: string;
  asOf?: string;
}

/** The issue as it stood at the end of `asOf` (UTC): later moves and later items dropped. */
export function issueAsOf(issue: TrackerIssue, asOf: string): TrackerIssue | undefined {
  const end = Date.parse(`${asOf}T23:59:59.999Z`);
  if (Date.parse(issue.created) > end) return undefined;
  const transitions = issue.transitions.filter((transition) => Date.parse(transition.at) <= end);
  if (transitions.length === issue.transitions.length) return issue;
  const sorted = [...issue.transitions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const last = transitions.length > 0 ? sorted[transitions.length - 1] : undefined;
  const state = last?.to ?? sorted[0]?.from ?? issue.state;
  return { ...issue, state, transitions };
}

/**
 * Each tracker's client is loaded only when it is used: the four together weigh tens of
 * megabytes of resident memory (Linear's SDK alone is most of it), which a sync should not pay.
 */
async function snapshot(request: PullRequest): Promise<TrackerSnapshot> {
  switch (request.tracker) {
    case 'jira':
      return (await client('jira.js', () => import('./jira.js'))).pullJira(request.options);
    case 'github':
      return (await client('@octokit/rest', () => import('./github.js'))).pullGitHub(
        request.options,
      );
    case 'linear':
      return (await client('@linear/sdk', () => import('./linear.js'))).pullLinear(request.options);
    case 'ado':
      return (await client('azure-devops-node-api', () => import('./ado.js'))).pullAzureDevOps(
        request.options,
      );
  }
}

/**
 * The published `ff` lists the tracker SDKs as optional dependencies, so one may be absent
 * (`npm install --omit=optional`); say which package to install instead of a module trace.
 */
async function client<T>(pkg: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    if (code === 'ERR_MODULE_NOT_FOUND' && e instanceof Error && e.message.includes(pkg)) {
      throw new ConnectorError(
        'client_missing',
        `this tracker needs the package ${pkg}, which is not installed: npm install ${pkg}`,
      );
    }
    throw e;
  }
}

/** The address each tracker's client starts from (its default when none is set). */
export function trackerUrlOf(request: PullRequest): string {
  switch (request.tracker) {
    case 'jira':
      return request.options.url;
    case 'ado':
      return request.options.org;
    case 'linear':
      return request.options.apiUrl ?? 'https://api.linear.app/graphql';
    case 'github':
      return request.options.apiUrl ?? 'https://api.github.com';
  }
}

/**
 * Refuses a URL whose host is, or resolves to, a loopback, private or link-local address
 * (a ConnectorError with code `blocked`); for servers checking a connection as it is saved.
 */
export async function assertPublicTrackerUrl(url: string): Promise<void> {
  const { assertPublicUrl } = await import('./network.js');
  await assertPublicUrl(url);
}

export async function pull(request: PullRequest, asOf?: string): Promise<PullResult> {
  if (!request.options.publicOnly || request.options.network) return pullFrom(request, asOf);
  const { createNetworkGuard } = await import('./network.js');
  const network = createNetworkGuard();
  try {
    // Checked now for a clear message; the guard checks again at every connect (DNS rebinding).
    await network.check(trackerUrlOf(request));
    return await pullFrom(
      { ...request, options: { ...request.options, network } } as PullRequest,
      asOf,
    );
  } finally {
    await network.close();
  }
}

async function pullFrom(request: PullRequest, asOf?: string): Promise<PullResult> {
  const { issues, states } = await snapshot(request);
  const seen = asOf
    ? issues
        .map((issue) => issueAsOf(issue, asOf))
        .filter((issue): issue is TrackerIssue => issue !== undefined)
    : issues;
  const result = itemsFromHistory(seen, states, {
    ...(request.options.timeZone ? { timeZone: request.options.timeZone } : {}),
    ...(request.options.mapping ? { mapping: request.options.mapping } : {}),
  });
  return {
    tracker: request.tracker,
    pulledAt: new Date().toISOString(),
    ...(asOf ? { asOf } : {}),
    ...result,
  };
}
