// Shared by the script-safety tests: a collection model that uses every construct whose text reaches a generated
// script, with one field replaced by test input; the compiled scripts; and a structural comparison of them, parsed
// as JavaScript, against the scripts compiled from a benign input.
//
// The parser is @babel/parser (acorn is not installed; @babel/parser is, through @usebruno/converters → jscodeshift).
// Only parseScript() below knows which parser it is.
import { parse } from '@babel/parser';
import { compileCollection } from '../../src/compile/compile-collection.ts';
import { createCompileContext } from '../../src/compile/context.ts';
import type {
  AutoRefreshSpec,
  CaptureSpec,
  CollectionSpec,
  ExpectationSpec,
  FolderSpec,
  RequestSpec,
} from '../../src/spec/model.ts';
import { SpecSource } from '../../src/spec/source.ts';
import { variableNames } from '../../src/spec/variables.ts';

const CANARY = 'pm.test("CANARY", function () {}); pm.environment.set("canary", "1");';

/** Each tries to end the context it lands in (comment, string, template, regex, HTML) and run the canary. */
export const HOSTILE: readonly string[] = [
  `n/a\u2028${CANARY}//`,
  `n/a\u2029${CANARY}//`,
  `x\n${CANARY}//`,
  `x\r${CANARY}//`,
  `x\r\n${CANARY}//`,
  `x\u0085${CANARY}//`,
  `*/ ${CANARY} /*`,
  `</script><script>${CANARY}</script>`,
  `<!-- ${CANARY} -->`,
  '<!-->',
  '\\',
  `\\"); ${CANARY} ("`,
  `"); ${CANARY} ("`,
  `'); ${CANARY} ('`,
  `\`); ${CANARY} (\``,
  `\${${CANARY}}`,
  `/); ${CANARY} (/`,
  `// ${CANARY}`,
  `a\u0000b\u0000${CANARY}`,
  'lone high \ud800 surrogate',
  'lone low \udc00 surrogate',
  'reversed \udc00\ud800 pair',
  `access\u202e\u2066 ${CANARY} \u2069\u202c`,
  'bidi \u200e\u200f\u061c\u202a\u202b\u202d\u2067\u2068',
  'zero width \u200b\u200c\u200d\ufeff\u00ad and tag \u{e0041}\u{e0042}',
  'emoji 😀 family 👨‍👩‍👧 flag 🇨🇦',
  '__proto__',
  'constructor',
  `{{x}}"); ${CANARY} ("{{y}}`,
  '\\u2028 written as six characters',
  'x'.repeat(10_000),
  '',
];

/** Every text field the model takes; each test replaces one of them. */
export interface Texts {
  collectionDir: string;
  folderDir: string;
  requestFile: string;
  collectionName: string;
  folderName: string;
  requestName: string;
  bodyPathKey: string;
  bodyEquals: string;
  bodyNotEquals: string;
  bodyMatches: string;
  bodyOneOf: string;
  bodyType: string;
  headerName: string;
  headerEquals: string;
  headerMatches: string;
  contentType: string;
  schemaKey: string;
  schemaValue: string;
  schemaLabel: string;
  captureJsonInto: string;
  captureJsonPathKey: string;
  captureExpiresInto: string;
  captureExpiresPathKey: string;
  captureHeaderInto: string;
  captureHeaderName: string;
  captureHeaderRegex: string;
  captureVariableInto: string;
  captureVariableName: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  accessTokenVariable: string;
  refreshTokenVariable: string;
  expiresAtVariable: string;
  previousRefreshTokenVariable: string;
  requestHeaderValue: string;
  url: string;
  description: string;
}

export type Field = keyof Texts;

export const BENIGN: Readonly<Texts> = {
  collectionDir: 'demo',
  folderDir: 'Folder',
  requestFile: 'Ping',
  collectionName: 'Demo',
  folderName: 'Folder',
  requestName: 'Ping',
  bodyPathKey: 'name',
  bodyEquals: 'kitchen',
  bodyNotEquals: 'n/a',
  bodyMatches: '^kit',
  bodyOneOf: 'sink',
  bodyType: 'string',
  headerName: 'X-Request-Id',
  headerEquals: 'req-42',
  headerMatches: '^req-',
  contentType: 'application/json',
  schemaKey: 'name',
  schemaValue: 'the name',
  schemaLabel: 'ping.schema.json',
  captureJsonInto: 'cap_json',
  captureJsonPathKey: 'id',
  captureExpiresInto: 'cap_expires',
  captureExpiresPathKey: 'expires_in',
  captureHeaderInto: 'cap_header',
  captureHeaderName: 'Location',
  captureHeaderRegex: 'code=([^&]+)',
  captureVariableInto: 'cap_variable',
  captureVariableName: 'refresh_token',
  tokenUrl: '{{authBaseUrl}}/token',
  clientId: '{{ClientId}}',
  clientSecret: '{{ClientSecret}}',
  accessTokenVariable: 'access_token',
  refreshTokenVariable: 'refresh_token',
  expiresAtVariable: 'expires_at',
  previousRefreshTokenVariable: 'previous_refresh_token',
  requestHeaderValue: 'application/json',
  url: '{{baseUrl}}/ping',
  description: 'A request.',
};

