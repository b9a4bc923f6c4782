/**
 * Linear through its official SDK's GraphQL client: a team's workflow states (their `type` is
 * the category) and its issues with their state history, paged by cursor.
 */
import { LinearClient, parseLinearError } from '@linear/sdk';
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

export interface LinearPullOptions extends CommonPullOptions {
  /** The team's key, e.g. PAY. */
  team: string;
  apiKey?: string;
  apiUrl?: string;
}

export function linearCategory(type: string): StateCategory {
  if (type === 'started') return 'inProgress';
  if (type === 'completed') return 'done';
  if (type === 'canceled' || type === 'duplicate') return 'canceled';
  return 'todo';
}

const PAGE = 50;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface HistoryNode {
  createdAt: string;
  fromState: { name: string } | null;
  toState: { name: string } | null;
}

interface IssueNode {
  id: string;
  identifier: string;
  createdAt: string;
  state: { name: string };
  labels: { nodes: { name: string }[] };
  history: { nodes: HistoryNode[]; pageInfo: PageInfo };
}

const STATES_QUERY = `query FlowTeamStates($key: String!) {
  teams(filter: { key: { eq: $key } }) {
    nodes { id key states(first: 100) { nodes { name type position } } }
  }
}`;

const ISSUES_QUERY = `query FlowIssues($key: String!, $first: Int!, $after: String, $since: DateTimeOrDuration) {
  issues(first: $first, after: $after, filter: { team: { key: { eq: $key } }, updatedAt: { gte: $since } }) {
    nodes {
      id identifier createdAt
      state { name }
      labels { nodes { name } }
      history(first: 50) { nodes { createdAt fromState { name } toState { name } } pageInfo { hasNextPage endCursor } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const HISTORY_QUERY = `query FlowIssueHistory($id: String!, $after: String) {
  issue(id: $id) {
    history(first: 50, after: $after) { nodes { createdAt fromState { name } toState { name } } pageInfo { hasNextPage endCursor } }
  }
}`;

function transitionsOf(nodes: readonly HistoryNode[]): TrackerTransition[] {
  return nodes
    .filter((node) => node.toState !== null && node.toState.name !== node.fromState?.name)
    .map((node) => ({
      at: node.createdAt,
      from: node.fromState?.name ?? null,
      to: node.toState!.name,
    }));
}

export async function pullLinear(options: LinearPullOptions): Promise<TrackerSnapshot> {
  if (!options.apiKey) throw new ConnectorError('auth', 'Linear needs an API key (LINEAR_API_KEY)');
  const client = new LinearClient({
    apiKey: options.apiKey,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    // The SDK passes its options on to Node's fetch.
    ...(options.network ? options.network.fetchInit : {}),
  });
  const request = <T>(query: string, variables: Record<string, unknown>) =>
    withRetry(
      'Linear',
      // The GraphQL client throws raw errors; the SDK's parser gives them their Linear type
      // (authentication, rate limit with its Retry-After, invalid input).
      () =>
        client.client
          .request<T, Record<string, unknown>>(query, variables)
          .catch((error: unknown) => {
            throw parseLinearError(error as Parameters<typeof parseLinearError>[0]);
          }),
      options.retry,
    );
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;

  const teams = await request<{
    teams: { nodes: { states: { nodes: { name: string; type: string; position: number }[] } }[] };
  }>(STATES_QUERY, { key: options.team });
  const team = teams.teams.nodes[0];
  if (!team) throw new ConnectorError('query', `Linear has no team with the key "${options.team}"`);
  const states: WorkflowState[] = [...team.states.nodes]
    .sort((a, b) => a.position - b.position)
    .map((state) => ({ name: state.name, category: linearCategory(state.type) }));

  const issues: TrackerIssue[] = [];
  let after: string | null = null;
  do {
    const page: { issues: { nodes: IssueNode[]; pageInfo: PageInfo } } = await request(
      ISSUES_QUERY,
      {
        key: options.team,
        first: PAGE,
        after,
        since: options.since ? `${options.since}T00:00:00.000Z` : undefined,
      },
    );
    for (const node of page.issues.nodes) {
      if (issues.length >= maxItems) break;
      const history = [...node.history.nodes];
      let info = node.history.pageInfo;
      while (info.hasNextPage) {
        const more: { issue: { history: { nodes: HistoryNode[]; pageInfo: PageInfo } } } =
          await request(HISTORY_QUERY, { id: node.id, after: info.endCursor });
        history.push(...more.issue.history.nodes);
        info = more.issue.history.pageInfo;
      }
      const bug = node.labels.nodes.some((label) => label.name.toLowerCase() === 'bug');
      issues.push({
        id: node.identifier,
        ...(bug ? { type: 'Bug' } : {}),
        created: node.createdAt,
        state: node.state.name,
        transitions: transitionsOf(history),
      });
    }
    after = page.issues.pageInfo.hasNextPage ? page.issues.pageInfo.endCursor : null;
  } while (after !== null && issues.length < maxItems);
  return { issues, states };
}
