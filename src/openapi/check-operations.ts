// Checks across a document's operations, located where the schema check cannot point: a path key that is not a
// path template, an `operationId` used twice (mvpm matches requests to operations by it), a `{name}` in a path
// with no `in: path` parameter of that name, a path parameter the path has no `{name}` for, and a path parameter
// that is not `required: true` (a path cannot leave a segment out).
import type { OpenApiProblem, ProblemList } from './openapi-error.js';
import { METHODS } from './operations.js';
import { type DocumentFiles, isObject, type Place, refOf } from './refs.js';
import type { OpenApiVersion } from './types.js';

const METHOD_SET = new Set<string>(METHODS);

/**
 * Adds a problem for each finding; returns the places found wrong (a parameter, an operation, a path), so that the
 * schema check does not report them again in its own words.
 */
export function checkOperations(files: DocumentFiles, _version: OpenApiVersion, problems: ProblemList): Place[] {
  const flagged: Place[] = [];
  const flag = (place: Place, problem: OpenApiProblem): void => {
    problems.add(problem);
    flagged.push(place);
  };
  const root = files.root;
  const doc = root.value as Record<string, unknown>;
  if (!isObject(doc.paths)) return flagged;
  const operationIds = new Map<string, Place>();
  const at = (place: Place, ...more: string[]): Place => ({
    file: place.file,
    segments: [...place.segments, ...more],
  });
  const deref = (place: Place, value: unknown): { place: Place; value: Record<string, unknown> } | undefined => {
    const ref = refOf(value);
    const resolved = ref === undefined ? { ...place, value } : files.follow(place, ref);
    return resolved && isObject(resolved.value)
      ? { place: { file: resolved.file, segments: resolved.segments }, value: resolved.value }
      : undefined;
  };
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    if (path.startsWith('x-')) continue;
    const itemPlace: Place = { file: root.file, segments: ['paths', path] };
    const template = templateNames(path);
    const quotedPath = JSON.stringify(path);
    if (!path.startsWith('/') || template === undefined) {
      flag(itemPlace, {
        code: 'E_OPENAPI_OPERATION',
        message: !path.startsWith('/')
          ? 'a path must start with `/`'
          : 'this path has an unbalanced `{` or `}`, or an empty `{}`',
        location: files.locate(itemPlace),
        hint: 'write paths like `/assets/{assetId}/renditions`',
      });
      continue;
    }
    const item = deref(itemPlace, rawItem);
    if (!item) continue;
    const pathParameters = Array.isArray(item.value.parameters) ? item.value.parameters : [];
    for (const [method, operation] of Object.entries(item.value)) {
      if (!METHOD_SET.has(method) || !isObject(operation)) continue;
      const opPlace = at(item.place, method);
      if (typeof operation.operationId === 'string') {
        const first = operationIds.get(operation.operationId);
        if (first)
          problems.add({
            code: 'E_OPENAPI_OPERATION',
            message:
              `the operationId ${JSON.stringify(operation.operationId)} is used twice; the first is at ` +
              `#${pointer(first)}`,
            location: files.locate(at(opPlace, 'operationId')),
            hint: 'give every operation its own operationId: mvpm matches requests to operations by it',
          });
        else operationIds.set(operation.operationId, opPlace);
      }
      const declared = new Map<string, { place: Place; value: Record<string, unknown> }>();
      const opParameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      const all = [
        ...pathParameters.map((p, i) => deref(at(item.place, 'parameters', String(i)), p)),
        ...opParameters.map((p, i) => deref(at(opPlace, 'parameters', String(i)), p)),
      ];
      for (const p of all) if (p && p.value.in === 'path') declared.set(String(p.value.name), p);
      for (const name of template)
        if (!declared.has(name))
          flag(opPlace, {
            code: 'E_OPENAPI_OPERATION',
            message:
              `the path has \`{${name}}\`, but this operation has no \`in: path\` parameter named ` +
              JSON.stringify(name),
            location: files.locate(opPlace),
            hint:
              'declare it under `parameters` (of the path or the operation): ' +
              `\`{name: ${name}, in: path, required: true}\``,
          });
      for (const [name, p] of declared) {
        if (!template.includes(name))
          flag(p.place, {
            code: 'E_OPENAPI_OPERATION',
            message: `the path parameter ${JSON.stringify(name)} has no \`{${name}}\` in the path ${quotedPath}`,
            location: files.locate(at(p.place, 'name')),
            hint: 'add it to the path, or make it a query or header parameter',
          });
        else if (p.value.required !== true)
          flag(p.place, {
            code: 'E_OPENAPI_OPERATION',
            message: `the path parameter ${JSON.stringify(name)} is not \`required: true\`; a path parameter always is`,
            location: files.locate(Object.hasOwn(p.value, 'required') ? at(p.place, 'required') : p.place),
            hint: 'write `required: true`',
          });
      }
    }
  }
  return flagged;
}

/** The `{name}`s of a path template, in order; undefined when its braces do not pair up. */
export function templateNames(path: string): string[] | undefined {
  const names: string[] = [];
  const re = /\{([^{}]*)\}|[{}]/g;
  for (const match of path.matchAll(re)) {
    if (match[1] === undefined || match[1] === '') return undefined;
    names.push(match[1]);
  }
  return names;
}

function pointer(place: Place): string {
  return place.segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