export const FIELDS = Object.keys(BENIGN) as Field[];

/**
 * Fields whose text the compiler writes into a script. The others (names, values sent with the request,
 * descriptions) go into the collection's JSON only, and must not appear in any script.
 */
export const SCRIPT_FIELDS: ReadonlySet<Field> = new Set(
  FIELDS.filter(
    (f) => !['collectionName', 'folderName', 'requestName', 'requestHeaderValue', 'url', 'description'].includes(f),
  ),
);

/**
 * The benign text to compare `text` with: the compiler legitimately writes different code for text that holds a
 * `{{variable}}` (resolved at run time) and for the body types it tests with dedicated code.
 */
export function benignFor(field: Field, text: string): string {
  if (field === 'bodyType' && ['array', 'null', 'integer', 'object'].includes(text)) return text;
  return variableNames(text).length > 0 ? `{{${BENIGN[field]}}}` : BENIGN[field];
}

const CTX = createCompileContext();

/** The numbers that reach a script; the spec loader accepts only integers in range, the compiler takes any number. */
export interface Numbers {
  status: number;
  below: number;
  leewaySeconds: number;
}

export const BENIGN_NUMBERS: Readonly<Numbers> = { status: 200, below: 5000, leewaySeconds: 60 };

/** The model with `texts` (every field given), as the spec loader would produce it. */
export function modelWith(texts: Readonly<Texts>, numbers: Readonly<Numbers> = BENIGN_NUMBERS): CollectionSpec {
  const t = texts;
  const n = numbers;
  const projectPath = `specs/${t.collectionDir}/${t.folderDir}/${t.requestFile}.request.yaml`;
  const source = new SpecSource(projectPath, projectPath, 'request', '');
  const origin = { source, path: [] };
  // As the loader reads `$['a']['b']` (a quote or backslash escaped with a backslash), so the import side reads it back
  // the same.
  const path = (...segments: string[]): { text: string; segments: string[] } => ({
    text: `$${segments.map((s) => `['${s.replace(/[\\']/g, '\\$&')}']`).join('')}`,
    segments,
  });
  const expectations: ExpectationSpec[] = [
    { kind: 'status', codes: [n.status], origin },
    { kind: 'status', codes: [n.status, 201], origin },
    { kind: 'contentType', mediaType: t.contentType, origin },
    { kind: 'responseTime', below: n.below, origin },
    { kind: 'header', name: t.headerName, check: 'exists', expected: true, origin },
    { kind: 'header', name: t.headerName, check: 'equals', expected: t.headerEquals, origin },
    { kind: 'header', name: t.headerName, check: 'matches', expected: t.headerMatches, origin },
    { kind: 'body', jsonPath: path('payload', t.bodyPathKey), check: 'exists', expected: true, origin },
    { kind: 'body', jsonPath: path('payload', t.bodyPathKey), check: 'exists', expected: false, origin },
    { kind: 'body', jsonPath: path('payload', t.bodyPathKey), check: 'equals', expected: t.bodyEquals, origin },
    { kind: 'body', jsonPath: path('payload', t.bodyPathKey), check: 'notEquals', expected: t.bodyNotEquals, origin },
    { kind: 'body', jsonPath: path('payload', t.bodyPathKey), check: 'matches', expected: t.bodyMatches, origin },
    {
      kind: 'body',
      jsonPath: path('payload', t.bodyPathKey),
      check: 'oneOf',
      expected: [t.bodyOneOf, 'other', 3, null],
      origin,
    },
    { kind: 'body', jsonPath: path('payload', t.bodyPathKey), check: 'type', expected: t.bodyType as 'string', origin },
    { kind: 'body', jsonPath: path('payload', t.bodyPathKey), check: 'length', min: 1, max: 3, origin },
    {
      kind: 'body',
      jsonPath: path('payload', t.bodyPathKey),
      check: 'length',
      min: 2,
      max: Number.POSITIVE_INFINITY,
      origin,
    },
    {
      kind: 'schema',
      label: t.schemaLabel,
      schema: {
        type: 'object',
        required: [t.schemaKey],
        properties: { [t.schemaKey]: { type: 'string', description: t.schemaValue } },
      },
      origin,
    },
  ];
  // The loader gives captures unique names (they are keys of one YAML map); the same text in every field must too.
  const taken = new Set<string>();
  const unique = (name: string): string => {
    let out = name;
    while (taken.has(out)) out += '_';
    taken.add(out);
    return out;
  };
  const captures: CaptureSpec[] = [
    {
      variable: unique(t.captureJsonInto),
      from: { kind: 'json', jsonPath: path('payload', t.captureJsonPathKey) },
      origin,
    },
    {
      variable: unique(t.captureExpiresInto),
      from: { kind: 'expiresIn', jsonPath: path(t.captureExpiresPathKey) },
      origin,
    },
    {
      variable: unique(t.captureHeaderInto),
      from: { kind: 'header', name: t.captureHeaderName, regex: t.captureHeaderRegex },
      origin,
    },
    { variable: unique(`${t.captureHeaderInto}_whole`), from: { kind: 'header', name: t.captureHeaderName }, origin },
    { variable: unique(t.captureVariableInto), from: { kind: 'variable', name: t.captureVariableName }, origin },
  ];
  const request: RequestSpec = {
    kind: 'request',
    name: t.requestName,
    path: [t.folderName, t.requestName],
    description: t.description,
    method: 'GET',
    url: t.url,
    query: [],
    headers: [{ key: 'Accept', value: t.requestHeaderValue }],
    expectations,
    captures,
    scripts: [],
    variableRefs: [],
    readOnly: false,
    origin,
  };
  const folder: FolderSpec = {
    kind: 'folder',
    name: t.folderName,
    path: [t.folderName],
    description: t.description,
    scripts: [],
    items: [request],
    dir: t.folderDir,
  };
  const autoRefresh: AutoRefreshSpec = {
    tokenUrl: t.tokenUrl,
    clientId: t.clientId,
    clientSecret: t.clientSecret,
    clientAuthentication: 'body',
    leewaySeconds: n.leewaySeconds,
    variables: {
      accessToken: t.accessTokenVariable,
      refreshToken: t.refreshTokenVariable,
      expiresAt: t.expiresAtVariable,
      previousRefreshToken: t.previousRefreshTokenVariable,
    },
  };
  return {
    slug: t.collectionDir,
    name: t.collectionName,
    description: t.description,
    variables: [],
    runtimeVariables: [],
    autoRefresh,
    scripts: [],
    items: [folder],
    origin,
  };
}

