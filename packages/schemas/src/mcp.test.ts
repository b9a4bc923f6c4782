/**
 * The MCP server built from a registry, driven in memory by the SDK's client: a kind added to
 * the registry is a tool, and the runner's failures become tool errors, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { EngineInputError } from '@flow-forecaster/engine';
import { coinFlips, registry } from '../test/coin-flips';
import { createForecastMcpServer } from './mcp';
import type { ForecastMcpOptions } from './mcp';

async function connected(options: Omit<ForecastMcpOptions, 'version'>): Promise<Client> {
  const server = createForecastMcpServer({ version: '0.0.0-test', ...options });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

describe('the MCP server of a registry', () => {
  it('makes a kind added to the registry a tool, resource and prompt entry', async () => {
    const client = await connected({ registry });
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'coin-flips');
    expect(tool?.inputSchema.properties).toHaveProperty('flips');
    expect(tool?.description).toContain('heads in N tosses of a fair coin');
    const answer = await client.callTool({
      name: 'coin-flips',
      arguments: { flips: 500, seed: 9 },
    });
    expect(answer.structuredContent).toEqual({
      kind: 'coin-flips',
      seed: 9,
      warningCodes: [],
      result: coinFlips({ flips: 500, seed: 9 }),
    });
    const page = await client.readResource({ uri: 'flow-forecaster://kinds/coin-flips' });
    expect((page.contents[0] as { text: string }).text).toContain('`ff coin-flips`, `ff toss`');
    await client.close();
  });

  it('runs through the runner it is given, with the seed already fixed', async () => {
    const seen: unknown[] = [];
    const client = await connected({
      registry,
      run: (parsed) => {
        seen.push(parsed.request());
        return Promise.resolve(parsed.run());
      },
    });
    const answer = await client.callTool({ name: 'coin-flips', arguments: { flips: 10 } });
    const seed = (answer.structuredContent as { seed: number }).seed;
    expect(seen).toEqual([{ kind: 'coin-flips', input: { flips: 10, seed } }]);
    await client.close();
  });

  it('answers engine and API errors with their field, and hides unexpected ones', async () => {
    const unexpected: string[] = [];
    let fail: unknown = new EngineInputError('backlog is too big for the history', 'backlog');
    const client = await connected({
      run: () => Promise.reject(fail),
      onUnexpectedError: (_err, kind) => unexpected.push(kind),
    });
    const args = { tpSamples: [1, 2, 3], backlog: 5 };
    const engine = await client.callTool({ name: 'when', arguments: args });
    expect(engine.isError).toBe(true);
    expect(engine.structuredContent).toEqual({
      error: {
        code: 'FF_ERR_ENGINE_INPUT',
        message: 'backlog is too big for the history',
        field: 'backlog',
      },
    });

    fail = new Error('database password is hunter2');
    const internal = await client.callTool({ name: 'when', arguments: args });
    expect(internal.isError).toBe(true);
    expect(JSON.stringify(internal)).not.toContain('hunter2');
    expect(unexpected).toEqual(['when']);
    await client.close();
  });
});
