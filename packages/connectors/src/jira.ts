/**
 * Jira Cloud (enhanced JQL search, `nextPageToken` pages) and Jira Data Center (`/rest/api/2/search`,
 * `startAt` pages, bearer personal access token), through the official-for-Node `jira.js` client.
 */
import { Version2Client, Version3Client } from 'jira.js';
import type {
  StateCategory,
  TrackerIssue,
  TrackerTransition,
  WorkflowState,
} from '@flow-forecaster/engine';
import { ConnectorError } from './errors.js';
import { withRetry } from './retry.js';
import { DEFAULT_MAX_ITEMS } from './types.js';
import type { CommonPullOptions, TrackerSnapshot } from './types.js';

export interface JiraPullOptions extends CommonPullOptions {
  /** The site, e.g. https://acme.atlassian.net (or a Data Center base URL). */
  url: string;
  jql: string;
  /** Cloud: email + API token (basic auth). */
  email?: string;
  apiToken?: string;
  /** Data Center: a personal access token (bearer). */
  pat?: string;
}

const PAGE = 100;
const FIELDS = ['created', 'status', 'issuetype'];

/** Jira's own status categories, as the spec maps them. */
export function jiraCategory(key: string | undefined): StateCategory {
  if (key === 'done') return 'done';
  if (key === 'indeterminate') return 'inProgress';
  return 'todo';
}

interface JiraHistory {
  created?: string;
  items?: { field?: string; fromString?: string | null; toString?: string | null }[];
}

interface JiraIssueShape {
  key: string;
  fields: {
    created?: string;
    status?: { name?: string };
    issuetype?: { name?: string };
  };
  changelog?: { histories?: JiraHistory[]; total?: number; maxResults?: number };
}

function statusTransitions(histories: readonly JiraHistory[]): TrackerTransition[] {
  const transitions: TrackerTransition[] = [];
  for (const history of histories) {
    if (!history.created) continue;
    for (const item of history.items ?? []) {
      if (item.field !== 'status' || !item.toString) continue;
      transitions.push({ at: history.created, from: item.fromString ?? null, to: item.toString });
    }
  }
  return transitions;
}

function withSince(jql: string, since: string | undefined): string {
  // ORDER BY must stay last, so the date condition goes before it.
  if (!since) return jql;
  const match = /\s+ORDER\s+BY\s+/i.exec(jql);
  const where = match ? jql.slice(0, match.index) : jql;
  const order = match ? jql.slice(match.index) : '';
  return `(${where}) AND updated >= "${since}"${order}`;
}

function toIssue(raw: JiraIssueShape, histories: readonly JiraHistory[]): TrackerIssue {
  const created = raw.fields.created;
  const state = raw.fields.status?.name;
  if (!created || !state) {
    throw new ConnectorError(
      'bad_response',
      `Jira issue ${raw.key} came without its created date or status`,
    );
  }
  return {
    id: raw.key,
    ...(raw.fields.issuetype?.name ? { type: raw.fields.issuetype.name } : {}),
    created,
    state,
    transitions: statusTransitions(histories),
  };
}

type Client = Version2Client | Version3Client;

async function allHistories(
  client: Client,
  raw: JiraIssueShape,
  options: JiraPullOptions,
): Promise<JiraHistory[]> {
  const histories = [...(raw.changelog?.histories ?? [])];
  const total = raw.changelog?.total ?? histories.length;
  // Search embeds only the first page of a changelog; long-lived issues need the rest.
  while (histories.length < total) {
    const startAt = histories.length;
    const request = { issueIdOrKey: raw.key, startAt, maxResults: PAGE };
    const page = await withRetry(
      'Jira',
      () =>
        client instanceof Version3Client
          ? client.issues.getChangeLogs(request)
          : client.issues.getChangeLogs(request),
      options.retry,
    );
    const values: JiraHistory[] = page.values ?? [];
    if (values.length === 0) break;
    histories.push(...values);
  }
  return histories;
}

async function statuses(client: Client, options: JiraPullOptions): Promise<WorkflowState[]> {
  const list = await withRetry(
    'Jira',
    () =>
      client instanceof Version3Client
        ? client.workflowStatuses.getStatuses()
        : client.workflowStatuses.getStatuses(),
    options.retry,
  );
  const seen = new Set<string>();
  const states: WorkflowState[] = [];
  for (const status of list) {
    if (!status.name || seen.has(status.name)) continue;
    seen.add(status.name);
    states.push({ name: status.name, category: jiraCategory(status.statusCategory?.key) });
  }
  return states;
}

function clientFor(options: JiraPullOptions): Client {
  // axios connects through these: every connection (and redirect) is checked when made.
  const agents = options.network
    ? { httpAgent: options.network.httpAgent, httpsAgent: options.network.httpsAgent }
    : {};
  if (options.pat) {
    return new Version2Client({
      host: options.url,
      baseRequestConfig: {
        ...agents,
        headers: { Authorization: `Bearer ${options.pat}` },
      },
    });
  }
  if (!options.email || !options.apiToken) {
    throw new ConnectorError(
      'auth',
      'Jira needs an email and an API token (Cloud) or a personal access token (Data Center)',
    );
  }
  return new Version3Client({
    host: options.url,
    authentication: { basic: { email: options.email, apiToken: options.apiToken } },
    ...(options.network ? { baseRequestConfig: agents } : {}),
  });
}

export async function pullJira(options: JiraPullOptions): Promise<TrackerSnapshot> {
  const client = clientFor(options);
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const jql = withSince(options.jql, options.since);
  const states = await statuses(client, options);
  const issues: TrackerIssue[] = [];
  const push = async (page: readonly JiraIssueShape[]) => {
    for (const raw of page) {
      if (issues.length >= maxItems) return;
      issues.push(toIssue(raw, await allHistories(client, raw, options)));
    }
  };

  if (client instanceof Version3Client) {
    let nextPageToken: string | undefined;
    do {
      const token = nextPageToken;
      const page = await withRetry(
        'Jira',
        () =>
          client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
            jql,
            fields: FIELDS,
            expand: 'changelog',
            maxResults: PAGE,
            ...(token ? { nextPageToken: token } : {}),
          }),
        options.retry,
      );
      await push((page.issues ?? []) as JiraIssueShape[]);
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken && issues.length < maxItems);
  } else {
    let startAt = 0;
    for (;;) {
      const from = startAt;
      const page = await withRetry(
        'Jira',
        () =>
          client.issueSearch.searchForIssuesUsingJql({
            jql,
            fields: FIELDS,
            expand: 'changelog',
            startAt: from,
            maxResults: PAGE,
          }),
        options.retry,
      );
      const list = (page.issues ?? []) as JiraIssueShape[];
      await push(list);
      startAt += list.length;
      if (list.length === 0 || startAt >= (page.total ?? 0) || issues.length >= maxItems) break;
    }
  }
  return { issues, states };
}