/** One compiled script: where it is (item names and event) and its lines. */
export interface CompiledScript {
  readonly where: string;
  readonly lines: readonly string[];
}

/** Every script of a compiled collection, in document order. */
export function compiledScripts(spec: CollectionSpec): CompiledScript[] {
  const out: CompiledScript[] = [];
  const walk = (node: Record<string, unknown>, where: string): void => {
    for (const event of (node['event'] ?? []) as { listen: string; script: { exec: string[] } }[])
      out.push({ where: `${where} ${event.listen}`, lines: event.script.exec });
    for (const item of (node['item'] ?? []) as Record<string, unknown>[]) walk(item, `${where}/item`);
  };
  walk(compileCollection(spec, CTX), 'collection');
  return out;
}

/** The compiled scripts for the model with one field replaced. */
export function scriptsWith(field: Field, text: string): CompiledScript[] {
  return compiledScripts(modelWith({ ...BENIGN, [field]: text }));
}

interface Parsed {
  readonly program: unknown;
  readonly comments: readonly string[];
  /** Every string value in the program: string literals, regular expression sources, template text. */
  readonly strings: readonly string[];
}

/** Parses a script as Postman runs it (its lines joined by \n, as a classic script), or throws a SyntaxError. */
export function parseScript(lines: readonly string[]): Parsed {
  const file = parse(lines.join('\n'), { sourceType: 'script', attachComment: false, errorRecovery: false });
  const strings: string[] = [];
  const program = shape(file.program, strings);
  return { program, comments: (file.comments ?? []).map((c) => c.value), strings };
}

