/**
 * Every forecast kind of a registry as a Model Context Protocol server: one tool per row (its
 * name, description and input JSON Schema come from the row), one reference resource per row
 * and a "forecast my backlog" prompt. `ff mcp` serves it over stdio and runs the engine on its
 * own thread; the server serves it at `/mcp` and runs forecasts on its worker pool. Only how a
 * parsed forecast is run differs, so that is the one thing callers pass in.
 *
 * Imported as `@flow-forecaster/schemas/mcp`, never from the package index: the web app and
 * the other `ff` commands must not load the SDK.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { CallToolResult, GetPromptResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { FORECAST_REGISTRY, forecastJsonSchema } from './registry';
import type { AnyForecastKind, ForecastRegistry, ParsedForecast } from './registry';

/** Runs a validated forecast; `signal` aborts when the client cancels the call. */
export type McpForecastRunner = (parsed: ParsedForecast, signal: AbortSignal) => Promise<unknown>;

export interface ForecastMcpOptions {
  /** Name and version the server reports to clients. */
  name?: string;
  version: string;
  /** The kinds offered as tools; default FORECAST_REGISTRY. */
  registry?: ForecastRegistry;
  /** How a forecast runs; default the engine on this thread. */
  run?: McpForecastRunner;
  /** Told of failures that are not the caller's input (they are answered without details). */
  onUnexpectedError?: (err: unknown, kind: string) => void;
}

/** What a successful tool call returns, as text and as structured content. */
export interface ForecastToolOutput {
  [key: string]: unknown;
  kind: string;
  /** The seed the run used (fixed before running when none was given); null if unseeded. */
  seed: number | null;
  warningCodes: unknown[];
  result: unknown;
}

export const MCP_PROMPT_NAME = 'forecast-my-backlog';

/** The URI of a kind's reference resource. */
export function kindResourceUri(kind: string): string {
  return `flow-forecaster://kinds/${kind}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toolDescription(row: AnyForecastKind): string {
  const seed = row.seeded
    ? ' Random draws: pass `seed` to reproduce a result; the answer always gives the seed used.'
    : '';
  return `${row.title}: ${row.description}.${seed} Reference: ${kindResourceUri(row.kind)}.`;
}

function toolOf(row: AnyForecastKind): Tool {
  const schema = forecastJsonSchema(row);
  return {
    name: row.kind,
    title: row.title,
    description: toolDescription(row),
    // Tools take an object; every row's request schema is one (the registry tests check it).
    inputSchema: { ...schema, type: 'object' },
    annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: row.seeded },
  };
}

function output(kind: string, input: unknown, result: unknown): ForecastToolOutput {
  const seed = isRecord(input) && typeof input.seed === 'number' ? input.seed : null;
  const warningCodes =
    isRecord(result) && Array.isArray(result.warningCodes) ? result.warningCodes : [];
  return { kind, seed, warningCodes, result };
}

function toolError(message: string, code: string, field?: string): CallToolResult {
  const error = { code, message, ...(field !== undefined ? { field } : {}) };
  return {
    isError: true,
    // The schemas' messages start with the field ("tpSamples must …"); others get it prefixed.
    content: [
      { type: 'text', text: field && !message.includes(field) ? `${field}: ${message}` : message },
    ],
    structuredContent: { error },
  };
}

/**
 * Errors that are the caller's input (the engine's, the API's 400) or a stated limit (the
 * server's sync timeout) carry an `FF_ERR_` code and are answered as such; anything else is
 * a fault of ours and is not described to the client.
 */
function failure(err: unknown): { code: string; message: string; field?: string } | undefined {
  if (!isRecord(err) || typeof err.code !== 'string' || !err.code.startsWith('FF_ERR_')) {
    return undefined;
  }
  const message = typeof err.message === 'string' ? err.message : err.code;
  const field = typeof err.field === 'string' ? err.field : undefined;
  return { code: err.code, message, ...(field !== undefined ? { field } : {}) };
}

function registerTools(mcp: McpServer, options: ForecastMcpOptions): void {
  const registry = options.registry ?? FORECAST_REGISTRY;
  const run: McpForecastRunner = options.run ?? ((parsed) => Promise.resolve(parsed.run()));
  // The SDK's own tool helper validates arguments with the zod schema and hands the *parsed*
  // value on; our rows' parsers must see the raw body (aliases, field-named messages), so the
  // tool requests are answered here, with the JSON Schema the OpenAPI document also shows.
  const tools = registry.kinds.map(toolOf);
  mcp.server.registerCapabilities({ tools: { listChanged: false } });
  mcp.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  mcp.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const row = registry.get(request.params.name);
    if (!row) {
      throw new McpError(ErrorCode.InvalidParams, `Tool ${request.params.name} not found`);
    }
    // As async jobs do: a seeded kind gets its seed before running, so the answer can be
    // reproduced with `ff` or the API.
    const parsed = row.parse(request.params.arguments ?? {}, { fixSeed: true });
    if (!parsed.ok) {
      const { field, message } = parsed.error;
      return toolError(message, parsed.error.code, field);
    }
    try {
      const result = await run(parsed.value, extra.signal);
      const out = output(row.kind, parsed.value.input, result);
      return { content: [{ type: 'text', text: JSON.stringify(out) }], structuredContent: out };
    } catch (err) {
      const known = failure(err);
      if (known) return toolError(known.message, known.code, known.field);
      options.onUnexpectedError?.(err, row.kind);
      return toolError('The forecast failed unexpectedly', 'FF_ERR_INTERNAL');
    }
  });
}

/** A kind's reference page: what it answers, how to call it, an example and its schema. */
export function kindReference(row: AnyForecastKind): string {
  const json = (value: unknown) => ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
  const names = (list: readonly string[]) => list.map((n) => `\`${n}\``).join(', ');
  return [
    `# ${row.title} (\`${row.kind}\`)`,
    '',
    `${row.description[0].toUpperCase()}${row.description.slice(1)}.`,
    '',
    `- MCP tool: \`${row.kind}\``,
    `- Command line: ${names(row.cli.map((c) => `ff ${c}`))} (e.g. \`${row.cliExample}\`)`,
    `- HTTP API: ${names(row.paths.map((p) => `POST ${p}`))}`,
    row.seeded
      ? '- Random draws: the same `seed` gives the same numbers in the tool, `ff` and the API.'
      : '- No random draws: the same input always gives the same result.',
    ...(row.runsField ? [`- Number of runs: \`${row.runsField}\``] : []),
    '',
    '## Example input',
    '',
    json(row.example),
    '',
    '## Input (JSON Schema)',
    '',
    'Rules between fields (minimum below maximum, aliases) are checked on call; an error names',
    'the field.',
    '',
    json(forecastJsonSchema(row)),
    '',
  ].join('\n');
}

