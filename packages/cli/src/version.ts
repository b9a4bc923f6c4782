import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The CLI package's version, so `ff --version` can never drift from package.json. */
export const VERSION: string = (require('../package.json') as { version: string }).version;
