/**
 * @flow-forecaster/worker — job execution behind one interface: an in-process worker-thread
 * pool (default) or BullMQ on Redis (`REDIS_URL`).
 */
export * from './job-types';
export * from './errors';
export * from './pool';
export type { PoolTask } from './pool-task';
export { parseRequest as parseForecastRequest } from './pool-task';
export * from './memory-queue';
export * from './bull-queue';
export * from './bull-runtime';
export * from './forecast-processor';
export { QUEUE_NAME } from './redis';
export * from './sync-processor';
