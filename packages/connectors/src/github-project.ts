/**
 * A GitHub Projects (v2) board through Octokit's GraphQL client: the board's status field (a
 * single-select; "Status" unless named) gives each item's state, the field's options give the
 * workflow in board order.
 *
 * GitHub's public GraphQL schema has no history of a board's status changes (no status-changed
 * timeline event; checked against @octokit/graphql-schema in the tests), only each item's
 * current status and when it was set. So an item's transitions are: added in the board's first
 * status, moved to its current one when that was set. The server's syncs keep the earliest start
 * they have seen, so a board synced regularly keeps when work really started.
 */
import { GraphqlResponseError, graphql } from '@octokit/graphql';
import type { StateCategory, TrackerIssue, WorkflowState } from '@flow-forecaster/engine';
import { ConnectorError } from './errors.js';
import { withRetry } from './retry.js';
import { DEFAULT_MAX_ITEMS } from './types.js';
import type { TrackerSnapshot } from './types.js';
import type { GitHubPullOptions } from './github.js';

export const NO_STATUS = 'No Status';
export const NOT_PLANNED = 'Closed (not planned)';

/**
 * The names of GitHub's board templates, whose meaning GitHub itself gives them; any other
 * option is left for the user to map (reported, never guessed).
 */
const KNOWN: Record<string, StateCategory> = {
  'no status': 'todo',
  todo: 'todo',
  'to do': 'todo',
  backlog: 'todo',
  ready: 'todo',
  'in progress': 'inProgress',
  'in review': 'inProgress',
  done: 'done',
};

export const PROJECT_ITEMS_QUERY = `query FlowProjectItems($owner: String!, $number: Int!, $field: String!, $after: String) {
  repositoryOwner(login: $owner) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        title
        field(name: $field) {
          ... on ProjectV2SingleSelectField { name options { id name } }
        }
        items(first: 100, after: $after) {
          nodes {
            id
            createdAt
            updatedAt
            isArchived
            fieldValueByName(name: $field) {
              ... on ProjectV2ItemFieldSingleSelectValue { name optionId createdAt updatedAt }
            }
            content {
              ... on Issue {
                number
                createdAt
                state
                stateReason
                repository { nameWithOwner }
                labels(first: 20) { nodes { name } }
              }
              ... on DraftIssue { createdAt }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
}`;

interface StatusValue {
  name?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

interface ProjectItemNode {
  id: string;
  createdAt: string;
  updatedAt: string;
  isArchived: boolean;
  fieldValueByName: StatusValue | null;
  content: {
    number?: number;
    createdAt?: string;
    state?: 'OPEN' | 'CLOSED';
    stateReason?: string | null;
    repository?: { nameWithOwner: string };
    labels?: { nodes: { name: string }[] };
  } | null;
}

export interface ProjectItemsResponse {
  repositoryOwner: {
    projectV2?: {
      title: string;
      field: { name?: string; options?: { id: string; name: string }[] } | null;
      items: {
        nodes: ProjectItemNode[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  } | null;
}

/** GraphQL answers errors with a 200; say what GitHub said, and retry its rate limiting. */
function graphqlError(error: unknown): unknown {
  if (!(error instanceof GraphqlResponseError)) return error;
  const errors = error.errors ?? [];
  if (errors.some((e) => e.type === 'RATE_LIMITED')) {
    return Object.assign(new Error('GitHub rate-limited the query'), {
      status: 429,
      response: { headers: error.headers },
    });
  }
  return new ConnectorError(
    'query',
    `GitHub rejected the request: ${errors.map((e) => e.message).join('; ') || error.message}`,
  );
}

function categoryOf(name: string): StateCategory | undefined {
  return KNOWN[name.trim().toLowerCase()];
}

export async function pullGitHubProject(
  options: GitHubPullOptions & { project: number },
  owner: string,
): Promise<TrackerSnapshot> {
  const field = options.statusField ?? 'Status';
  const client = graphql.defaults({
    // GitHub Enterprise Server's REST root (…/api/v3) becomes …/api/graphql in the client.
    baseUrl: options.apiUrl ?? 'https://api.github.com',
    headers: {
      'user-agent': 'flow-forecaster',
      ...(options.token ? { authorization: `token ${options.token}` } : {}),
    },
    ...(options.network ? { request: { fetch: options.network.fetch } } : {}),
  });
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const since = options.since ? Date.parse(`${options.since}T00:00:00Z`) : undefined;
  const [repoOwner, repoName] = options.repo.split('/');
  const nodes: ProjectItemNode[] = [];
  let optionNames: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ProjectItemsResponse = await withRetry(
      'GitHub',
      () =>
        client<ProjectItemsResponse>(PROJECT_ITEMS_QUERY, {
          owner,
          number: options.project,
          field,
          after,
        }).catch((error: unknown) => {
          throw graphqlError(error);
        }),
      options.retry,
    );
    const project = page.repositoryOwner?.projectV2;
    if (!project)
      throw new ConnectorError('query', `GitHub has no project ${options.project} for ${owner}`);
    if (!project.field?.options)
      throw new ConnectorError(
        'query',
        `GitHub project ${options.project} has no single-select field named "${field}"`,
      );
    optionNames = project.field.options.map((option) => option.name);
    nodes.push(...project.items.nodes.slice(0, maxItems - nodes.length));
    if (!project.items.pageInfo.hasNextPage || nodes.length >= maxItems) break;
    after = project.items.pageInfo.endCursor;
  }

  const first = optionNames[0] ?? NO_STATUS;
  const issues: TrackerIssue[] = [];
  for (const node of nodes) {
    const content = node.content;
    // Pull requests have no fields asked here: they are not the team's work items.
    if (node.isArchived || !content?.createdAt) continue;
    if (since !== undefined && Date.parse(node.updatedAt) < since) continue;
    const repo = content.repository?.nameWithOwner;
    const id =
      content.number === undefined
        ? `draft:${node.id}`
        : repo && repo.toLowerCase() !== `${repoOwner}/${repoName}`.toLowerCase()
          ? `${repo}#${content.number}`
          : `#${content.number}`;
    const status = node.fieldValueByName?.name ?? NO_STATUS;
    const state =
      content.state === 'CLOSED' && content.stateReason === 'NOT_PLANNED' ? NOT_PLANNED : status;
    const setAt = node.fieldValueByName?.updatedAt;
    const transitions = state !== first && setAt ? [{ at: setAt, from: first, to: state }] : [];
    const bug = content.labels?.nodes.some((label) => label.name.toLowerCase() === 'bug');
    issues.push({
      id,
      ...(bug ? { type: 'Bug' } : {}),
      created: content.createdAt,
      state,
      transitions,
    });
  }
  const states: WorkflowState[] = [];
  for (const name of [NO_STATUS, ...optionNames]) {
    const category = categoryOf(name);
    if (category && !states.some((s) => s.name === name)) states.push({ name, category });
  }
  states.push({ name: NOT_PLANNED, category: 'canceled' });
  return { issues, states };
}
