/**
 * `ff mcp` as an assistant sees it: the real `bin/ff.js` spawned over stdio and driven by the
 * SDK's own client. Every kind of the registry is a tool giving the numbers `ff` gives.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { FORECAST_REGISTRY, forecastJsonSchema } from '@flow-forecaster/schemas';
import { run } from '../src/run';
import { BIN, ROOT, ff } from './helpers';

interface ToolCall {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
}

/** `ff <args>` in this process (the code the binary runs), its stdout parsed as JSON. */
async function ffJson(args: string[], body: unknown): Promise<Record<string, unknown>> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdin: Object.assign(Readable.from([Buffer.from(JSON.stringify(body))]), { isTTY: false }),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: ROOT,
  });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>;
}

let client: Client;
let stderr = '';

async function call(name: string, args: Record<string, unknown>): Promise<ToolCall> {
  return (await client.callTool({ name, arguments: args })) as ToolCall;
}

beforeAll(async () => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp'],
    cwd: ROOT,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  client = new Client({ name: 'ff-mcp-test', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
});

describe('ff mcp over stdio', () => {
  it('lists one tool per registry row, with the row’s input JSON Schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(FORECAST_REGISTRY.kinds.map((r) => r.kind));
    for (const row of FORECAST_REGISTRY.kinds) {
      const tool = tools.find((t) => t.name === row.kind);
      expect(tool?.description).toContain(row.description);
      expect(tool?.inputSchema).toEqual({ ...forecastJsonSchema(row), type: 'object' });
    }
  });

  it.each(FORECAST_REGISTRY.kinds.map((r) => [r.kind, r] as const))(
    '%s with its example gives the numbers of ff for the same seed',
    async (_kind, row) => {
      const body = row.example as Record<string, unknown>;
      const args = row.seeded ? { ...body, seed: 4242 } : body;
      const answer = await call(row.kind, args);
      expect(answer.isError, answer.content[0]?.text).toBeFalsy();
      const out = answer.structuredContent as {
        seed: number | null;
        warningCodes: unknown[];
        result: Record<string, unknown>;
      };
      expect(JSON.parse(answer.content[0]?.text ?? '')).toEqual(out);
      expect(out.seed).toBe(row.seeded ? 4242 : null);
      expect(out.warningCodes).toEqual(out.result.warningCodes ?? []);
      const cli = await ffJson([row.cli[0], ...(row.seeded ? ['--seed', '4242'] : [])], body);
      // `ff history` leads its output with tpSamples/ltSamples; the rest is the result itself.
      expect(cli).toMatchObject(out.result);
    },
  );

  it('fixes a seed when none is given, and that seed reproduces the answer', async () => {
    const row = FORECAST_REGISTRY.get('when');
    const body = row?.example as Record<string, unknown>;
    const first = (await call('when', body)).structuredContent as {
      seed: number;
      result: unknown;
    };
    expect(Number.isInteger(first.seed)).toBe(true);
    const again = (await call('when', { ...body, seed: first.seed })).structuredContent;
    expect(again?.result).toEqual(first.result);
  });

  it('answers bad input with a tool error naming the field, and keeps serving', async () => {
    const bad = await call('when', { tpSamples: 'lots', backlog: 20 });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]?.text).toMatch(/^tpSamples /);
    expect(bad.structuredContent?.error).toMatchObject({
      code: 'FF_ERR_VALIDATION',
      field: 'tpSamples',
    });
    const nested = await call('risks', {
      risks: [{ likelihood: 300, lowImpact: 1, mediumImpact: 2, highImpact: 3 }],
    });
    expect(nested.isError).toBe(true);
    expect(nested.structuredContent?.error).toMatchObject({ field: 'risks.0.likelihood' });
    await expect(client.callTool({ name: 'no-such-kind', arguments: {} })).rejects.toThrow(
      /no-such-kind/,
    );
    const ok = await call(
      'cost',
      FORECAST_REGISTRY.get('cost')?.example as Record<string, unknown>,
    );
    expect(ok.isError).toBeFalsy();
    expect(stderr).toBe('');
  });

  it('offers each kind’s reference as a resource and the backlog prompt', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(
      FORECAST_REGISTRY.kinds.map((r) => `flow-forecaster://kinds/${r.kind}`),
    );
    const page = await client.readResource({ uri: 'flow-forecaster://kinds/simulate' });
    const text = (page.contents[0] as { text: string }).text;
    expect(text).toContain('# Team simulation (`simulate`)');
    expect(text).toContain('"numberOfTasks": 50');
    expect(text).toContain('"maximum": 1000000');

    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['forecast-my-backlog']);
    const prompt = await client.getPrompt({
      name: 'forecast-my-backlog',
      arguments: { backlog: '40', throughput: '5, 6, 7' },
    });
    const said = (prompt.messages[0]?.content as { text: string }).text;
    expect(said).toContain('Items left in the backlog: 40');
    expect(said).toContain('Items finished per week, recent weeks: 5, 6, 7');
    for (const row of FORECAST_REGISTRY.kinds) expect(said).toContain(`\`${row.kind}\``);
  });
});

describe('ff mcp is loaded lazily', () => {
  // A resolve hook that refuses the SDK: commands that import it, even without using it, fail.
  const blocker = resolve(ROOT, 'packages/cli/test/fixtures/block-mcp-sdk.mjs');
  const ffWithoutSdk = (args: string[], stdin = '') =>
    spawnSync(process.execPath, ['--import', blocker, BIN, ...args], {
      cwd: ROOT,
      input: stdin,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('ff --version and the forecast commands never load the SDK; ff mcp does', () => {
    const version = ffWithoutSdk(['--version']);
    expect(version.stderr).toBe('');
    expect(version.status).toBe(0);
    const when = ffWithoutSdk(
      ['when', '--seed', '1'],
      JSON.stringify({ tpSamples: [5, 6], backlog: 9 }),
    );
    expect(when.stderr).toBe('');
    expect(when.status).toBe(0);
    const mcp = ffWithoutSdk(['mcp']);
    expect(mcp.status).toBe(1);
    expect(mcp.stderr).toContain('MCP SDK loaded');
  });
});

describe('ff mcp in the help', () => {
  it('is listed in ff --help and has its own help', async () => {
    const help = await ff(['--help']);
    expect(help.stdout).toMatch(/^ {2}mcp +every forecast above as a tool/m);
    const own = await ff(['mcp', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('"command": "ff", "args": ["mcp"]');
    const wrong = await ff(['mcp', 'extra']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("unexpected argument 'extra'");
  });
});
