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

  app.post('/mcp', { schema }, async (request, reply) => {
    requireToken(request, reply);
    const [{ createForecastMcpServer }, { StreamableHTTPServerTransport }] = await loadMcp();
    // A caller that hangs up frees the pool threads its forecast holds.
    const gone = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    const server = createForecastMcpServer({
      version: SERVER_VERSION,
      registry: app.forecastRegistry,
      run: (parsed, signal) => computeForecast(app, parsed, AbortSignal.any([signal, gone.signal])),
      onUnexpectedError: (err, kind) => request.log.error({ err, kind }, 'MCP forecast failed'),
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    reply.raw.once('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    // The transport writes the answer itself; the body is already parsed (and size-limited).
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw, request.body);
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
