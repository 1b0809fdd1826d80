import { diagnosticAt, type DiagnosticTarget, type SpecDiagnostic } from '../diagnostics.js';
import type {
  AuthSpec,
  CollectionSpec,
  EnvironmentSpec,
  EnvironmentVariableSpec,
  ItemSpec,
  Origin,
  RequestSpec,
  SpecProject,
} from '../model.js';
import { didYouMean } from '../suggest.js';
import {
  expandLeadingVariable,
  isDynamicVariable,
  leadingVariable,
  mayHoldVariables,
  referenceOffset,
  startsLikeVariable,
  variableNames,
  variableReference,
} from '../variables.js';

/**
 * E_SECRET_DESTINATION and E_SEND_TO: a secret goes only to the hosts its environment names for it.
 *
 * An environment variable is *guarded* in that environment when it is `secret: true` or has `sendTo`. `sendTo`
 * lists base URL variables of the same environment (E_SEND_TO when one is unknown, secret, or holds something other
 * than a plain http(s) base URL, and when a secret that requests send has no `sendTo`). An empty value is filled
 * in at run time (`mvpm run` sets the stand-in's address): the check is on the variable, which no capture may set. A
 * guarded variable may be sent only to a URL that is `{{base}}` or starts with `{{base}}/`, `{{base}}?` or `{{base}}#`
 * for a base in its `sendTo`; anything else (a literal host, another variable, `{{base}}.evil.example`) is
 * E_SECRET_DESTINATION, at the use.
 *
 * Where a value is sent: a request's URL, query, headers, body and own auth go to its URL; a folder's or the
 * collection's bearer or basic auth, and OAuth 2.0's `accessToken`, to the URL of every request that inherits
 * it; the other OAuth 2.0 fields to the endpoints Postman sends them to (`clientSecret` to the token URLs,
 * `state` to the authorization URL, …), and `autoRefresh`'s client and refresh token to its `tokenUrl`.
 * A variable that holds a copy of a guarded one (a capture `{ variable: … }`, or a collection or environment
 * variable whose value is `{{…}}` of it) is guarded as the original is, and capturing into a variable named in a
 * `sendTo` is refused, since the response would then choose the host. Raw `scripts` are code a reviewer reads;
 * they are not analysed.
 */
export function checkSecretDestinations(project: SpecProject): SpecDiagnostic[] {
  const errors: SpecDiagnostic[] = [];
  for (const environment of project.environments) errors.push(...checkDeclarations(environment));
  const missingReported = new Set<EnvironmentVariableSpec>();
  for (const collection of project.collections)
    errors.push(...checkCollection(collection, project.environments, missingReported));
  return errors;
}

/** One constraint on a variable in one environment: the guarded variable it is (or copies) and its sendTo. */
interface Guard {
  readonly environment: EnvironmentSpec;
  readonly variable: EnvironmentVariableSpec;
}

/** Where a use sends its value: a URL as written, and how to say it. */
interface Destination {
  readonly url: string;
  /** ` with "Folder / Request"`, for auth a request inherits. */
  readonly request?: string;
  /** `` `auth.credentials.accessTokenUrl` ``, for a URL written in an auth field. */
  readonly field?: string;
}

/** A place that sends a variable's value somewhere. */
interface Use {
  readonly name: string;
  /** How the message names it: `` `{{ClientSecret}}` ``. */
  readonly shown: string;
  /** Where it is written; computed only for a diagnostic, since it parses the file's tree again. */
  readonly target: () => DiagnosticTarget;
  readonly destinations: readonly Destination[];
}

/** OAuth 2.0 fields and the endpoints Postman sends them to; `requests`: every request that inherits the auth. */
const OAUTH2_SENT_TO: Readonly<
  Record<string, readonly ('authUrl' | 'accessTokenUrl' | 'refreshTokenUrl' | 'requests')[]>
