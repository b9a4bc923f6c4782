/**
 * GitHub issues of a repository through the official Octokit client (GitHub Enterprise Server by
 * `apiUrl`). Open/closed comes from the issue, its history from the repository's issue events
 * (one paged stream instead of a timeline call per issue). Labels the team uses for "in
 * progress" (configurable) become a state of their own, since plain issues have none.
 */
import { Octokit } from '@octokit/rest';
import type { TrackerIssue, TrackerTransition, WorkflowState } from '@flow-forecaster/engine';
import { ConnectorError } from './errors.js';
import { withRetry } from './retry.js';
import { DEFAULT_MAX_ITEMS } from './types.js';
import type { CommonPullOptions, TrackerSnapshot } from './types.js';

export interface GitHubPullOptions extends CommonPullOptions {
  /** owner/name */
  repo: string;
  token?: string;
  /** https://api.github.com by default; GitHub Enterprise Server's is https://host/api/v3. */
  apiUrl?: string;
  /** Labels that mean "someone is working on it" (case-insensitive). */
  inProgressLabels?: readonly string[];
  /**
   * A Projects (v2) board of the repository's owner, by number: its items and their status
   * field replace the repository's issues and labels (GraphQL).
   */
  project?: number;
  /** The board's single-select field that holds the status; default "Status". */
  statusField?: string;
}

export const GITHUB_STATES = {
  open: 'Open',
  inProgress: 'In Progress',
  closed: 'Closed',
  notPlanned: 'Closed (not planned)',
} as const;

const PAGE = 100;

/** GitHub says whether there is more in the `Link` header; a short page is not proof of the end. */
function hasNextPage(link: string | undefined): boolean {
  return link !== undefined && /rel="next"/.test(link);
}

function parseRepo(repo: string): { owner: string; repo: string } {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repo);
  if (!match)
    throw new ConnectorError('query', `GitHub repository must be owner/name, not "${repo}"`);
  return { owner: match[1]!, repo: match[2]! };
}

interface IssueEvent {
  event: string;
  created_at: string;
  state_reason?: string | null;
  label?: { name?: string } | null;
  issue?: { number?: number } | null;
}

/** Replays an issue's events into status transitions, as a board would have shown them. */
function transitionsOf(
  events: readonly IssueEvent[],
  inProgress: ReadonlySet<string>,
): TrackerTransition[] {
  const sorted = [...events].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  const transitions: TrackerTransition[] = [];
  let state: string = GITHUB_STATES.open;
  let labelled = 0;
  const move = (at: string, to: string) => {
    if (to === state) return;
    transitions.push({ at, from: state, to });
    state = to;
  };
  for (const event of sorted) {
    const label = event.label?.name?.toLowerCase();
    if (event.event === 'closed') {
      move(
        event.created_at,
        event.state_reason === 'not_planned' ? GITHUB_STATES.notPlanned : GITHUB_STATES.closed,
      );
    } else if (event.event === 'reopened') {
      move(event.created_at, labelled > 0 ? GITHUB_STATES.inProgress : GITHUB_STATES.open);
    } else if (event.event === 'labeled' && label && inProgress.has(label)) {
      labelled++;
      if (state === GITHUB_STATES.open) move(event.created_at, GITHUB_STATES.inProgress);
    } else if (event.event === 'unlabeled' && label && inProgress.has(label)) {
      labelled = Math.max(0, labelled - 1);
      if (labelled === 0 && state === GITHUB_STATES.inProgress)
        move(event.created_at, GITHUB_STATES.open);
    }
  }
  return transitions;
}

export async function pullGitHub(options: GitHubPullOptions): Promise<TrackerSnapshot> {
  const { owner, repo } = parseRepo(options.repo);
  if (options.project !== undefined) {
    const { pullGitHubProject } = await import('./github-project.js');
    return pullGitHubProject({ ...options, project: options.project }, owner);
  }
  const octokit = new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.apiUrl ?? 'https://api.github.com',
    userAgent: 'flow-forecaster',
    ...(options.network ? { request: { fetch: options.network.fetch } } : {}),
  });
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const inProgress = new Set(
    (options.inProgressLabels ?? ['in progress']).map((label) => label.toLowerCase()),
  );

  type RawIssue = Awaited<ReturnType<typeof octokit.rest.issues.listForRepo>>['data'][number];
  const raws: RawIssue[] = [];
  for (let page = 1; raws.length < maxItems; page++) {
    const response = await withRetry(
      'GitHub',
      () =>
        octokit.rest.issues.listForRepo({
          owner,
          repo,
          state: 'all',
          per_page: PAGE,
          page,
          ...(options.since ? { since: `${options.since}T00:00:00Z` } : {}),
        }),
      options.retry,
    );
    // The issues list includes pull requests; they are not the team's work items here.
    raws.push(
      ...response.data.filter((issue) => !issue.pull_request).slice(0, maxItems - raws.length),
    );
    if (!hasNextPage(response.headers.link)) break;
  }

  const wanted = new Set(raws.map((issue) => issue.number));
  const eventsByIssue = new Map<number, IssueEvent[]>();
  for (let page = 1; ; page++) {
    const response = await withRetry(
      'GitHub',
      () => octokit.rest.issues.listEventsForRepo({ owner, repo, per_page: PAGE, page }),
      options.retry,
    );
    for (const event of response.data as IssueEvent[]) {
      const number = event.issue?.number;
      if (number === undefined || !wanted.has(number)) continue;
      const list = eventsByIssue.get(number) ?? [];
      list.push(event);
      eventsByIssue.set(number, list);
    }
    if (!hasNextPage(response.headers.link)) break;
  }

  const issues: TrackerIssue[] = raws.map((raw) => {
    const transitions = transitionsOf(eventsByIssue.get(raw.number) ?? [], inProgress);
    const labels = raw.labels.map((label) =>
      (typeof label === 'string' ? label : (label.name ?? '')).toLowerCase(),
    );
    const state =
      raw.state === 'closed'
        ? raw.state_reason === 'not_planned'
          ? GITHUB_STATES.notPlanned
          : GITHUB_STATES.closed
        : labels.some((label) => inProgress.has(label))
          ? GITHUB_STATES.inProgress
          : GITHUB_STATES.open;
    const type = labels.find((label) => label === 'bug') ? 'Bug' : raw.type?.name;
    return {
      id: `#${raw.number}`,
      ...(type ? { type } : {}),
      created: raw.created_at,
      state,
      transitions,
    };
  });
  const states: WorkflowState[] = [
    { name: GITHUB_STATES.open, category: 'todo' },
    { name: GITHUB_STATES.inProgress, category: 'inProgress' },
    { name: GITHUB_STATES.closed, category: 'done' },
    { name: GITHUB_STATES.notPlanned, category: 'canceled' },
  ];
  return { issues, states };
}
