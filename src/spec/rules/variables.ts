import { diagnosticAt, type SpecDiagnostic } from '../diagnostics.js';
import type { AuthSpec, CollectionSpec, ItemSpec, Origin, RequestSpec, SpecProject, VariableRef } from '../model.js';
import type { SpecSource } from '../source.js';
import { didYouMean } from '../suggest.js';
import { DYNAMIC_VARIABLES, isDynamicVariable, referenceOffset, variableNames } from '../variables.js';

/**
 * E_UNDEFINED_VARIABLE and E_CAPTURE_BEFORE_SET. A `{{name}}` resolves when it is an environment variable, a
 * collection variable, a declared runtime variable, a Postman dynamic variable (`$guid`…), or a capture of an
 * earlier request in run order. A capture that happens only later is reported as such, not as unknown.
 */
export function checkVariables(project: SpecProject): SpecDiagnostic[] {
  const environmentKeys = new Set(project.environments.flatMap((e) => e.variables.map((v) => v.key)));
  return project.collections.flatMap((collection) => checkCollection(collection, environmentKeys));
}

function checkCollection(collection: CollectionSpec, environmentKeys: ReadonlySet<string>): SpecDiagnostic[] {
  const requests = flatten(collection.items);
  const fixed = new Set([
    ...environmentKeys,
    ...collection.variables.map((v) => v.key),
    ...collection.runtimeVariables.map((v) => v.name),
  ]);
  const capturedAt = new Map<string, RequestSpec>();
  for (const request of requests)
    for (const capture of request.captures)
      if (!capturedAt.has(capture.variable)) capturedAt.set(capture.variable, request);
  const everyName = new Set([...fixed, ...capturedAt.keys()]);

  const errors: SpecDiagnostic[] = [];
  const setSoFar = new Set<string>();
  const check = (ref: VariableRef, position: number): void => {
    if (isDynamicVariable(ref.name) || fixed.has(ref.name) || setSoFar.has(ref.name)) return;
    const offset = referenceOffset(ref.origin.source, ref.origin.path, ref.name, ref.at);
    const target = { ...ref.origin, ...(ref.at ? { at: ref.at } : {}), ...(offset === undefined ? {} : { offset }) };
    const capturer = capturedAt.get(ref.name);
    if (capturer && requests.indexOf(capturer) >= position) {
      errors.push(
        diagnosticAt(
          target,
          'E_CAPTURE_BEFORE_SET',
          `\`{{${ref.name}}}\` is used before it is captured by "${capturer.path.join(' / ')}"`,
          'move this request after the one that captures it (see `order`), or give the variable a default in every ' +
            'environment',
        ),
      );
      return;
    }
    errors.push(
      diagnosticAt(
        target,
        'E_UNDEFINED_VARIABLE',
        `\`{{${ref.name}}}\` is not defined`,
        undefinedHint(ref.name, everyName),
      ),
    );
  };

  for (const ref of authRefs(collection.auth, collection.origin)) check(ref, 0);
  for (const folderRef of folderAuthRefs(collection.items))
    check(folderRef.ref, requests.indexOf(folderRef.firstRequest));
  requests.forEach((request, position) => {
    for (const ref of request.variableRefs) check(ref, position);
    for (const capture of request.captures) {
      if (capture.from.kind === 'variable')
        check(
          {
            name: capture.from.name,
            origin: { source: capture.origin.source, path: [...capture.origin.path, 'variable'] },
            sent: false,
          },
          position,
        );
    }
    for (const capture of request.captures) setSoFar.add(capture.variable);
  });
  // Checked last: a capture anywhere in the run is fine for the auto-refresh script, which runs before later requests.
  for (const ref of autoRefreshRefs(collection)) check(ref, requests.length);
  return errors;
}

function undefinedHint(name: string, known: ReadonlySet<string>): string {
  const trimmed = name.trim();
  if (trimmed !== name && (known.has(trimmed) || isDynamicVariable(trimmed))) {
    return `remove the spaces: Postman does not trim them, so {{${name}}} is sent as it is; write {{${trimmed}}}`;
  }
  if (name.startsWith('$'))
    return (
      didYouMean(name, DYNAMIC_VARIABLES) ?? "not one of Postman's dynamic variables ($guid, $timestamp, $randomInt, …)"
    );
  return (
    didYouMean(name, known) ??
    'define it in every environment, as a collection variable, in `runtimeVariables`, or capture it in an earlier ' +
      'request'
  );
}

function flatten(items: readonly ItemSpec[]): RequestSpec[] {
  return items.flatMap((item) => (item.kind === 'request' ? [item] : flatten(item.items)));
}

function authRefs(auth: AuthSpec | undefined, origin: Origin | undefined): VariableRef[] {
  if (!auth || !origin) return [];
  const fields: Record<string, unknown> =
    auth.type === 'oauth2'
      ? { ...auth.credentials }
      : auth.type === 'bearer'
        ? { token: auth.token }
        : auth.type === 'basic'
          ? { username: auth.username, password: auth.password }
          : {};
  return Object.entries(fields).flatMap(([key, value]) =>
    typeof value === 'string'
      ? variableNames(value).map((name) => ({
          name,
          origin: { source: origin.source as SpecSource, path: ['auth', 'credentials', key] },
          sent: true,
        }))
      : [],
  );
}

/**
 * autoRefresh runs before requests anywhere in the run, so its variables must be defined up front (or captured
 * somewhere).
 */
function autoRefreshRefs(collection: CollectionSpec): VariableRef[] {
  const auto = collection.autoRefresh;
  if (!auto) return [];
  const texts: [string, string][] = [
    ['tokenUrl', auto.tokenUrl],
    ['clientId', auto.clientId],
    ['clientSecret', auto.clientSecret],
  ];
  return texts.flatMap(([key, text]) =>
    variableNames(text).map((name) => ({
      name,
      origin: { source: collection.origin.source, path: ['autoRefresh', key] },
      sent: true,
    })),
  );
}

function folderAuthRefs(items: readonly ItemSpec[]): { ref: VariableRef; firstRequest: RequestSpec }[] {
  return items.flatMap((item) => {
    if (item.kind !== 'folder') return [];
    const first = flatten(item.items)[0];
    const own = first ? authRefs(item.auth, item.origin).map((ref) => ({ ref, firstRequest: first })) : [];
    return [...own, ...folderAuthRefs(item.items)];
  });
}