> = {
  authUrl: ['authUrl'],
  accessTokenUrl: ['accessTokenUrl'],
  refreshTokenUrl: ['refreshTokenUrl'],
  clientId: ['authUrl', 'accessTokenUrl', 'refreshTokenUrl'],
  clientSecret: ['accessTokenUrl', 'refreshTokenUrl'],
  scope: ['authUrl', 'accessTokenUrl', 'refreshTokenUrl'],
  state: ['authUrl'],
  redirect_uri: ['authUrl', 'accessTokenUrl'],
  code_verifier: ['accessTokenUrl'],
  username: ['accessTokenUrl'],
  password: ['accessTokenUrl'],
  accessToken: ['requests'],
  headerPrefix: ['requests'],
};

function checkDeclarations(environment: EnvironmentSpec): SpecDiagnostic[] {
  const errors: SpecDiagnostic[] = [];
  const byKey = new Map(environment.variables.map((v) => [v.key, v]));
  for (const variable of environment.variables) {
    (variable.sendTo ?? []).forEach((base, i) => {
      const target = { source: variable.origin.source, path: [...variable.origin.path, 'sendTo', i] };
      const named = byKey.get(base);
      const problem =
        named === undefined
          ? `which environment "${environment.name}" does not define`
          : named.secret
            ? 'which is secret: its value is not in the spec, so where it points cannot be checked'
            : named.value !== '' && !isBaseUrl(named.value)
              ? `whose value \`${named.value}\` is not a base URL`
              : undefined;
      if (problem === undefined) return;
      const hint =
        named === undefined
          ? (didYouMean(
              base,
              environment.variables.filter((v) => !v.secret && isBaseUrl(v.value)).map((v) => v.key),
            ) ??
            'name a variable of this environment that holds a base URL, such as `apiBaseUrl: { value: ' +
              'https://api.example.com }`')
          : 'name a variable whose value is a base URL: http:// or https://, a host, an optional port and path, and ' +
            'no user name, query, fragment or {{variable}}';
      errors.push(
        diagnosticAt(target, 'E_SEND_TO', `\`sendTo\` of \`${variable.key}\` names \`${base}\`, ${problem}`, hint),
      );
    });
  }
  return errors;
}

