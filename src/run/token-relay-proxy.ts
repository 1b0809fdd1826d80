// Which proxy the token relay goes through, read from the environment the way curl and postman-request read it:
// HTTPS_PROXY (or https_proxy) for https, HTTP_PROXY (or http_proxy) for http, except for the hosts NO_PROXY names.

/** A proxy to go through: its URL (http:// only) and the header its user name and password make, if any. */
export interface ProxyChoice {
  readonly url: URL;
  readonly authorization: Readonly<Record<string, string>>;
}

/**
 * The proxy for `target`, or undefined when none applies. A proxy URL that is not `http://host[:port]` is refused
 * (Error naming the variable, never its value: it may hold a password).
 */
export function proxyFor(target: URL, env: Readonly<Record<string, string | undefined>>): ProxyChoice | undefined {
  const names = target.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy'];
  const name = names.find((n) => env[n]);
  if (!name) return undefined;
  if (bypassed(target, env['NO_PROXY'] ?? env['no_proxy'] ?? '')) return undefined;
  let url: URL;
  try {
    url = new URL(env[name]!.includes('://') ? env[name]! : `http://${env[name]}`);
  } catch {
    throw new Error(`${name} is not a URL`);
  }
  if (url.protocol !== 'http:') throw new Error(`${name}: the token relay reaches proxies over http:// only`);
  const authorization: Record<string, string> =
    url.username === ''
      ? {}
      : {
          'proxy-authorization': `Basic ${Buffer.from(
            `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
          ).toString('base64')}`,
        };
  return { url, authorization };
}

/**
 * NO_PROXY: `*`, or host names (a name matches itself and its subdomains; a leading `.` or `*.` is the same),
 * each with an optional `:port`, separated by commas or spaces.
 */
export function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const match = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase())!;
      const name = match[1]!.replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
      if (match[2] !== undefined && match[2] !== port) return false;
      return host === name || host.endsWith(`.${name}`);
    });
}
