// The worker's tests and the server's share one Redis under the same prefix discipline.
export { REDIS_URL, deletePrefix, uniquePrefix } from '../../worker/test/redis-keys';
