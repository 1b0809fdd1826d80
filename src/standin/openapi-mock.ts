// The stand-in answers every operation of the OpenAPI documents it was given (StandinOptions.openApi): access checked
// as the operation's `security` requires (an API-key header → a subscription key, OAuth 2.0 / OpenID Connect / HTTP
// bearer → a bearer token the stand-in issued, in MediaValet's order: key first), then the request checked against
// the operation (400 listing what is wrong), then the operation's deterministic answer (openapi-answer.ts).
// Documents are checked and answers computed when the stand-in starts, so a request does no more than match,
// validate and send.

import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import type {
  OpenApiDocument,
  OpenApiWarning,
  Operation,
  SecurityRequirement,
  SourceLocation,
} from '../openapi/types.js';
import { createDocumentValidator, type DocumentValidator } from '../openapi/validate.js';
import { type AccessDenied, checkBearerToken, checkSubscriptionKey } from './api-access.js';
import { readBody } from './http.js';
import { brokenAnswer, type MockAnswer, mockAnswer } from './openapi-answer.js';
import { checkRequest } from './openapi-request.js';
import { compareSpecificity, matchTemplate, parseTemplate, type RouteTemplate, specificity } from './openapi-routes.js';
import type { ResolvedStandinOptions } from './options.js';

/** One mocked operation, as `mvpm serve` lists them. */
export interface MockedOperation {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /** The document's file, relative to the project. */
  readonly file: string;
}

interface Route {
  readonly operation: Operation;
  readonly document: OpenApiDocument;
  readonly validator: DocumentValidator;
  readonly template: RouteTemplate;
  readonly specificity: readonly number[];
  readonly answer: MockAnswer;
  broken?: MockAnswer | null;
}

export interface MockMatch {
  readonly route: Route;
  readonly pathParams: Readonly<Record<string, string>>;
}

export interface OpenApiMock {
  readonly operations: readonly MockedOperation[];
  /** Patterns not enforced, answers that could not be made valid: reported once, at start-up. */
  readonly warnings: readonly OpenApiWarning[];
  /** The operation a request is for: the most specific template matching its path, with its method. */
  find(method: string, pathname: string): MockMatch | undefined;
  /** The operation's answer to the request (or why not); `breakSchema` from an armed schema-break fault. */
  answer(match: MockMatch, req: IncomingMessage, url: URL, breakSchema: boolean): Promise<MockAnswer>;
}

/** The server URL's path (`/v1` of `https://api.example.com/v1`), which requests may or may not carry. */
function basePaths(document: OpenApiDocument): string[] {
  const paths = new Set<string>();
  for (const server of document.servers) {
    try {
      const base = new URL(server.url, 'http://localhost').pathname.replace(/\/+$/, '');
      if (base !== '') paths.add(base);
    } catch {
      // A server URL that is no URL gives no base path.
    }
  }
  return [...paths];
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): MockAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

const denied = (d: AccessDenied): MockAnswer => json(d.status, d.body, { ...d.headers });

/** Paths the stand-in serves itself (the authorization server, discovery, sign-in pages): never mocked. */
export function isStandinOwnPath(path: string): boolean {
  const lower = path.toLowerCase();
  return ['/connect/', '/.well-known/', '/interaction/'].some((prefix) => lower.startsWith(prefix));
}