/** A value a secret may be sent to must pin the host: a plain http(s) URL, nothing that could move it. */
function isBaseUrl(value: string): boolean {
  if (/[\s@?#\\]/.test(value) || mayHoldVariables(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function checkCollection(
  collection: CollectionSpec,
  environments: readonly EnvironmentSpec[],
  missingReported: Set<EnvironmentVariableSpec>,
): SpecDiagnostic[] {
  const errors: SpecDiagnostic[] = [];
  const requests = flatten(collection.items);
  const defined = new Set([
    ...environments.flatMap((e) => e.variables.map((v) => v.key)),
    ...collection.variables.map((v) => v.key),
    ...collection.runtimeVariables.map((v) => v.name),
    ...requests.flatMap((r) => r.captures.map((c) => c.variable)),
  ]);
  // Which variables hold a copy of which: captures and collection variables here, environment values per environment.
  const copies = new Map<string, Set<string>>();
  const addCopy = (holder: string, original: string, into = copies): void =>
    void (into.get(holder) ?? into.set(holder, new Set()).get(holder)!).add(original);
  for (const request of requests)
    for (const capture of request.captures)
      if (capture.from.kind === 'variable') addCopy(capture.variable, capture.from.name);
  for (const variable of collection.variables)
    for (const name of variableNames(variable.value)) addCopy(variable.key, name);

  const guardsIn = environments.map((environment) => {
    const own = new Map([...copies].map(([holder, originals]) => [holder, new Set(originals)]));
    for (const variable of environment.variables)
      for (const name of variableNames(variable.value)) addCopy(variable.key, name, own);
    const guarded = new Map(
      environment.variables.filter((v) => v.secret || v.sendTo !== undefined).map((v) => [v.key, v]),
    );
    // A URL led by a plain variable of this environment whose value is itself led by a base (`{{tokenUrl}}`, with
    // `tokenUrl: "{{authBaseUrl}}/connect/token"`) goes where that value goes: read through it, as Postman does.
    const plain = new Map(
      environment.variables
        .filter((v) => !v.secret && v.sendTo === undefined && leadingVariable(v.value) !== undefined)
        .map((v) => [v.key, v.value]),
    );
    const resolve = (url: string): string => expandLeadingVariable(url, (name) => plain.get(name));
    const aliases = new Set(
      [...plain.keys()].filter((key) => resolve(variableReference(key)) !== variableReference(key)),
    );
    return { environment, copies: own, guarded, resolve, aliases };
  });

  // A response must not choose where secrets go.
  for (const request of requests) {
    for (const capture of request.captures) {
      for (const { environment, guarded, aliases, resolve } of guardsIn) {
        // Capturing into a variable a destination is read through (`tokenUrl`) would move that destination too.
        const protectedBy = [...guarded.values()].find(
          (v) =>
            v.sendTo?.includes(capture.variable) ||
            (aliases.has(capture.variable) && v.sendTo?.includes(leadingVariable(resolve(`{{${capture.variable}}}`))!)),
        );
        if (!protectedBy) continue;
        errors.push(
          diagnosticAt(
            { ...capture.origin, at: 'key' },
            'E_SECRET_DESTINATION',
            `capturing into \`${capture.variable}\` would let a response choose where \`${protectedBy.key}\` is ` +
              `sent: environment "${environment.name}" sends it only to \`{{${capture.variable}}}\``,
            `capture into another variable: the base URL variables named in \`sendTo\` come from the environment only`,
          ),
        );
        break;
      }
    }
  }

  for (const use of usesIn(collection, requests)) {
    let failure: { guard: Guard; destination: Destination; copyOf?: string } | undefined;
    let failures = 0;
    for (const { environment, copies: envCopies, guarded, resolve } of guardsIn) {
      for (const { variable, copyOf } of guardsOf(use.name, envCopies, guarded)) {
        if (variable.sendTo === undefined) {
          if (!missingReported.has(variable) && use.destinations.length > 0) {
            missingReported.add(variable);
            errors.push(missingSendTo(variable, use, use.destinations[0]!, environment));
          }
          continue;
        }
        const bad = use.destinations.filter(
          (d) => checkable(d.url, defined) && !allowed(resolve(d.url), variable.sendTo!),
        );
        if (bad.length > 0 && failure === undefined) {
          failure = { guard: { environment, variable }, destination: bad[0]!, ...(copyOf ? { copyOf } : {}) };
          failures = bad.length;
        }
      }
    }
    if (failure) errors.push(wrongDestination(use, failure, failures));
  }
  return errors;
}

/** The guarded variables `name` is, or holds a copy of (through any chain of copies), in one environment. */
function guardsOf(
  name: string,
  copies: ReadonlyMap<string, ReadonlySet<string>>,
  guarded: ReadonlyMap<string, EnvironmentVariableSpec>,
): { variable: EnvironmentVariableSpec; copyOf?: string }[] {
  const out: { variable: EnvironmentVariableSpec; copyOf?: string }[] = [];
  const seen = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const variable = guarded.get(current);
    if (variable) out.push(current === name ? { variable } : { variable, copyOf: current });
    queue.push(...(copies.get(current) ?? []));
  }
  return out;
}

/** Leaves to other rules the URLs they already refuse: not absolute (E_BAD_URL), or led by an undefined variable. */
function checkable(url: string, defined: ReadonlySet<string>): boolean {
  if (!/^https?:\/\//i.test(url) && !startsLikeVariable(url)) return false;
  const lead = leadingVariable(url);
  return lead === undefined || defined.has(lead) || isDynamicVariable(lead);
}

function allowed(url: string, bases: readonly string[]): boolean {
  return bases.some(
    (base) =>
      url === variableReference(base) ||
      ['/', '?', '#'].some((next) => url.startsWith(`${variableReference(base)}${next}`)),
  );
}

function wrongDestination(
  use: Use,
  failure: { guard: Guard; destination: Destination; copyOf?: string },
  count: number,
): SpecDiagnostic {
  const { guard, destination, copyOf } = failure;
  const bases = guard.variable.sendTo!;
  const others = count > 1 ? ` (and ${count - 1} more request${count > 2 ? 's' : ''})` : '';
  const where =
    `${destination.request ? ` with ${destination.request}${others}` : ''} to ` +
    `\`${destination.url}\`${destination.field ? ` (${destination.field})` : ''}`;
  const copy = copyOf ? ` (a copy of \`${copyOf}\`)` : '';
  return diagnosticAt(
    use.target(),
    'E_SECRET_DESTINATION',
    `${use.shown}${copy} would be sent${where}: environment "${guard.environment.name}" allows ` +
      `\`${guard.variable.key}\` only to ${bases.map((b) => `\`{{${b}}}\``).join(' or ')}`,
    `send it only where the URL starts with ${bases.map((b) => `\`{{${b}}}/\``).join(' or ')}; if this host should ` +
      `receive it, add its base URL variable to \`sendTo\` of \`${guard.variable.key}\` in ` +
      `${guard.environment.origin.source.file}`,
  );
}

