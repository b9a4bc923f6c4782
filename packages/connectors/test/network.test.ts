/**
 * A server's syncs stay off its own network: addresses are classified with ipaddr.js, the
 * tracker's URL is checked before the first request, and every socket each tracker's client
 * opens (four HTTP stacks: axios, typed-rest-client, Octokit's fetch, Linear's fetch) resolves
 * through the guard, so a name that turns private after the check (DNS rebinding) is refused
 * when it connects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { ConnectorError, pull } from '../src/index.js';
import type { PullRequest } from '../src/index.js';
import { assertPublicUrl, createNetworkGuard, isPublicAddress } from '../src/network.js';
import type { Resolve } from '../src/network.js';
import { startFixtureServer } from './fixture-server.js';
import type { FixtureHandler, FixtureServer } from './fixture-server.js';
import { adoHandlers } from './fixtures/ado.js';
import { githubHandlers } from './fixtures/github.js';
import { jiraHandlers } from './fixtures/jira.js';
import { linearHandlers } from './fixtures/linear.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.8',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '192.0.2.10',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '2002:7f00:1::1',
    '64:ff9b::7f00:1',
    '2001:db8::1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('assertPublicUrl', () => {
  it.each([
    'http://127.0.0.1:8080/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
    'http://0x7f000001/',
    'http://127.1/',
    'http://[::1]:8080/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:3000/',
  ])('refuses %s', async (url) => {
    const err = await assertPublicUrl(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).code).toBe('blocked');
  });

  it('refuses a name when any of its addresses is private', async () => {
    const resolve: Resolve = (_host, cb) =>
      cb(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ]);
    await expect(assertPublicUrl('https://tracker.test/', resolve)).rejects.toMatchObject({
      code: 'blocked',
      message: expect.stringContaining('10.1.2.3'),
    });
  });

  it('allows public addresses', async () => {
    await expect(assertPublicUrl('https://8.8.8.8/')).resolves.toBeUndefined();
    const resolve: Resolve = (_host, cb) => cb(null, [{ address: '93.184.216.34', family: 4 }]);
    await expect(assertPublicUrl('https://tracker.test/', resolve)).resolves.toBeUndefined();
  });
});

describe('the node:http and node:https agents of a guard', () => {
  // A literal address needs no lookup, so only the agents' own check stands in its way.
  it.each(['http', 'https'] as const)('%s refuses a literal loopback address', async (scheme) => {
    const network = createNetworkGuard();
    try {
      const agent = scheme === 'http' ? network.httpAgent : network.httpsAgent;
      const get = scheme === 'http' ? http.get : https.get;
      const err = await new Promise<unknown>((resolve) => {
        try {
          get({ host: '127.0.0.1', port: 9, agent }, () => resolve(undefined)).on('error', resolve);
        } catch (e) {
          resolve(e);
        }
      });
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).code).toBe('blocked');
    } finally {
      await network.close();
    }
  });
});

interface Case {
  tracker: PullRequest['tracker'];
  handlers: () => FixtureHandler[];
  request: (url: string) => PullRequest;
}

const noWait = { sleep: async () => {} };
const CASES: Case[] = [
  {
    tracker: 'jira',
    handlers: () => jiraHandlers(),
    request: (url) => ({
      tracker: 'jira',
      options: {
        url,
        jql: 'project = PAY ORDER BY created',
        email: 'coach@acme.test',
        apiToken: 'secret-token',
        retry: noWait,
      },
    }),
  },
  {
    tracker: 'ado',
    handlers: () => adoHandlers(),
    request: (url) => ({
      tracker: 'ado',
      options: {
        org: `${url}/acme`,
        project: 'Pay',
        wiql: "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Pay' ORDER BY [System.Id]",
        pat: 'ado-secret',
        retry: noWait,
      },
    }),
  },
  {
    tracker: 'github',
    handlers: () => githubHandlers(),
    request: (url) => ({
      tracker: 'github',
      options: { repo: 'acme/pay', token: 'gh-secret', apiUrl: url, retry: noWait },
    }),
  },
  {
    tracker: 'linear',
    handlers: () => linearHandlers(),
    request: (url) => ({
      tracker: 'linear',
      options: { team: 'PAY', apiKey: 'lin_api_secret', apiUrl: `${url}/graphql`, retry: noWait },
    }),
  },
];

/**
 * A name whose answers the test controls, standing for a public tracker: `tracker.test`, or
 * `localhost` for Linear, whose SDK refuses plain http anywhere else (the guard resolves it
 * all the same, through the test's resolver).
 */
function named(server: FixtureServer, tracker: string): string {
  return server.url.replace('127.0.0.1', tracker === 'linear' ? 'localhost' : 'tracker.test');
}

function withNetwork(request: PullRequest, network: ReturnType<typeof createNetworkGuard>) {
  return { ...request, options: { ...request.options, network } } as PullRequest;
}

describe.each(CASES)('$tracker connector with publicOnly', ({ tracker, handlers, request }) => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('refuses a tracker on loopback before sending anything', async () => {
    server = await startFixtureServer(handlers());
    const req = request(server.url);
    const err = await pull({ ...req, options: { ...req.options, publicOnly: true } } as PullRequest)
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).code).toBe('blocked');
    expect(server.requests).toHaveLength(0);
  });

  it('opens every connection through the guard (a name only the guard can resolve works)', async () => {
    server = await startFixtureServer(handlers());
    const resolve: Resolve = (host, cb) =>
      host === 'tracker.test' || host === 'localhost'
        ? cb(null, [{ address: '127.0.0.1', family: 4 }])
        : cb(Object.assign(new Error(`unknown ${host}`), { code: 'ENOTFOUND' }), []);
    const network = createNetworkGuard({ resolve, allow: () => true });
    try {
      const result = await pull(withNetwork(request(named(server, tracker)), network));
      expect(result.items.length).toBeGreaterThan(0);
      expect(server.requests.length).toBeGreaterThan(0);
    } finally {
      await network.close();
    }
  });

  it('refuses at connect time a name that turned private after the check (DNS rebinding)', async () => {
    server = await startFixtureServer(handlers());
    let calls = 0;
    const answers: LookupAddress[][] = [[{ address: '93.184.216.34', family: 4 }]];
    const resolve: Resolve = (_host, cb) =>
      cb(null, answers[calls++] ?? [{ address: '127.0.0.1', family: 4 }]);
    const network = createNetworkGuard({ resolve });
    try {
      const url = named(server, tracker);
      await expect(network.check(url)).resolves.toBeUndefined();
      const err = await pull(withNetwork(request(url), network))
        .then(() => undefined)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).code).toBe('blocked');
      expect((err as ConnectorError).message).toContain('127.0.0.1');
      expect(server.requests).toHaveLength(0);
    } finally {
      await network.close();
    }
  });
});
