/**
 * `/mcp`: every forecast kind as a Model Context Protocol tool over Streamable HTTP, for AI
 * assistants. The tools are the ones `ff mcp` offers (one shared module builds both); here they
 * run on the worker pool like every other forecast, behind an API token and the API's rate
 * limit (the auth and security plugins treat `/mcp` as part of the API).
 *
 * Stateless: each POST gets its own server and transport and answers with plain JSON. Nothing
 * is kept between requests, so any web node can answer any call and there are no sessions to
 * expire; a forecast tool needs neither server-sent notifications nor resumable streams.
 */
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { computeForecast } from '../services/compute-forecast';

// The SDK loads on the first call, so a server nobody asks for MCP starts without it.
const importMcp = () =>
  Promise.all([
    import('@flow-forecaster/schemas/mcp'),
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
  ]);
let modules: ReturnType<typeof importMcp> | undefined;
const loadMcp = () => (modules ??= importMcp());

const SERVER_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string })
  .version;

/** An API token, not a session cookie: assistants hold tokens, and cookies would need CSRF. */
function requireToken(request: FastifyRequest, reply: FastifyReply): void {
  if (request.user && request.authVia === 'token') return;
  // What MCP clients look for to know they must send credentials.
  reply.header('www-authenticate', 'Bearer realm="flow-forecaster"');
  throw new AppError(
    'FF_ERR_UNAUTHORIZED',
    '/mcp needs an API token: Authorization: Bearer ff_… (create one in your account or with POST /api/tokens)',
  );
}

export default async function mcpRoutes(app: FastifyInstance): Promise<void> {
  const schema = {
    tags: ['mcp'],
    summary: 'Model Context Protocol (Streamable HTTP, stateless)',
    description:
      'Every forecast kind as an MCP tool, with its reference as a resource and a "forecast-my-backlog" prompt. Needs an API token. See docs/mcp.md.',
    security: [{ bearer: [] }],
  };

  // Calls in flight on this node, by caller and JSON-RPC id. Stateless, a client's
  // `notifications/cancelled` arrives in a POST of its own, to a server that never saw the
  // call: this is how it reaches the call (when it lands on the same node).
  const inFlight = new Map<string, AbortController>();
  const callKey = (userId: string, id: unknown) => `${userId}\u0000${JSON.stringify(id)}`;

  app.post('/mcp', { schema }, async (request, reply) => {
    requireToken(request, reply);
    const userId = request.user?.id ?? '';
    const messages = (Array.isArray(request.body) ? request.body : [request.body]).filter(
      (m): m is Record<string, unknown> => typeof m === 'object' && m !== null,
    );
    for (const m of messages) {
      if (m.method !== 'notifications/cancelled') continue;
      const params = m.params as { requestId?: unknown } | undefined;
      inFlight.get(callKey(userId, params?.requestId))?.abort();
    }
    // A caller that hangs up or cancels frees the pool threads its forecast holds.
    const stop = new AbortController();
    const keys = messages
      .filter((m) => m.method === 'tools/call' && m.id !== undefined)
      .map((m) => callKey(userId, m.id));
    for (const key of keys) inFlight.set(key, stop);
    const forget = () => {
      for (const key of keys) if (inFlight.get(key) === stop) inFlight.delete(key);
    };

    const [{ createForecastMcpServer }, { StreamableHTTPServerTransport }] = await loadMcp();
    const server = createForecastMcpServer({
      version: SERVER_VERSION,
      registry: app.forecastRegistry,
      run: async (parsed, signal) => {
        try {
          return await computeForecast(app, parsed, AbortSignal.any([signal, stop.signal]));
        } catch (err) {
          // A hang-up or a cancelled call is not a failure of ours: counted, not logged.
          if (!stop.signal.aborted && !signal.aborted) throw err;
          if (app.hasDecorator('metrics')) {
            app.metrics.forecastsAbandonedTotal.inc({ kind: parsed.kind });
          }
          throw new AppError('FF_ERR_CLIENT_CLOSED');
        }
      },
      onUnexpectedError: (err, kind) => request.log.error({ err, kind }, 'MCP forecast failed'),
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) stop.abort();
      forget();
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    // The transport writes the answer itself; the body is already parsed (and size-limited).
    reply.hijack();
    try {
      await transport.handleRequest(request.raw, reply.raw, request.body);
    } finally {
      forget();
    }
  });

  // Stateless: no stream to open (GET) and no session to end (DELETE).
  const notAllowed = async (request: FastifyRequest, reply: FastifyReply) => {
    requireToken(request, reply);
    return reply
      .code(405)
      .header('allow', 'POST')
      .send({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed: this MCP endpoint is stateless.' },
        id: null,
      });
  };
  app.get('/mcp', { schema: { ...schema, hide: true } }, notAllowed);
  app.delete('/mcp', { schema: { ...schema, hide: true } }, notAllowed);
}