function missingSendTo(
  variable: EnvironmentVariableSpec,
  use: Use,
  destination: Destination,
  environment: EnvironmentSpec,
): SpecDiagnostic {
  const at = diagnosticAt(use.target(), 'E_SEND_TO', '');
  const lead = leadingVariable(destination.url);
  const base =
    lead !== undefined && environment.variables.some((v) => v.key === lead && !v.secret) ? lead : '<base URL variable>';
  return diagnosticAt(
    { ...variable.origin, at: 'key' },
    'E_SEND_TO',
    `secret \`${variable.key}\` is sent to \`${destination.url}\` (${at.file}:${at.line}:${at.column}), but ` +
      `environment "${environment.name}" does not say where it may go`,
    `add \`sendTo: [${base}]\` to \`${variable.key}\`: the base URL variables whose hosts may receive it`,
  );
}

/** Every place in the collection that sends a variable's value, with where it goes. */
function usesIn(collection: CollectionSpec, requests: readonly RequestSpec[]): Use[] {
  const uses: Use[] = [];
  const ref = (name: string, origin: Origin, destinations: readonly Destination[], at?: 'key'): Use => ({
    name,
    shown: `\`{{${name}}}\``,
    target: () => {
      const offset = referenceOffset(origin.source, origin.path, name, at);
      return { ...origin, ...(at ? { at } : {}), ...(offset === undefined ? {} : { offset }) };
    },
    destinations,
  });
  for (const request of requests) {
    for (const r of request.variableRefs) if (r.sent) uses.push(ref(r.name, r.origin, [{ url: request.url }], r.at));
  }
  // Auth written on the collection or a folder, and the requests that inherit it.
  const inheritors = new Map<AuthSpec, { origin: Origin; requests: RequestSpec[] }>();
  const walk = (items: readonly ItemSpec[], inherited: { auth: AuthSpec; origin: Origin } | undefined): void => {
    for (const item of items) {
      if (item.kind === 'folder') {
        const own =
          item.auth && item.auth.type !== 'inherit' && item.origin
            ? { auth: item.auth, origin: item.origin }
            : undefined;
        if (own && !inheritors.has(own.auth)) inheritors.set(own.auth, { origin: own.origin, requests: [] });
        walk(item.items, own ?? inherited);
      } else if ((item.auth === undefined || item.auth.type === 'inherit') && inherited) {
        inheritors.get(inherited.auth)!.requests.push(item);
      }
    }
  };
  const root = collection.auth ? { auth: collection.auth, origin: collection.origin } : undefined;
  if (root) inheritors.set(root.auth, { origin: root.origin, requests: [] });
  walk(collection.items, root);
  for (const [auth, { origin, requests: inheriting }] of inheritors) {
    const toRequests = inheriting.map((r) => ({ url: r.url, request: `"${r.path.join(' / ')}"` }));
    const fields =
      auth.type === 'bearer'
        ? { token: auth.token }
        : auth.type === 'basic'
          ? { username: auth.username, password: auth.password }
          : auth.type === 'oauth2'
            ? (auth.credentials as Record<string, unknown>)
            : {};
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value !== 'string') continue;
      const destinations =
        auth.type === 'oauth2'
          ? oauth2Destinations(field, auth.credentials as Record<string, unknown>, toRequests)
          : toRequests;
      for (const name of variableNames(value))
        uses.push(ref(name, { source: origin.source, path: ['auth', 'credentials', field] }, destinations));
    }
  }
  const auto = collection.autoRefresh;
  if (auto) {
    const token = [{ url: auto.tokenUrl, field: '`autoRefresh.tokenUrl`' }];
    for (const [field, value] of [
      ['tokenUrl', auto.tokenUrl],
      ['clientId', auto.clientId],
      ['clientSecret', auto.clientSecret],
    ] as const) {
      for (const name of variableNames(value))
        uses.push(ref(name, { source: collection.origin.source, path: ['autoRefresh', field] }, token));
    }
    const refreshToken = auto.variables.refreshToken;
    // At `variables.refreshToken` when it names the variable, otherwise (the default name) at `autoRefresh` itself.
    const written =
      (collection.origin.source.toJS() as { autoRefresh?: { variables?: { refreshToken?: unknown } } } | null)
        ?.autoRefresh?.variables?.refreshToken !== undefined;
    const target: DiagnosticTarget = written
      ? { source: collection.origin.source, path: ['autoRefresh', 'variables', 'refreshToken'] }
      : { source: collection.origin.source, path: ['autoRefresh'], at: 'key' };
    uses.push({
      name: refreshToken,
      shown: `the refresh token \`${refreshToken}\``,
      target: () => target,
      destinations: token,
    });
  }
  return uses;
}

