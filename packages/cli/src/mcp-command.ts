/**
 * `ff mcp`: every forecast kind as a tool for AI assistants, over stdio (Model Context
 * Protocol). The engine runs in this process: no server, no account, no network.
 *
 * The SDK is loaded only here, when the command runs, so `ff --version` and the forecast
 * commands do not pay for it.
 */
import { Readable, Writable } from 'node:stream';
import type { ForecastRegistry } from '@flow-forecaster/schemas';
import { EXIT_OK, usageError } from './errors';
import type { CliIo } from './run';
import { VERSION } from './version';

export const MCP_HELP = `Usage: ff mcp

Serves every forecast kind as a Model Context Protocol tool over stdin/stdout, for desktop
assistants and other MCP clients: one tool per command above, the reference of each kind as a
resource and a "forecast-my-backlog" prompt. The forecasts run on this machine.

Results carry the seed used (pass "seed" to reproduce one) and warningCodes; bad input is a
tool error naming the field. Stops when stdin closes. Setup: docs/mcp.md.

Example (an assistant's config):
  { "mcpServers": { "flow-forecaster": { "command": "ff", "args": ["mcp"] } } }
`;

function readable(stream: CliIo['stdin']): Readable {
  return stream instanceof Readable ? stream : new Readable().wrap(stream);
}

function writable(sink: CliIo['stdout']): Writable {
  if (sink instanceof Writable) return sink;
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      sink.write(chunk.toString());
      done();
    },
  });
}

export async function runMcp(
  argv: readonly string[],
  io: CliIo,
  registry: ForecastRegistry,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(MCP_HELP);
    return EXIT_OK;
  }
  if (argv.length > 0) throw usageError(`unexpected argument '${argv[0]}'; ff mcp takes none`);

  const [{ createForecastMcpServer }, { StdioServerTransport }] = await Promise.all([
    import('@flow-forecaster/schemas/mcp'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
  ]);
  const stdin = readable(io.stdin);
  const server = createForecastMcpServer({
    version: VERSION,
    registry,
    // stdout is the protocol channel: anything else goes to stderr.
    onUnexpectedError: (err, kind) =>
      io.stderr.write(
        `ff mcp: ${kind} failed: ${err instanceof Error ? err.message : String(err)}\n`,
      ),
  });
  const closed = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
    server.server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport(stdin, writable(io.stdout)));
  await closed;
  await server.close();
  return EXIT_OK;
}
