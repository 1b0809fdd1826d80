// A refresh token the journal records as spent is never sent to a server whose sign-ins are real: a strict server
// revokes the whole sign-in when a spent token comes back. Which folders run where is declared in the specs, and
// specs come from pull requests, so this guard does not trust them: it looks at every request of a run against a
// real target just before Newman sends it, wherever the token sits (form, query, header, raw or JSON body), and
// withholds a request that carries one. Only a stand-in, whose sign-ins are throw-away, is sent spent tokens (its
// "stand-in checks folder" reuse one on purpose).

/** The protocol a withheld request is switched to: Newman refuses it ("Invalid protocol: …") before any connection. */
export const WITHHELD_PROTOCOL = 'withheld-spent-refresh-token';
const WITHHELD_VALUE = 'withheld';

interface Each<T> {
  each(iterator: (item: T) => void): void;
}
interface Field {
  key?: string | null;
  value?: unknown;
  disabled?: boolean;
}

/** The parts of a postman-collection Request the guard reads and rewrites (resolved: variables already replaced). */
export interface GuardedRequest {
  url: { protocol?: string; toString(): string };
  headers?: Each<Field>;
  body?: {
    mode?: string;
    raw?: string;
    urlencoded?: Each<Field>;
    formdata?: Each<Field>;
    graphql?: { query?: unknown; variables?: unknown };
  };
}

/**
 * Whether the request carries a token for which `isSpent` holds, anywhere in its URL, headers or body; when it
 * does, the request is rewritten so that Newman refuses to send it (its protocol becomes WITHHELD_PROTOCOL) and the
 * fields that held the token lose it. Call it from Newman's `beforeRequest` event, whose request object is the one
 * sent next.
 */
export function withholdSpentToken(request: GuardedRequest, isSpent: (token: string) => boolean): boolean {
  const carries = (text: unknown): boolean =>
    typeof text === 'string' && text !== '' && [...candidates(text)].some(isSpent);
  let found = carries(request.url.toString());
  const scrub = (list: Each<Field> | undefined): void =>
    list?.each((field) => {
      if (!carries(field.value)) return;
      found = true;
      field.value = WITHHELD_VALUE;
    });
  scrub(request.headers);
  scrub(request.body?.urlencoded);
  scrub(request.body?.formdata);
  if (request.body && carries(request.body.raw)) {
    found = true;
    request.body.raw = '';
  }
  const graphql = request.body?.graphql;
  if (graphql && (carries(graphql.query) || carries(graphql.variables))) {
    found = true;
    request.body!.graphql = {};
  }
  if (found) request.url.protocol = WITHHELD_PROTOCOL;
  return found;
}

/**
 * The strings a token could be in `text`: the text itself and URL-decoded, every value of it read as a form, every
 * string in it read as JSON, and its words (split at white space and punctuation a token does not hold), each with
 * what follows a `=` (`refresh_token=…` in a cookie or a header).
 */
export function candidates(text: string): Set<string> {
  const found = new Set<string>();
  const add = (value: string): void => {
    if (value === '') return;
    found.add(value);
    for (const form of decodings(value)) found.add(form);
  };
  add(text);
  for (const value of new URLSearchParams(text.includes('?') ? text.slice(text.indexOf('?') + 1) : text).values())
    add(value);
  try {
    collectStrings(JSON.parse(text), found);
  } catch {
    // Not JSON.
  }
  const words = new Set([text, ...decodings(text)].flatMap((source) => source.split(/[\s,;"'{}[\]()<>?&#]+/)));
  for (const word of words) {
    add(word);
    const equals = word.indexOf('=');
    if (equals > 0) add(word.slice(equals + 1));
    // A path segment: /revoke/<token>.
    for (const segment of word.split('/')) add(segment);
  }
  return found;
}

/** `text` URL-decoded, reading `+` as a space (forms) and as itself (paths, base64). */
function decodings(text: string): string[] {
  const decode = (value: string): string | undefined => {
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  };
  return [decode(text), decode(text.replace(/\+/g, ' '))].filter((v): v is string => v !== undefined && v !== text);
}

function collectStrings(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into, depth + 1);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
}