function oauth2Destinations(
  field: string,
  credentials: Readonly<Record<string, unknown>>,
  toRequests: readonly Destination[],
): Destination[] {
  const text = (key: string): string => (typeof credentials[key] === 'string' ? (credentials[key] as string) : '');
  return (OAUTH2_SENT_TO[field] ?? []).flatMap((to): Destination[] => {
    if (to === 'requests') return [...toRequests];
    // Postman refreshes at the token URL when no refresh URL is given.
    const key = to === 'refreshTokenUrl' && text(to) === '' ? 'accessTokenUrl' : to;
    return text(key) === '' ? [] : [{ url: text(key), field: `\`auth.credentials.${key}\`` }];
  });
}

function flatten(items: readonly ItemSpec[]): RequestSpec[] {
  return items.flatMap((item) => (item.kind === 'request' ? [item] : flatten(item.items)));
}

/**
 * The `sendTo` a secret without one needs for a collection as it is: the base URL variables that lead the URLs its
 * uses go to, when they are plain base URLs of the environment. For importers, which read Postman environments
 * (that have no such field) and must write specs that build; a use that goes anywhere else still fails the build,
 * with its located error. Keyed by variable name, bases in the order first met.
 */
export function inferSendTo(collection: CollectionSpec, environment: EnvironmentSpec): Map<string, string[]> {
  const inferred = new Map<string, string[]>();
  const requests = flatten(collection.items);
  const copies = new Map<string, Set<string>>();
  const addCopy = (holder: string, original: string): void =>
    void (copies.get(holder) ?? copies.set(holder, new Set()).get(holder)!).add(original);
  for (const request of requests)
    for (const capture of request.captures)
      if (capture.from.kind === 'variable') addCopy(capture.variable, capture.from.name);
  for (const variable of [...collection.variables, ...environment.variables])
    for (const name of variableNames(variable.value)) addCopy(variable.key, name);
  const undeclared = new Map(
    environment.variables.filter((v) => v.secret && v.sendTo === undefined).map((v) => [v.key, v]),
  );
  const bases = new Set(environment.variables.filter((v) => !v.secret && isBaseUrl(v.value)).map((v) => v.key));
  // Read through a plain variable led by another (`{{tokenUrl}}` → `{{authBaseUrl}}/connect/token`), as the check does.
  const plain = new Map(
    environment.variables
      .filter((v) => !v.secret && v.sendTo === undefined && leadingVariable(v.value) !== undefined)
      .map((v) => [v.key, v.value]),
  );
  for (const use of usesIn(collection, requests)) {
    for (const { variable } of guardsOf(use.name, copies, undeclared)) {
      for (const destination of use.destinations) {
        const url = expandLeadingVariable(destination.url, (name) => plain.get(name));
        const lead = leadingVariable(url);
        const rest = lead === undefined ? '' : url.slice(variableReference(lead).length);
        if (rest !== '' && !'/?#'.includes(rest[0]!)) continue;
        if (lead === undefined || !bases.has(lead)) continue;
        const list = inferred.get(variable.key) ?? inferred.set(variable.key, []).get(variable.key)!;
        if (!list.includes(lead)) list.push(lead);
      }
    }
  }
  return inferred;
}