export function createOpenApiMock(
  documents: readonly OpenApiDocument[],
  provider: Provider,
  options: ResolvedStandinOptions,
): OpenApiMock {
  const routes: Route[] = [];
  const warnings: OpenApiWarning[] = [];
  const bases = new Map<OpenApiDocument, string[]>();
  for (const document of documents) {
    const validator = createDocumentValidator(document.schemas);
    bases.set(document, basePaths(document));
    for (const operation of document.operations) {
      // Only a warning needs a position: finding one parses the document's YAML tree, which the fast path skipped.
      const locationOf = (): { location?: SourceLocation } => {
        const location = document.locate(operation.pointer);
        return location ? { location } : {};
      };
      if (isStandinOwnPath(operation.path)) {
        warnings.push({
          code: 'W_OPENAPI_MOCK',
          message: `${operation.key}: ${operation.path} is the stand-in's own path; not mocked`,
          ...locationOf(),
        });
        continue;
      }
      const template = parseTemplate(operation.path);
      const route: Route = {
        operation,
        document,
        validator,
        template,
        specificity: specificity(template),
        answer: mockAnswer(operation, document),
      };
      // Compile every schema now: unsafe patterns are reported at start-up, and the first request is not slow.
      for (const parameter of operation.parameters) if (parameter.schema) validator.validate(parameter.schema, null);
      for (const media of operation.requestBody?.content ?? [])
        if (media.schema) validator.validate(media.schema, null);
      if (route.answer.schema !== undefined && validator.validate(route.answer.schema, route.answer.value).length > 0)
        warnings.push({
          code: 'W_OPENAPI_MOCK',
          message:
            `${operation.key}: the mocked answer does not match its response schema ` +
            '(its example does not, or no sample could be made that does)',
          ...locationOf(),
        });
      routes.push(route);
    }
    warnings.push(...validator.warnings);
  }

  const checkAccess = async (
    security: readonly SecurityRequirement[],
    document: OpenApiDocument,
    req: IncomingMessage,
    url: URL,
  ): Promise<MockAnswer | undefined> => {
    if (security.length === 0 || security.some((requirement) => requirement.size === 0)) return undefined;
    let first: MockAnswer | undefined;
    for (const requirement of security) {
      const refusal = await checkRequirement(requirement, document, req, url);
      if (refusal === undefined) return undefined;
      first ??= refusal;
    }
    return first;
  };

  const checkRequirement = async (
    requirement: SecurityRequirement,
    document: OpenApiDocument,
    req: IncomingMessage,
    url: URL,
  ): Promise<MockAnswer | undefined> => {
    const schemes = [...requirement.keys()].map((name) => document.securitySchemes.get(name));
    // MediaValet's order: the gateway's key before the token.
    for (const scheme of schemes)
      if (scheme?.type === 'apiKey' && scheme.in !== 'cookie') {
        const refusal = checkSubscriptionKey(req, url.searchParams, options.subscriptionKeys, scheme);
        if (refusal) return denied(refusal);
      }
    const needsBearer = schemes.some(
      (s) =>
        s?.type === 'oauth2' ||
        s?.type === 'openIdConnect' ||
        (s?.type === 'http' && s.scheme.toLowerCase() === 'bearer'),
    );
    if (needsBearer) {
      const bearer = await checkBearerToken(req, provider);
      if ('status' in bearer) return denied(bearer);
      if (bearer.accountId !== options.user.sub)
        return json(401, { error: 'invalid_token', error_description: 'unknown account' });
    }
    return undefined;
  };

  return {
    operations: routes.map(({ operation, document }) => ({
      key: operation.key,
      method: operation.method,
      path: operation.path,
      file: document.file,
    })),
    warnings,
    find(method, pathname) {
      let best: MockMatch | undefined;
      for (const route of routes) {
        if (route.operation.method !== method) continue;
        const candidates = [pathname];
        for (const base of bases.get(route.document) ?? [])
          if (pathname.startsWith(`${base}/`)) candidates.push(pathname.slice(base.length));
        for (const candidate of candidates) {
          const pathParams = matchTemplate(route.template, candidate);
          if (pathParams && (!best || compareSpecificity(route.specificity, best.route.specificity) < 0))
            best = { route, pathParams };
        }
      }
      return best;
    },
    async answer({ route, pathParams }, req, url, breakSchema) {
      const { operation, document, validator } = route;
      const refusal = await checkAccess(operation.security ?? document.security, document, req, url);
      if (refusal) return refusal;
      const body = operation.requestBody || req.headers['content-length'] ? await readBody(req) : '';
      const problems = checkRequest(operation, document, validator, { req, query: url.searchParams, pathParams, body });
      if (problems.length > 0)
        return json(400, {
          statusCode: 400,
          message: `The request does not match operation ${operation.key} (${operation.method} ${operation.path}).`,
          errors: problems,
        });
      if (!breakSchema) return route.answer;
      if (route.broken === undefined) route.broken = brokenAnswer(route.answer, validator) ?? null;
      return route.broken ?? route.answer;
    },
  };
}
