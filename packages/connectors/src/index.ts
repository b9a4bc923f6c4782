export * from './errors.js';
export * from './retry.js';
export * from './types.js';
export * from './jira.js';
export * from './github.js';
export * from './linear.js';
export * from './ado.js';
export * from './pull.js';
