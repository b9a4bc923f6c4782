/**
 * @flow-forecaster/worker — job execution behind one interface: an in-process worker-thread
 * pool (default) or BullMQ on Redis (`REDIS_URL`, from '@flow-forecaster/worker/bull').
 */
export * from './job-types';
export * from './errors';
export * from './pool';
export type { PoolTask } from './pool-task';
export { parseRequest as parseForecastRequest } from './pool-task';
export * from './memory-queue';
export * from './forecast-processor';
export { QUEUE_NAME } from './queue-name';
// The BullMQ backend is in '@flow-forecaster/worker/bull' (loaded only with Redis).
export type * from './bull-queue';
export type * from './bull-runtime';
export * from './sync-processor';
export * from './worker-config';
