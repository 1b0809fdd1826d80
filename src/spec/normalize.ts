// As-written spec files → the normalized model. Runs after the schema check and tolerates values the schema
// already rejected (it skips them), so that the semantic rules can still run on everything else in one pass. This
// file walks collections, folders and environments; normalize-request.ts and normalize-checks.ts do requests, and
// the checks of single values they need on the way live in rules/request-values.ts.
import path from 'node:path';
import type * as W from './_schema-types.js';
import type { SpecDiagnostic } from './diagnostics.js';
import type { LoadedCollection, LoadedFolder } from './load-specs.js';
import type * as M from './model.js';
import { normalizeAuth, normalizeRequest, normalizeScripts } from './normalize-request.js';
import type { SpecSource } from './source.js';
import { asObject, entries, isObject, isScalar, optionalString, orderOf, targetsOf } from './written-values.js';

/** The as-written value of each parsed file, after the schema check. */
export type ValueOf = (source: SpecSource) => unknown;

export interface NormalizeContext {
  readonly readValue: ValueOf;
  /** Referenced schema files by absolute path. */
  readonly schemaFiles: ReadonlyMap<string, SpecSource>;
  readonly cwd: string;
  readonly errors: SpecDiagnostic[];
}

export function normalizeCollection(loaded: LoadedCollection, ctx: NormalizeContext): M.CollectionSpec {
  const source = loaded.definition;
  const written = asObject(ctx.readValue(source)) as Partial<W.CollectionDefinition>;
  const variables = entries(source, ['variables'], written.variables).flatMap(([key, raw]): M.VariableSpec[] => {
    const entry = isObject(raw) ? (raw as { value?: unknown; description?: unknown }) : { value: raw };
    if (!isScalar(entry.value)) return [];
    return [
      {
        key,
        value: String(entry.value),
        ...optionalString('description', entry.description),
        origin: { source, path: ['variables', key] },
      },
    ];
  });
  const runtimeVariables = entries(source, ['runtimeVariables'], written.runtimeVariables).map(
    ([name, description]) => ({
      name,
      description: typeof description === 'string' ? description : '',
    }),
  );
  const auth = normalizeAuth(written.auth, source, ['auth']);
  const autoRefresh = normalizeAutoRefresh(written.autoRefresh);
  return {
    slug: loaded.slug,
    name: typeof written.name === 'string' ? written.name : loaded.slug,
    ...optionalString('description', written.description),
    variables,
    runtimeVariables,
    ...(auth ? { auth } : {}),
    ...(autoRefresh ? { autoRefresh } : {}),
    scripts: normalizeScripts(written.scripts),
    items: normalizeItems(loaded.root, [], ctx),
    ...targetsOf(written.targets),
    ...(written.role === 'sign-in' ? { role: written.role } : {}),
    origin: { source, path: [] },
  };
}

export function normalizeEnvironment(source: SpecSource, readValue: ValueOf): M.EnvironmentSpec {
  const written = asObject(readValue(source)) as Partial<W.EnvironmentDefinition>;
  const base = path.basename(source.file);
  const variables = entries(source, ['variables'], written.variables).map(([key, raw]): M.EnvironmentVariableSpec => {
    const entry = asObject(raw) as W.EnvironmentVariable;
    return {
      key,
      value: isScalar(entry.value) ? String(entry.value) : '',
      secret: entry.secret === true,
      valueWritten: entry.value !== undefined,
      ...(Array.isArray(entry.sendTo)
        ? { sendTo: entry.sendTo.filter((b): b is string => typeof b === 'string') }
        : {}),
      ...optionalString('description', entry.description),
      origin: { source, path: ['variables', key] },
    };
  });
  return {
    slug: base.endsWith('.environment.yaml') ? base.slice(0, -'.environment.yaml'.length) : base,
    name: typeof written.name === 'string' ? written.name : base,
    ...optionalString('description', written.description),
    variables,
    ...optionalString('target', written.target),
    standin: written.standin === true,
    servers: Array.isArray(written.servers) ? written.servers.filter((s): s is string => typeof s === 'string') : [],
    secrets: processVariables(source, 'secrets', written.secrets),
    overrides: processVariables(source, 'overrides', written.overrides),
    origin: { source, path: [] },
  };
}

function normalizeItems(folder: LoadedFolder, parentPath: readonly string[], ctx: NormalizeContext): M.ItemSpec[] {
  const items: { order: number; item: M.ItemSpec }[] = [];
  for (const child of folder.folders) {
    const written = child.definition ? (asObject(ctx.readValue(child.definition)) as Partial<W.FolderDefinition>) : {};
    const itemPath = [...parentPath, child.name];
    const auth = child.definition ? normalizeAuth(written.auth, child.definition, ['auth']) : undefined;
    items.push({
      order: orderOf(written.order),
      item: {
        kind: 'folder',
        name: child.name,
        path: itemPath,
        ...optionalString('description', written.description),
        ...(auth ? { auth } : {}),
        scripts: normalizeScripts(written.scripts),
        items: normalizeItems(child, itemPath, ctx),
        ...targetsOf(written.targets),
        ...(written.role === 'code-exchange' || written.role === 'spends-sign-in' ? { role: written.role } : {}),
        ...(child.definition ? { origin: { source: child.definition, path: [] } } : {}),
        dir: path.relative(ctx.cwd, child.dir).split(path.sep).join('/'),
      },
    });
  }
  for (const request of folder.requests) {
    const written = asObject(ctx.readValue(request.source)) as Partial<W.RequestDefinition>;
    items.push({
      order: orderOf(written.order),
      item: normalizeRequest(request.name, [...parentPath, request.name], request.source, written, ctx),
    });
  }
  // Run order: ascending `order`; unordered items last; ties broken by name so the result never depends on the disk.
  items.sort((a, b) => a.order - b.order || (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0));
  return items.map((entry) => entry.item);
}

function normalizeAutoRefresh(raw: unknown): M.AutoRefreshSpec | undefined {
  if (!isObject(raw)) return undefined;
  const written = raw as Partial<W.AutoRefresh>;
  const names = asObject(written.variables) as NonNullable<W.AutoRefresh['variables']>;
  return {
    tokenUrl: written.tokenUrl ?? '',
    clientId: written.clientId ?? '',
    clientSecret: written.clientSecret ?? '',
    clientAuthentication: written.clientAuthentication ?? 'body',
    leewaySeconds: written.leewaySeconds ?? 60,
    variables: {
      accessToken: names.accessToken ?? 'access_token',
      refreshToken: names.refreshToken ?? 'refresh_token',
      expiresAt: names.expiresAt ?? 'access_token_expires_at',
      previousRefreshToken: names.previousRefreshToken ?? 'previous_refresh_token',
    },
  };
}

function processVariables(source: SpecSource, key: 'secrets' | 'overrides', value: unknown): M.ProcessVariableSpec[] {
  return Object.entries(asObject(value)).flatMap(([variable, processVariable]) =>
    typeof processVariable === 'string'
      ? [{ variable, processVariable, origin: { source, path: [key, variable] } }]
      : [],
  );
}
