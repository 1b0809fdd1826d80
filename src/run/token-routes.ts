// Every token-endpoint call of a run must go through the token relay, which journals it; the collections reach the
// relay through one variable (TOKEN_URL_VARIABLE), which the run points at it. A request, an OAuth 2.0 token URL
// or `autoRefresh.tokenUrl` that reaches the token endpoint another way (`{{authBaseUrl}}/connect/token`, a literal
// URL) would rotate a token the journal never sees: such a collection is refused before anything is sent.
// Raw `scripts` are code a reviewer reads; they are not analysed (Newman's spent-token guard still watches them).
import type { CollectionSpec } from '../spec/model.js';
import { leadingVariable, replaceVariables } from '../spec/variables.js';
import { RunError } from './errors.js';
import { collectionFile } from './targets.js';
import { TOKEN_URL_VARIABLE } from './token-relay.js';

interface JsonNode {
  name?: unknown;
  item?: unknown;
  request?: unknown;
  auth?: unknown;
}

/**
 * Throws E_TOKEN_URL_BYPASS naming every place of `files` (the generated collections of the run, and their
 * specs' `autoRefresh`) whose URL, resolved in `values` (the run's environment), is the token endpoint `tokenUrl`
 * without starting with `{{tokenUrl}}`.
 */
export function checkTokenRoutes(
  files: ReadonlyMap<CollectionSpec, object>,
  values: ReadonlyMap<string, string>,
  tokenUrl: string,
): void {
  const endpoint = endpointOf(tokenUrl);
  if (!endpoint) return;
  const found: string[] = [];
  for (const [spec, json] of files) {
    const file = collectionFile(spec);
    const check = (url: string, where: string): void => {
      if (leadingVariable(url) === TOKEN_URL_VARIABLE) return;
      if (endpointOf(resolve(url, values)) === endpoint) found.push(`${file}: ${where} (${url})`);
    };
    if (spec.autoRefresh) check(spec.autoRefresh.tokenUrl, '`autoRefresh.tokenUrl`');
    const visit = (node: JsonNode, path: readonly string[]): void => {
      const named = path.length === 0 ? 'the collection' : `"${path.join(' / ')}"`;
      for (const [field, url] of oauth2Urls(node.auth)) check(url, `${named}, auth ${field}`);
      const request = node.request as { url?: unknown; auth?: unknown } | undefined;
      if (request) {
        const url = typeof request.url === 'string' ? request.url : (request.url as { raw?: unknown })?.raw;
        if (typeof url === 'string') check(url, named);
        for (const [field, value] of oauth2Urls(request.auth)) check(value, `${named}, auth ${field}`);
      }
      if (Array.isArray(node.item))
        for (const child of node.item as JsonNode[]) visit(child, [...path, String(child.name)]);
    };
    visit(json as JsonNode, []);
  }
  if (found.length === 0) return;
  throw new RunError(
    'E_TOKEN_URL_BYPASS',
    `${found.length === 1 ? 'a request reaches' : `${found.length} requests reach`} the token endpoint ${tokenUrl} ` +
      `without \`{{${TOKEN_URL_VARIABLE}}}\`, so mvpm's token relay would not journal the tokens it rotates:\n  ` +
      `${found.join('\n  ')}\nWrite every token-endpoint URL as \`{{${TOKEN_URL_VARIABLE}}}\` (in requests, ` +
      `\`autoRefresh.tokenUrl\` and the OAuth 2.0 token URLs), define \`${TOKEN_URL_VARIABLE}\` in the ` +
      `environment (e.g. \`"{{authBaseUrl}}/connect/token"\`), and run \`mvpm build\`. Nothing was sent.`,
  );
}

/** The OAuth 2.0 token URLs of a v2.1 auth object: `[field, url]`. */
function oauth2Urls(auth: unknown): [string, string][] {
  const a = auth as { type?: unknown; oauth2?: unknown } | undefined;
  if (a?.type !== 'oauth2' || !Array.isArray(a.oauth2)) return [];
  return (a.oauth2 as { key?: unknown; value?: unknown }[]).flatMap((f) =>
    (f.key === 'accessTokenUrl' || f.key === 'refreshTokenUrl') && typeof f.value === 'string' && f.value !== ''
      ? [[String(f.key), f.value] as [string, string]]
      : [],
  );
}

/** `url` with the environment's variables replaced, as Postman does (nested values too, up to 20 levels). */
function resolve(url: string, values: ReadonlyMap<string, string>): string {
  let current = url;
  for (let i = 0; i < 20; i++) {
    const next = replaceVariables(current, (name, reference) => values.get(name) ?? reference);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** `origin + path` (no trailing slash, no query), lower-cased host, or undefined when it is not an http(s) URL. */
function endpointOf(url: string): string | undefined {
  try {
    // Postman sends a URL without a scheme over http.
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}
