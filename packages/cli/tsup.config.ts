import { defineConfig } from 'tsup';

/**
 * The published `ff`: one ESM bundle per entry with the workspace's private packages (schemas,
 * connectors) inlined, so the tarball needs only the published engine. zod and papaparse are
 * bundled too — fewer files to resolve at start keeps `ff --version` fast. The tracker SDKs
 * stay external: they are loaded only by `ff pull` and installed as optional dependencies; so
 * does the MCP SDK, a dependency loaded only by `ff mcp`.
 */
export default defineConfig({
  entry: { main: 'src/main.ts', index: 'src/index.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: { entry: { index: 'src/index.ts' }, resolve: ['@flow-forecaster/schemas'] },
  clean: true,
  splitting: true,
  outDir: 'dist',
  external: [
    '@flow-forecaster/engine',
    'jira.js',
    '@octokit/rest',
    '@octokit/graphql',
    '@linear/sdk',
    'azure-devops-node-api',
    // The connectors' address guard: loaded only by a server syncing with publicOnly.
    'undici',
    'ipaddr.js',
  ],
  noExternal: [/^@flow-forecaster\/(schemas|connectors)(\/|$)/, 'zod', 'papaparse'],
});