const POSITION_KEYS = new Set([
  'start',
  'end',
  'loc',
  'range',
  'extra',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'errors',
]);

/**
 * The syntax tree with every literal value replaced by a placeholder and positions dropped: two scripts have the
 * same shape when they differ only in the values of their literals. String values are collected into `strings`.
 */
function shape(node: unknown, strings: string[]): unknown {
  if (Array.isArray(node)) return node.map((n) => shape(n, strings));
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  switch (n['type']) {
    case 'StringLiteral':
      strings.push(n['value'] as string);
      return { type: 'Literal' };
    case 'NumericLiteral':
    case 'NullLiteral':
    case 'BooleanLiteral':
      return { type: 'Literal' };
    case 'UnaryExpression':
      // js(-1) is `-1`: a negative number is a literal too.
      if (n['operator'] === '-' && (n['argument'] as { type?: string } | undefined)?.type === 'NumericLiteral')
        return { type: 'Literal' };
      break;
    case 'RegExpLiteral':
      strings.push(n['pattern'] as string);
      return { type: 'RegExpLiteral' };
    case 'TemplateElement':
      strings.push((n['value'] as { cooked: string }).cooked);
      return { type: 'TemplateElement' };
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(n)) if (!POSITION_KEYS.has(key)) out[key] = shape(n[key], strings);
  return out;
}

/** What no line of a generated script may hold raw: what js() escapes. */
export const UNSAFE_RAW = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|<[/!]|-->/u;

const benignCache = new Map<string, { where: string; lines: readonly string[]; parsed: Parsed }[]>();

function benignScripts(texts: Texts): { where: string; lines: readonly string[]; parsed: Parsed }[] {
  const key = JSON.stringify(texts);
  let cached = benignCache.get(key);
  if (!cached) {
    cached = compiledScripts(modelWith(texts)).map((s) => ({ ...s, parsed: parseScript(s.lines) }));
    benignCache.set(key, cached);
  }
  return cached;
}

/**
 * Problems with the scripts compiled with `text` in each of `fields`, compared with those compiled with benign
 * text there: empty when every script parses, has the benign scripts' syntax tree (literal values aside) and
 * comments, holds no unsafe character raw, and carries the text in a string literal when a field reaches a
 * script (and leaves every script as it was, when none does).
 */
export function scriptProblems(
  fields: readonly Field[],
  text: string,
  numbers: Readonly<Numbers> = BENIGN_NUMBERS,
): string[] {
  const problems: string[] = [];
  const hostile = compiledScripts(
    modelWith({ ...BENIGN, ...Object.fromEntries(fields.map((f) => [f, text])) }, numbers),
  );
  const benign = benignScripts({ ...BENIGN, ...Object.fromEntries(fields.map((f) => [f, benignFor(f, text)])) });
  if (hostile.length !== benign.length) return [`${hostile.length} scripts, expected ${benign.length}`];
  let carried = false;
  for (const [i, script] of hostile.entries()) {
    const expected = benign[i]!.parsed;
    for (const [n, line] of script.lines.entries()) {
      const raw = UNSAFE_RAW.exec(line);
      if (raw) problems.push(`${script.where} line ${n + 1} holds ${JSON.stringify(raw[0])} raw`);
    }
    let actual: Parsed;
    try {
      actual = parseScript(script.lines);
    } catch (error) {
      problems.push(`${script.where} does not parse: ${(error as Error).message}`);
      continue;
    }
    if (!sameJson(actual.program, expected.program)) problems.push(`${script.where} has a different syntax tree`);
    if (!sameJson(actual.comments, expected.comments))
      problems.push(`${script.where} has different comments: ${JSON.stringify(actual.comments)}`);
    // The fixed comments may hold short text (a quote, a word) by chance; any other input must not be in one.
    const fixed = expected.comments.some((c) => c.includes(text));
    if (text.length > 0 && !fixed && actual.comments.some((c) => c.includes(text)))
      problems.push(`${script.where}: a comment holds the input`);
    if (actual.strings.some((s) => s.includes(text))) carried = true;
  }
  const reaches = fields.some((f) => SCRIPT_FIELDS.has(f));
  if (reaches && !carried) problems.push('the input is in no string literal of any script');
  if (
    !reaches &&
    fields.length > 0 &&
    !sameJson(
      hostile.map((s) => s.lines),
      benign.map((s) => s.lines),
    )
  )
    problems.push('the input changed a script');
  return problems;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
