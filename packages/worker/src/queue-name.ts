/** The BullMQ queue of forecast jobs; here so naming it does not load ioredis. */
export const QUEUE_NAME = 'forecasts';
