export * from './errors.js';
export * from './retry.js';
export * from './types.js';
export * from './pull.js';
export * from './secret.js';
// Types only: the clients load lazily through pull().
export type { JiraPullOptions } from './jira.js';
export type { GitHubPullOptions } from './github.js';
export type { LinearPullOptions } from './linear.js';
export type { AdoPullOptions } from './ado.js';