function registerResources(mcp: McpServer, registry: ForecastRegistry): void {
  for (const row of registry.kinds) {
    const uri = kindResourceUri(row.kind);
    mcp.registerResource(
      row.kind,
      uri,
      { title: row.title, description: row.description, mimeType: 'text/markdown' },
      () => ({ contents: [{ uri, mimeType: 'text/markdown', text: kindReference(row) }] }),
    );
  }
}

/** The walk-through an assistant follows to forecast a backlog with these tools. */
export function backlogPrompt(
  registry: ForecastRegistry,
  args: { backlog?: string; throughput?: string; deadline?: string },
): GetPromptResult {
  const known = [
    args.backlog ? `- Items left in the backlog: ${args.backlog}` : undefined,
    args.throughput ? `- Items finished per week, recent weeks: ${args.throughput}` : undefined,
    args.deadline ? `- Deadline: ${args.deadline}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const tools = registry.kinds.map((r) => `- \`${r.kind}\`: ${r.description}`);
  const text = [
    'Help me forecast my backlog with the Flow Forecaster tools (Monte Carlo forecasts from',
    'past throughput, not estimates).',
    '',
    ...(known.length > 0 ? ['What I have told you so far:', ...known, ''] : []),
    'Walk me through it, one question at a time, asking only for what is missing:',
    '1. How many items are left (a number, or a range if it may grow).',
    '2. How many items the team finished in each recent week (8 to 12 weeks is good; weeks',
    '   with zero count too). A tracker export can be turned into weekly counts with the',
    '   `history` tool.',
    '3. Whether there is a deadline or a start date, and whether I want "when will it be',
    '   done" or "how many items by a date".',
    '4. Pick the tool whose description fits, read its reference resource',
    '   (flow-forecaster://kinds/<tool>) for the exact fields, and call it.',
    '5. Answer with the 50%, 85% and 95% figures, say what any `warningCodes` mean for',
    '   the answer, and give the `seed` so the forecast can be reproduced with `ff` or the API.',
    '',
    'Available tools:',
    ...tools,
  ].join('\n');
  return {
    description: 'Walks through the inputs of a backlog forecast and runs it',
    messages: [{ role: 'user', content: { type: 'text', text } }],
  };
}

function registerPrompt(mcp: McpServer, registry: ForecastRegistry): void {
  mcp.registerPrompt(
    MCP_PROMPT_NAME,
    {
      title: 'Forecast my backlog',
      description: 'Walks through the inputs of a backlog forecast and runs it',
      argsSchema: {
        backlog: z.string().optional().describe('Items left (a number, or "min-max")'),
        throughput: z.string().optional().describe('Items finished per week, comma-separated'),
        deadline: z.string().optional().describe('A date, YYYY-MM-DD'),
      },
    },
    (args) => backlogPrompt(registry, args),
  );
}

/** A new MCP server offering every kind of the registry; connect it to a transport. */
export function createForecastMcpServer(options: ForecastMcpOptions): McpServer {
  const registry = options.registry ?? FORECAST_REGISTRY;
  const mcp = new McpServer(
    { name: options.name ?? 'flow-forecaster', version: options.version },
    {
      instructions:
        'Monte Carlo delivery forecasts. Each tool is one forecast kind; its reference is the resource flow-forecaster://kinds/<tool>. Results include the seed used and warningCodes.',
    },
  );
  registerTools(mcp, { ...options, registry });
  registerResources(mcp, registry);
  registerPrompt(mcp, registry);
  return mcp;
}
