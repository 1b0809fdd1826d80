// The servers a run against MediaValet sends credentials to. Their URLs come from MV_AUTH_BASE_URL and
// MV_API_BASE_URL, or from the Guide environment that `mvpm build` made from the specs (a pull request can change
// those): each must be an https URL, or http on this machine (a stand-in), with no user, query or fragment.
import { RunError } from './errors.js';

/**
 * `value` as a base URL without trailing slashes, or E_BAD_URL naming `source` (a variable, or where the value was
 * found) and what is wrong. The value itself is never repeated: it may hold a user and password.
 */
export function checkServerUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RunError(
      'E_BAD_URL',
      `${source} is not a URL: set it to the server's address, like https://login.mediavalet.com`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new RunError(
      'E_BAD_URL',
      `${source} must be an https URL (http only for this machine: localhost, 127.0.0.1, [::1]); credentials and ` +
        `tokens are sent to it`,
    );
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new RunError('E_BAD_URL', `${source} must be a plain base URL, without a user, password, query or fragment`);
  }
  return value.replace(/\/+$/, '');
}

/** Whether a URL's hostname is this machine: `localhost`, 127.0.0.0/8 or ::1. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The origin (scheme, host, port) of the token endpoint under `authBaseUrl` (any path below a base URL has the
 * base's origin): what a token state file is bound to.
 */
export function tokenEndpointOrigin(authBaseUrl: string): string {
  return new URL(authBaseUrl).origin;
}
