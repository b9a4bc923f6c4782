/**
 * Keeps a server's tracker syncs out of its own network. A connection's URL is typed by a user,
 * so without this a sync could be pointed at the server's loopback, its private network or a
 * cloud metadata address (server-side request forgery). Every address a tracker client
 * connects to is checked when it connects, after DNS, so a name that resolves to a public
 * address when the connection is saved and to a private one at sync time (DNS rebinding) is
 * still refused, and so is a redirect to such an address.
 *
 * Loaded only when a caller asks for it (`publicOnly`): `ff pull` on a laptop may read a
 * tracker on localhost.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';
import { ConnectorError } from './errors.js';

/**
 * True only for globally routable unicast addresses: never loopback, private (RFC 1918, IPv6
 * unique local), link-local (which holds 169.254.169.254, the cloud metadata address),
 * carrier-grade NAT, multicast, unspecified, reserved or documentation ranges, nor an IPv6
 * form that embeds an IPv4 address (IPv4-mapped is judged by the IPv4 address it carries;
 * 6to4, Teredo and NAT64 are refused outright).
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  let ip = ipaddr.parse(bare);
  if (ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress()) ip = ip.toIPv4Address();
  return ip.range() === 'unicast';
}

/** A tracker address inside the server's own network, refused. */
export class BlockedAddressError extends ConnectorError {
  constructor(host: string, address: string) {
    super(
      'blocked',
      host === address
        ? `the tracker address ${address} is a private, loopback or link-local address, which this server does not connect to`
        : `the tracker host ${host} resolves to ${address}, a private, loopback or link-local address, which this server does not connect to`,
    );
    this.name = 'BlockedAddressError';
  }
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '');
}

/** How names are resolved: `dns.lookup` with `all: true`, or a stand-in (tests). */
export type Resolve = (
  hostname: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/**
 * Resolves a URL's host and refuses it unless every address is public (one private answer is
 * enough to refuse: a resolver may hand out either). The URL parser has already turned
 * decimal, octal and hexadecimal IPv4 spellings into dotted form.
 */
export async function assertPublicUrl(
  url: string,
  resolve: Resolve = systemResolve,
  allow: (address: string) => boolean = isPublicAddress,
): Promise<void> {
  const host = hostOf(url);
  if (isIP(host)) {
    if (!allow(host)) throw new BlockedAddressError(host, host);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise<LookupAddress[]>((ok, fail) =>
      resolve(host, (err, found) => (err ? fail(err) : ok(found))),
    );
  } catch (err) {
    throw new ConnectorError(
      'unreachable',
      `could not resolve ${host}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const blocked = addresses.find((a) => !allow(a.address));
  if (blocked) throw new BlockedAddressError(host, blocked.address);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for sockets: the answer is checked before the socket connects to it. */
function guardedLookup(resolve: Resolve, allow: (address: string) => boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, (err, found) => {
      if (err) return callback(err, []);
      const family = options.family === 4 || options.family === 6 ? options.family : undefined;
      const addresses = family ? found.filter((a) => a.family === family) : found;
      const blocked = found.find((a) => !allow(a.address));
      if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), []);
      if (addresses.length === 0) {
        return callback(
          Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
          [],
        );
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** A socket to an IP literal skips `lookup`, so literals are checked before connecting. */
function literalRefusal(allow: (address: string) => boolean) {
  return (host: string | null | undefined): BlockedAddressError | undefined => {
    const bare = (host ?? '').replace(/^\[|\]$/g, '');
    return isIP(bare) && !allow(bare) ? new BlockedAddressError(bare, bare) : undefined;
  };
}

type Refuse = ReturnType<typeof literalRefusal>;

/**
 * Makes `agent` (node:http's or node:https's) refuse a literal blocked address before it opens
 * the socket; both Agents open every connection through `createConnection`.
 */
function guardAgent<A extends http.Agent>(agent: A, refuse: Refuse): A {
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const refused = refuse(options.host ?? options.hostname);
    if (refused) throw refused;
    return connect(options, callback);
  };
  return agent;
}

/** What a tracker client needs to stay on public addresses, whatever HTTP stack it uses. */
export interface NetworkGuard {
  /** For clients on node:http (axios in jira.js, typed-rest-client in azure-devops-node-api). */
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
  /** For clients on fetch (Octokit): Node's fetch on the guarded dispatcher. */
  fetch: typeof globalThis.fetch;
  /**
   * Init fields that route Node's fetch through the guarded dispatcher, for clients that pass
   * their options on to fetch (Linear's GraphQL client).
   */
  fetchInit: RequestInit;
  /** Checks a URL before the first request, for a clear error instead of a socket one. */
  check(url: string): Promise<void>;
  /** Closes the sockets it kept open. */
  close(): Promise<void>;
}

export interface NetworkGuardOptions {
  /** Name resolution (default the system's); tests stand in a resolver they control. */
  resolve?: Resolve;
  /** Which addresses may be connected to (default isPublicAddress). */
  allow?: (address: string) => boolean;
}

export function createNetworkGuard(options: NetworkGuardOptions = {}): NetworkGuard {
  const resolve = options.resolve ?? systemResolve;
  const allow = options.allow ?? isPublicAddress;
  const lookup = guardedLookup(resolve, allow);
  const refuse = literalRefusal(allow);
  const connect = buildConnector({ lookup });
  const dispatcher = new Agent({
    connect: (options, callback) => {
      const refused = refuse(options.hostname);
      if (refused) {
        callback(refused, null);
        return;
      }
      connect(options, callback);
    },
  });
  // Node's fetch takes a `dispatcher` beside the standard fields; Node's bundled typings and
  // the undici package's describe the same interface as two unrelated types.
  const fetchInit = { dispatcher } as unknown as RequestInit;
  const guardedFetch: typeof globalThis.fetch = (input, init) =>
    globalThis.fetch(input, { ...init, ...fetchInit });
  const httpAgent = guardAgent(new http.Agent({ lookup }), refuse);
  const httpsAgent = guardAgent(new https.Agent({ lookup }), refuse);
  return {
    httpAgent,
    httpsAgent,
    fetch: guardedFetch,
    fetchInit,
    check: (url) => assertPublicUrl(url, resolve, allow),
    close: async () => {
      httpAgent.destroy();
      httpsAgent.destroy();
      await dispatcher.close().catch(() => undefined);
    },
  };
}
