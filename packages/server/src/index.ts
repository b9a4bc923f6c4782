/**
 * @flow-forecaster/server — the HTTP API as a library: build the app, load its configuration,
 * open its database. `server.ts` is the process that runs it.
 */
export { buildApp, REDACT_PATHS } from './app';
export type { BuildAppOptions } from './app';
export { loadConfig, ConfigError } from './config';
export type { Config, SmtpConfig } from './config';
export {
  AppError,
  errorCatalogue,
  toErrorResponse,
  installErrorHandlers,
  notFound,
  validation,
} from './errors';
export type { ErrorBody, ErrorCode } from './errors';
export { openDatabase } from './db/client';
export type { Database, Db, OpenDatabaseOptions } from './db/client';
export { DataDirLockedError } from './db/lock-file';
export { saveForecast } from './services/save-forecast';
export type { SaveForecastArgs } from './services/save-forecast';
export { recordForecast, createMetrics } from './plugins/metrics';
export type { Metrics } from './plugins/metrics';
export type { AuthUser } from './plugins/auth';
export type { PublicUser } from './repositories/users';
export type { Viewer } from './repositories/visibility';
export { backupDatabase, restoreDatabase, RestoreError, BACKUP_TABLES } from './backup';
export type { Backup, RestoreOptions } from './backup';
