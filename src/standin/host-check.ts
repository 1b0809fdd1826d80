// Which requests the stand-in answers: those addressed to it by one of its own names and its own port.
//
// A server on 127.0.0.1 can still be reached from any web page the person opens, through DNS rebinding: a name
// the attacker controls (evil.example) first resolves to the attacker's server, then to 127.0.0.1, and the page's
// scripts read the stand-in's answers as if they were same-origin. Those requests still say `Host: evil.example`,
// so answering only Host values that name this server closes that door — the rule of webpack-dev-server's
// `allowedHosts` and Vite's `server.allowedHosts`. It also matters to oidc-provider, which builds the URLs of its
// discovery document from the request's Host: an unchecked Host would be echoed into it.

import type { IncomingMessage } from 'node:http';

/** The loopback names a local client may use for the stand-in, whatever interface it listens on. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** The fixed answer to a request addressed to any other host. It never repeats what the request said. */
export const UNKNOWN_HOST_BODY = Object.freeze({
  statusCode: 400,
  message:
    'Misdirected request: this stand-in answers only requests addressed to 127.0.0.1, localhost or [::1] with its ' +
    'own port (Host header).',
});

export interface ListenAddress {
  /** The `host` option as given, e.g. `127.0.0.1`, `localhost`, `::1` or a name of this machine. */
  readonly configuredHost: string;
  /** The address the server listens on (IPv6 without brackets), e.g. `127.0.0.1` or `::1`. */
  readonly address: string;
  readonly port: number;
}

/** A host as it appears in a Host header: IPv6 addresses in brackets, lower case. */
function hostInHeader(host: string): string {
  const bare = host.toLowerCase();
  return bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare;
}

/**
 * Every authority (`host:port`, lower case) a request may name: the loopback names, the configured host and the
 * address listened on, each with the port listened on. The configured host is allowed because a stand-in told to
 * listen on a name or address of its own (`host: 'devbox.lan'`) is meant to be reached by that name; a wildcard
 * address (`0.0.0.0`, `::`) adds only itself, so such a stand-in still answers only the loopback names from
 * browsers — list the machine's own address as `host` to serve other machines. Port 80 may also be left out, as
 * the default port of http (RFC 9110 §4.2.1).
 */
export function allowedAuthorities({ configuredHost, address, port }: ListenAddress): ReadonlySet<string> {
  const hosts = new Set([...LOOPBACK_NAMES, hostInHeader(configuredHost), hostInHeader(address)]);
  const authorities = [...hosts].map((host) => `${host}:${port}`);
  return new Set(port === 80 ? [...authorities, ...hosts] : authorities);
}

/**
 * Whether a request is addressed to the stand-in: its Host header is one of `allowed` (the host part compared
 * without regard to case; the port exactly), and a request target in absolute form (`GET http://host:port/path`),
 * whose authority a server must use instead of Host (RFC 9112 §3.2.2) and which Koa uses for the request's URL,
 * names one of them too. A request without Host is not addressed to the stand-in.
 */
export function isAddressedToStandin(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const { host } = req.headers;
  if (host === undefined || !allowed.has(host.toLowerCase())) return false;
  const target = req.url ?? '';
  if (target.startsWith('/')) return true;
  if (!URL.canParse(target)) return false;
  const absolute = new URL(target);
  return (
    absolute.protocol === 'http:' && absolute.username === '' && absolute.password === '' && allowed.has(absolute.host)
  );
}
