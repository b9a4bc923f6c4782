/**
 * A local HTTP server that answers like a tracker's API, from fixtures in the vendor's
 * documented shape. No test reaches the internet: every connector is pointed here.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FixtureAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type FixtureHandler = (request: FixtureRequest) => FixtureAnswer | undefined;

export interface FixtureServer {
  url: string;
  requests: FixtureRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(response: ServerResponse, answer: FixtureAnswer): void {
  response.writeHead(answer.status ?? 200, {
    'content-type': 'application/json',
    ...answer.headers,
  });
  response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

/** Handlers are tried in order; the first that answers wins; nothing answering is a 404. */
export async function startFixtureServer(handlers: FixtureHandler[]): Promise<FixtureServer> {
  const requests: FixtureRequest[] = [];
  const server = createServer((incoming, response) => {
    void (async () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const request: FixtureRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: await readBody(incoming),
      };
      requests.push(request);
      for (const handler of handlers) {
        const answer = handler(request);
        if (answer) return send(response, answer);
      }
      send(response, {
        status: 404,
        body: { errorMessages: [`no fixture for ${request.method} ${request.path}`] },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
