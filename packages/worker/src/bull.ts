/**
 * `@flow-forecaster/worker/bull`: the BullMQ backend (queue and worker runtime). Apart from the
 * main entry because bullmq and ioredis cost a web process ~22 MB and ~0.4 s of start even when
 * it runs without Redis; the server imports this only when `REDIS_URL` is set.
 */
export * from './bull-queue';
export * from './bull-runtime';
