// MediaValet's API (https://api.mediavalet.com), on the stand-in's own origin, answering from demo-data.ts:
//
//   GET  /users/current       the signed-in user
//   GET  /categories          categories, paged by `offset` and `count` (default 50)
//   GET  /categories/{id}     one category, 404 when unknown
//   GET  /attributes          attribute definitions
//   GET  /keywords            keywords: a bare array, not an envelope
//   POST /assets/search       JSON {search, count, offset, sort, containerfilter, includeTotalCount}
//
// Answers are MediaValet's envelope, {apiVersion, meta, recordCount, payload}. Access is checked first
// (api-access.ts): subscription key, then bearer token.

import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import { checkBearerToken, checkSubscriptionKey } from './api-access.js';
import { DEMO_ASSETS, DEMO_ATTRIBUTES, DEMO_CATEGORIES, DEMO_KEYWORDS, type DemoAsset } from './demo-data.js';
import { readBody } from './http.js';
import type { ResolvedStandinOptions, StandinUser } from './options.js';

const API_VERSION = '1.0';
const DEFAULT_COUNT = 50;

/** The routes above, as method and path: a mocked OpenAPI operation with the same route is left to them. */
const HANDWRITTEN_ROUTES: ReadonlyArray<readonly [string, RegExp]> = [
  ['GET', /^\/users\/current$/],
  ['GET', /^\/categories$/],
  ['GET', /^\/attributes$/],
  ['GET', /^\/keywords$/],
  ['POST', /^\/assets\/search$/],
  ['GET', /^\/categories\/[^/]+$/],
];

export function isHandwrittenRoute(method: string | undefined, pathname: string): boolean {
  return HANDWRITTEN_ROUTES.some(([m, path]) => m === method && path.test(pathname));
}

/** First path segments that belong to the API rather than the authorization server. */
const API_ROOTS = new Set(['users', 'categories', 'attributes', 'keywords', 'assets']);

export function isApiPath(pathname: string): boolean {
  return API_ROOTS.has(pathname.split('/')[1] ?? '');
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** A client error in API Management's shape, the only error body of MediaValet's that is known word for word. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function envelope(
  payload: unknown,
  totalRecordsFound: number,
  startingRecord: number,
  recordsReturned: number,
): Answer {
  return {
    status: 200,
    body: {
      apiVersion: API_VERSION,
      meta: {},
      recordCount: { totalRecordsFound, startingRecord, recordsReturned },
      payload,
    },
  };
}

function paged<T>(items: readonly T[], offset: number, count: number): Answer {
  const page = items.slice(offset, offset + count);
  return envelope(page, items.length, offset, page.length);
}

function wholeNumber(name: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new ApiError(400, `${name} must be a whole number of 0 or more.`);
  }
  return number;
}

function userProfile(user: StandinUser): Record<string, unknown> {
  const { sub, username, firstName, lastName, emailAddress, orgUnitId, roleId, userType, permissions } = user;
  return {
    id: sub,
    userName: username,
    firstName,
    lastName,
    emailAddress,
    orgUnitId,
    roleId,
    userType,
    permissions: [...permissions],
  };
}

/** Sort keys MediaValet's search accepts as `"<field> A|D"`; others keep the library's order (oldest first). */
const SORT_FIELDS: Readonly<Record<string, (asset: DemoAsset) => string>> = {
  'record.createdAt': (asset) => asset.record.createdAt,
  'record.modifiedAt': (asset) => asset.record.modifiedAt,
  title: (asset) => asset.title,
};

function sortAssets(assets: readonly DemoAsset[], sort: unknown): readonly DemoAsset[] {
  const match = typeof sort === 'string' ? /^\s*(\S+)(?:\s+([AD]))?\s*$/i.exec(sort) : null;
  const key = match?.[1] ? SORT_FIELDS[match[1]] : undefined;
  if (!key) return assets;
  const descending = match?.[2]?.toUpperCase() === 'D';
  return [...assets].sort((a, b) => key(a).localeCompare(key(b)) * (descending ? -1 : 1));
}

async function searchAssets(req: IncomingMessage): Promise<Answer> {
  let query: unknown;
  try {
    const text = await readBody(req);
    query = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body must be JSON.');
  }
  if (query === null || typeof query !== 'object' || Array.isArray(query))
    throw new ApiError(400, 'The request body must be a JSON object.');
  const { search, count, offset, sort } = query as Record<string, unknown>;
  if (search !== undefined && search !== null && typeof search !== 'string')
    throw new ApiError(400, 'search must be a string.');
  // `containerfilter` is accepted and not applied: the stand-in searches the whole library.
  const start = wholeNumber('offset', offset, 0);
  const size = wholeNumber('count', count, DEFAULT_COUNT);
  const needle = (search ?? '').trim().toLowerCase();
  const found = sortAssets(
    DEMO_ASSETS.filter((asset) => asset.title.toLowerCase().includes(needle)),
    sort,
  );
  const assets = found.slice(start, start + size);
  return envelope({ assets, assetCount: found.length }, found.length, start, assets.length);
}

async function route(req: IncomingMessage, url: URL, user: StandinUser): Promise<Answer> {
  const { pathname, searchParams } = url;
  const paging = (): [number, number] => [
    wholeNumber('offset', searchParams.get('offset'), 0),
    wholeNumber('count', searchParams.get('count'), DEFAULT_COUNT),
  ];
  if (req.method === 'GET' && pathname === '/users/current') return envelope(userProfile(user), 1, 0, 1);
  if (req.method === 'GET' && pathname === '/categories') return paged(DEMO_CATEGORIES, ...paging());
  if (req.method === 'GET' && pathname === '/attributes') return paged(DEMO_ATTRIBUTES, ...paging());
  if (req.method === 'GET' && pathname === '/keywords') return { status: 200, body: DEMO_KEYWORDS };
  if (req.method === 'POST' && pathname === '/assets/search') return searchAssets(req);
  const category = req.method === 'GET' ? /^\/categories\/([^/]+)$/.exec(pathname) : null;
  if (category?.[1] !== undefined) {
    const id = decodeURIComponent(category[1]);
    const found = DEMO_CATEGORIES.find((c) => c.id.toLowerCase() === id.toLowerCase());
    if (!found) throw new ApiError(404, `Category ${id} was not found.`);
    return envelope(found, 1, 0, 1);
  }
  throw new ApiError(404, 'Resource not found');
}

/** What the API answers to one request, before it is sent. */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Answers an API request; sending the answer is left to the caller, so that a fault can hold it back
 * (fault-effects.ts).
 */
export type ApiHandler = (req: IncomingMessage, url: URL) => Promise<ApiAnswer>;

export function createApiHandler(provider: Provider, options: ResolvedStandinOptions): ApiHandler {
  return async function answerApi(req, url) {
    const keyDenied = checkSubscriptionKey(req, url.searchParams, options.subscriptionKeys);
    if (keyDenied) return keyDenied;
    const bearer = await checkBearerToken(req, provider);
    if ('status' in bearer) return bearer;
    // The stand-in has one account; a token of any other subject cannot have been issued by it.
    if (bearer.accountId !== options.user.sub)
      return { status: 401, body: { error: 'invalid_token', error_description: 'unknown account' }, headers: {} };
    try {
      const answer = await route(req, url, options.user);
      return { ...answer, headers: {} };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { status: error.status, body: { statusCode: error.status, message: error.message }, headers: {} };
    }
  };
}
