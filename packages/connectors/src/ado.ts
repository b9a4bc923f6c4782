/**
 * Azure DevOps through Microsoft's `azure-devops-node-api`: a WIQL query for the ids, work items
 * in batches of 200, each item's updates for its state history, and the state categories of each
 * work item type from the process (Proposed, InProgress, Resolved, Completed, Removed).
 */
import https from 'node:https';
import { WebApi, getPersonalAccessTokenHandler } from 'azure-devops-node-api';
import type { IRequestHandler } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces';
import type { NetworkGuard } from './network.js';
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

export interface AdoPullOptions extends CommonPullOptions {
  /** The organisation URL, e.g. https://dev.azure.com/acme (or a Server collection URL). */
  org: string;
  project: string;
  wiql: string;
  pat?: string;
}

/**
 * Resolved counts as in progress: Azure DevOps' own cycle-time widget ends at Completed, and
 * a resolved bug still waits for verification.
 */
export function adoCategory(category: string | undefined): StateCategory {
  switch (category) {
    case 'InProgress':
    case 'Resolved':
      return 'inProgress';
    case 'Completed':
      return 'done';
    case 'Removed':
      return 'canceled';
    default:
      return 'todo';
  }
}

const BATCH = 200;
const FIELDS = ['System.Id', 'System.WorkItemType', 'System.CreatedDate', 'System.State'];

function withSince(wiql: string, since: string | undefined): string {
  if (!since) return wiql;
  const order = /\s+ORDER\s+BY\s+/i.exec(wiql);
  const body = order ? wiql.slice(0, order.index) : wiql;
  const tail = order ? wiql.slice(order.index) : '';
  const joiner = /\sWHERE\s/i.test(body) ? ' AND' : ' WHERE';
  return `${body}${joiner} [System.ChangedDate] >= '${since}'${tail}`;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

export async function pullAzureDevOps(options: AdoPullOptions): Promise<TrackerSnapshot> {
  if (!options.pat)
    throw new ConnectorError(
      'auth',
      'Azure DevOps needs a personal access token (AZURE_DEVOPS_PAT)',
    );
  const auth = getPersonalAccessTokenHandler(options.pat);
  const connection = new WebApi(
    options.org,
    options.network ? guarded(auth, options.network) : auth,
  );
  const call = <T>(fn: () => Promise<T>) => withRetry('Azure DevOps', fn, options.retry);
  const wit = await call(() => connection.getWorkItemTrackingApi());
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;

  const query = await call(() =>
    wit.queryByWiql(
      { query: withSince(options.wiql, options.since) },
      { project: options.project },
    ),
  );
  const ids = (query.workItems ?? [])
    .map((ref) => ref.id)
    .filter((id): id is number => typeof id === 'number')
    .slice(0, maxItems);

  const issues: TrackerIssue[] = [];
  const types = new Set<string>();
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const items = await call(() =>
      wit.getWorkItemsBatch({ ids: batch, fields: FIELDS }, options.project),
    );
    for (const item of items) {
      const fields = item.fields ?? {};
      const id = item.id;
      const created = text(fields['System.CreatedDate']);
      const state = text(fields['System.State']);
      if (id === undefined || !created || !state) {
        throw new ConnectorError(
          'bad_response',
          `Azure DevOps work item ${id ?? '?'} came without its created date or state`,
        );
      }
      const type = text(fields['System.WorkItemType']);
      if (type) types.add(type);
      const updates = await call(() => wit.getUpdates(id, undefined, undefined, options.project));
      const transitions: TrackerTransition[] = [];
      for (const update of updates) {
        const change = update.fields?.['System.State'];
        const at =
          text(update.fields?.['System.ChangedDate']?.newValue) ?? text(update.revisedDate);
        const to = text(change?.newValue);
        if (!change || !to || !at) continue;
        transitions.push({ at, from: text(change.oldValue) ?? null, to });
      }
      issues.push({ id: String(id), ...(type ? { type } : {}), created, state, transitions });
    }
  }

  const states: WorkflowState[] = [];
  const seen = new Set<string>();
  for (const type of [...types].sort()) {
    const list = await call(() => wit.getWorkItemTypeStates(options.project, type));
    for (const state of list) {
      if (!state.name || seen.has(state.name)) continue;
      seen.add(state.name);
      states.push({ name: state.name, category: adoCategory(state.category) });
    }
  }
  return { issues, states };
}

/**
 * Every client the SDK makes (location service, work items: possibly on a URL the server
 * answered with) runs its request handlers last, after choosing its agent: the guarded agent
 * replaces it there, so each connection is checked when it is made.
 */
function guarded(auth: IRequestHandler, network: NetworkGuard): IRequestHandler {
  return {
    prepareRequest(request) {
      auth.prepareRequest(request);
      request.agent = request.agent instanceof https.Agent ? network.httpsAgent : network.httpAgent;
    },
    canHandleAuthentication: (response) => auth.canHandleAuthentication(response),
    handleAuthentication: (client, info, objs) => auth.handleAuthentication(client, info, objs),
  };
}
