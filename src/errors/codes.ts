// The registry of every error and warning code mvpm reports: what it means, which exit code it ends a command with,
// and where the docs explain it. Codes are an interface (scripts and CI match on them): docs/errors.md is generated
// from this file (`npm run golden:update`), and test/unit/error-codes.test.ts fails when the two drift or a code here
// is never used in src/. This file imports nothing, so every stage (the stand-in too) may import it.

/** Exit codes: part of the CLI's contract (docs/cli.md, "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** Tests failed, or `build --check` found stale outputs. */
  failed: 1,
  /** Bad usage, invalid specs or input, missing credentials: nothing was done. */
  usage: 2,
  /** A bug in mvpm (an error it did not expect); sysexits' EX_SOFTWARE. */
  bug: 70,
  /** Stopped by SIGINT or SIGTERM (128 + 2, as shells report Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

interface CodeEntry {
  /** The exit code a command ends with when this error stops it. */
  readonly exit: ExitCode;
  /** One line for docs/errors.md. */
  readonly meaning: string;
  /** The page (and anchor) under docs/ that says more: the cause and the fix. */
  readonly docs?: string;
}

const SPEC = 'spec-format.md';
const spec = (code: string): string => `${SPEC}#${code.toLowerCase()}`;
const RUN = 'cli.md#mvpm-run';
const IMPORT = 'cli.md#mvpm-import';
const CI = 'ci.md';
const OPENAPI_IMPORT = 'openapi-import.md#what-import-writes';
const OPENAPI = 'openapi-import.md#reading-openapi-documents';
const OPENAPI_ENVIRONMENTS = 'openapi-sync.md#environments-the-project-already-has';

/** Every error code. The key order is the order of docs/errors.md. */
export const ERROR_CODES = {
  // The command line.
  E_USAGE: { exit: EXIT.usage, meaning: 'An unknown, missing or malformed option or argument', docs: SPEC },
  E_UNKNOWN_COMMAND: { exit: EXIT.usage, meaning: 'No such command', docs: SPEC },
  E_IO: {
    exit: EXIT.usage,
    meaning: 'The system refused to read or write a file or directory (permissions, a full disk, a path in the way)',
    docs: 'cli.md#exit-codes',
  },

  // Spec files (`mvpm build`, `mvpm docs`; reported all at once, with file, line and column).
  E_SPECS: { exit: EXIT.usage, meaning: 'The specs have errors, so nothing was written or run', docs: RUN },
  E_NO_SPECS: {
    exit: EXIT.usage,
    meaning: 'The spec directory is missing or holds no collection',
    docs: spec('E_NO_SPECS'),
  },
  E_READ: { exit: EXIT.usage, meaning: 'A spec file cannot be read, or is not a regular file', docs: spec('E_READ') },
  E_FILE_TOO_LARGE: { exit: EXIT.usage, meaning: 'A spec file is larger than 1 MiB', docs: spec('E_FILE_TOO_LARGE') },
  E_NOT_TEXT: { exit: EXIT.usage, meaning: 'A spec file is not UTF-8 text', docs: spec('E_NOT_TEXT') },
  E_EMPTY_FILE: {
    exit: EXIT.usage,
    meaning: 'A spec file is empty or holds only comments',
    docs: spec('E_EMPTY_FILE'),
  },
  E_YAML_SYNTAX: { exit: EXIT.usage, meaning: 'A spec file is not valid YAML', docs: spec('E_YAML_SYNTAX') },
  E_YAML_ALIAS: {
    exit: EXIT.usage,
    meaning: 'A YAML alias has no anchor, contains itself, or expands too much',
    docs: spec('E_YAML_ALIAS'),
  },
  E_TOO_DEEP: { exit: EXIT.usage, meaning: 'Mappings and lists nest more than 64 levels', docs: spec('E_TOO_DEEP') },
  E_KIND: { exit: EXIT.usage, meaning: "`$kind` does not match the file's name and place", docs: spec('E_KIND') },
  E_OLD_KIND: {
    exit: EXIT.usage,
    meaning: '`$kind` is an old kind (`http-request`, `folder`, `collection`, `environment`): write `mvpm-…`',
    docs: spec('E_OLD_KIND'),
  },
  E_UNKNOWN_KEY: { exit: EXIT.usage, meaning: 'A key the schema does not allow', docs: spec('E_UNKNOWN_KEY') },
  E_MISSING_KEY: { exit: EXIT.usage, meaning: 'A required key is missing', docs: spec('E_MISSING_KEY') },
  E_TYPE: { exit: EXIT.usage, meaning: 'A value has the wrong type or shape', docs: spec('E_TYPE') },
  E_VALUE: { exit: EXIT.usage, meaning: 'A value is out of range or not an allowed choice', docs: spec('E_VALUE') },
  E_BAD_URL: {
    exit: EXIT.usage,
    meaning: 'A request URL is not absolute, or a server URL is not https (http only on this machine)',
    docs: spec('E_BAD_URL'),
  },
  E_DUPLICATE_NAME: { exit: EXIT.usage, meaning: 'Two siblings share a name', docs: spec('E_DUPLICATE_NAME') },
  E_UNDEFINED_VARIABLE: {
    exit: EXIT.usage,
    meaning: 'A `{{variable}}` is defined nowhere',
    docs: spec('E_UNDEFINED_VARIABLE'),
  },
  E_CAPTURE_BEFORE_SET: {
    exit: EXIT.usage,
    meaning: 'A variable is used before the request that captures it runs',
    docs: spec('E_CAPTURE_BEFORE_SET'),
  },
  E_ENV_MISSING_VARIABLE: {
    exit: EXIT.usage,
    meaning: 'An environment lacks a variable another one has',
    docs: spec('E_ENV_MISSING_VARIABLE'),
  },
  E_SECRET_VALUE: { exit: EXIT.usage, meaning: 'A secret variable has a value', docs: spec('E_SECRET_VALUE') },
  E_BAD_REGEX: { exit: EXIT.usage, meaning: 'A regular expression is invalid', docs: spec('E_BAD_REGEX') },
  E_BAD_JSON_PATH: {
    exit: EXIT.usage,
    meaning: 'A JSON path is outside the supported subset',
    docs: spec('E_BAD_JSON_PATH'),
  },
  E_CAPTURE_SOURCE: {
    exit: EXIT.usage,
    meaning: 'A capture has no source or several',
    docs: spec('E_CAPTURE_SOURCE'),
  },
  E_SCHEMA_FILE: {
    exit: EXIT.usage,
    meaning: 'A schema file is missing, outside specs/ or behind a link',
    docs: spec('E_SCHEMA_FILE'),
  },
  E_SCHEMA_REF: {
    exit: EXIT.usage,
    meaning: 'A schema file `$ref`s a file that is missing, unreadable, not a schema, outside specs/, or remote',
    docs: spec('E_SCHEMA_REF'),
  },
  E_BAD_JSON_SCHEMA: {
    exit: EXIT.usage,
    meaning: 'A body schema is not a valid draft-07 schema',
    docs: spec('E_BAD_JSON_SCHEMA'),
  },
  E_FORM_FILE: {
    exit: EXIT.usage,
    meaning: 'A form-data `src` is not a plain path to a file in specs/files/',
    docs: spec('E_FORM_FILE'),
  },
  E_SYMLINK: { exit: EXIT.usage, meaning: 'A symbolic link below specs/', docs: spec('E_SYMLINK') },
  E_BAD_NAME: {
    exit: EXIT.usage,
    meaning: 'A name on disk is not a portable, plain file name',
    docs: spec('E_BAD_NAME'),
  },
  E_UNSAFE_TEXT: {
    exit: EXIT.usage,
    meaning: 'Text holds a control character, a line separator or a bidirectional control',
    docs: spec('E_UNSAFE_TEXT'),
  },
  E_SECRET_DESTINATION: {
    exit: EXIT.usage,
    meaning: 'A request would send a secret outside the bases its `sendTo` names',
    docs: spec('E_SECRET_DESTINATION'),
  },
  E_SEND_TO: {
    exit: EXIT.usage,
    meaning: 'A sent secret has no `sendTo`, or it names no base URL variable',
    docs: spec('E_SEND_TO'),
  },
  E_UNKNOWN_TARGET: {
    exit: EXIT.usage,
    meaning: 'A `targets` list names a target no environment declares',
    docs: spec('E_UNKNOWN_TARGET'),
  },
  E_INFERRED_TARGET: {
    exit: EXIT.usage,
    meaning: 'A request for an inferred OpenAPI operation names a target that is not a stand-in',
    docs: spec('E_INFERRED_TARGET'),
  },
  E_DUPLICATE_TARGET: {
    exit: EXIT.usage,
    meaning: 'Two environments declare the same target',
    docs: spec('E_DUPLICATE_TARGET'),
  },
  E_PROCESS_VARIABLE: {
    exit: EXIT.usage,
    meaning: 'A process variable is not named MV_…, or is mapped twice',
    docs: spec('E_PROCESS_VARIABLE'),
  },
  E_TARGET_VARIABLE: {
    exit: EXIT.usage,
    meaning: '`secrets`, `overrides` or `servers` names a variable the environment lacks',
    docs: spec('E_TARGET_VARIABLE'),
  },
  E_NO_STANDIN: {
    exit: EXIT.usage,
    meaning: 'A sign-in role is declared, and no environment is the stand-in',
    docs: spec('E_NO_STANDIN'),
  },
  E_ROLE: {
    exit: EXIT.usage,
    meaning: 'A sign-in role would run on a target that is not a stand-in',
    docs: spec('E_ROLE'),
  },

  // Generated outputs and the path guard (`build`, `docs`, `import`, reports, `token --out`).
  E_PATH_LINK: { exit: EXIT.usage, meaning: 'A target is, or passes through, a symbolic link', docs: IMPORT },
  E_PATH_NOT_FILE: {
    exit: EXIT.usage,
    meaning: 'A target exists and is not a regular file (or a file is in the way of a directory)',
    docs: IMPORT,
  },
  E_PATH_OUTSIDE: { exit: EXIT.usage, meaning: 'A path would leave the directory it must stay in', docs: IMPORT },
  E_PATH_NAME: { exit: EXIT.usage, meaning: 'A path has an unusable name', docs: IMPORT },
  E_PATH_FOREIGN: {
    exit: EXIT.usage,
    meaning: 'A file to replace or delete was not written by mvpm (import reports it as E_PATH_NOT_FILE)',
  },
  E_V3_EDITED: {
    exit: EXIT.usage,
    meaning:
      'A Postman v12 (v3) file differs from what mvpm last wrote there (edited in Postman), so `mvpm build` wrote ' +
      'nothing; bring the edit into the specs with `mvpm import`',
    docs: 'postman-v12.md#edits-made-in-postman',
  },

  // `mvpm run`, `login`, `token`.
  E_NO_GENERATED_FILES: {
    exit: EXIT.usage,
    meaning: 'A generated collection or environment is missing or differs from the specs: run mvpm build',
    docs: RUN,
  },
  E_BAD_OPTION: {
    exit: EXIT.usage,
    meaning: 'An option names something that does not exist (a target, a folder) or cannot be used',
    docs: RUN,
  },
  E_MISSING_CREDENTIALS: {
    exit: EXIT.usage,
    meaning: "A target's MV_ secrets are unset or empty; nothing was sent",
    docs: `${CI}`,
  },
  E_NO_REFRESH_TOKEN: { exit: EXIT.usage, meaning: 'No usable refresh token to send or to write', docs: CI },
  E_SPENT_REFRESH_TOKEN: {
    exit: EXIT.usage,
    meaning: 'The state file records the refresh token as spent and has no newer one',
    docs: CI,
  },
  E_REFRESH_IN_DOUBT: {
    exit: EXIT.usage,
    meaning: 'The last refresh with this token got no answer; the server may have spent it',
    docs: CI,
  },
  E_STATE_FILE: { exit: EXIT.usage, meaning: 'The token state file is damaged', docs: CI },
  E_STATE_LOCKED: { exit: EXIT.usage, meaning: 'Another run has held the state file too long', docs: CI },
  E_STATE_MISMATCH: {
    exit: EXIT.usage,
    meaning: 'The state file belongs to another target, token server or client id',
    docs: CI,
  },
  E_TOKEN_URL_BYPASS: {
    exit: EXIT.usage,
    meaning: 'A request or `autoRefresh` reaches the token endpoint without the `tokenUrl` variable (the token relay)',
    docs: 'token-relay.md',
  },
  E_DEBUG_OUTPUT: {
    exit: EXIT.usage,
    meaning: 'NODE_DEBUG, an inspector or diagnostic reports would copy credentials out of the process',
    docs: RUN,
  },
  E_FILE_SRC: { exit: EXIT.usage, meaning: 'A form-data or file body `src` is not a file in specs/files/', docs: RUN },
  E_REPORT_PATH: {
    exit: EXIT.usage,
    meaning: 'A report file of the run is a link, a directory or a non-file',
    docs: RUN,
  },
  E_LOGIN: {
    exit: EXIT.usage,
    meaning: 'Signing in failed: nothing to sign in to, a bad pasted address, or the code exchange was refused',
  },
  E_NEWMAN: { exit: EXIT.failed, meaning: 'Newman could not run a collection', docs: RUN },
  E_NO_POSTMAN_CLI: {
    exit: EXIT.usage,
    meaning:
      'The Postman CLI is not installed (`npm ci --prefix tools/postman-cli`), or MVPM_POSTMAN_CLI names no file',
    docs: 'postman-cli.md',
  },
  E_POSTMAN_CLI: {
    exit: EXIT.failed,
    meaning: 'The Postman CLI crashed or wrote no report mvpm can read',
    docs: 'ci.md#the-postman-cli-runner',
  },
  E_INTERRUPTED: { exit: EXIT.interrupted, meaning: 'The run was stopped by SIGINT or SIGTERM' },

  // The stand-in (`mvpm serve`, and the library's startStandin).
  E_STANDIN_OPTIONS: { exit: EXIT.usage, meaning: 'A stand-in option or fault is out of range' },
  E_STANDIN_LISTEN: { exit: EXIT.usage, meaning: 'The stand-in could not listen (port in use, address not available)' },
  E_STANDIN_SIGN_IN: {
    exit: EXIT.failed,
    meaning: "The stand-in's sign-in pages did not behave as expected (a wrong password, an unexpected page)",
  },

  // `mvpm import`.
  E_IMPORT_READ: { exit: EXIT.usage, meaning: 'The input file cannot be opened or read', docs: IMPORT },
  E_IMPORT_NOT_FILE: {
    exit: EXIT.usage,
    meaning: 'The input is a directory, a device, a FIFO or a socket',
    docs: IMPORT,
  },
  E_IMPORT_TOO_LARGE: { exit: EXIT.usage, meaning: 'The input is larger than 32 MiB', docs: IMPORT },
  E_IMPORT_NOT_UTF8: { exit: EXIT.usage, meaning: 'The input is not UTF-8', docs: IMPORT },
  E_IMPORT_JSON: { exit: EXIT.usage, meaning: 'The input is not JSON', docs: IMPORT },
  E_IMPORT_TOO_DEEP: { exit: EXIT.usage, meaning: 'The JSON, or the folders, nest too deep', docs: IMPORT },
  E_IMPORT_TOO_MANY: { exit: EXIT.usage, meaning: 'More than 10,000 folders and requests', docs: IMPORT },
  E_IMPORT_NOT_COLLECTION: { exit: EXIT.usage, meaning: 'Not a Postman collection', docs: IMPORT },
  E_IMPORT_FORMAT: {
    exit: EXIT.usage,
    meaning: 'A collection format other than v2.1, v2.0 and the v3 YAML directory',
    docs: IMPORT,
  },
  E_IMPORT_NOT_ENVIRONMENT: { exit: EXIT.usage, meaning: 'Not a Postman environment', docs: IMPORT },
  E_IMPORT_YAML: {
    exit: EXIT.usage,
    meaning: 'A v3 collection or environment file is not valid YAML (or an alias bomb, or nests too deep)',
    docs: IMPORT,
  },
  E_IMPORT_KIND: {
    exit: EXIT.usage,
    meaning: "A v3 file's `$kind` is missing, unknown or wrong for where the file is",
    docs: IMPORT,
  },
  E_IMPORT_SHAPE: { exit: EXIT.usage, meaning: "A v3 file's field has the wrong type or shape", docs: IMPORT },
  E_IMPORT_ORDER: { exit: EXIT.usage, meaning: 'Two items of one v3 folder have the same `order`', docs: IMPORT },
  E_IMPORT_PATH_TOO_LONG: { exit: EXIT.usage, meaning: 'A file path would be longer than 1,000 bytes', docs: IMPORT },
  E_IMPORT_EXISTS: { exit: EXIT.usage, meaning: 'Files the import would write exist; pass --force', docs: IMPORT },
  E_IMPORT_WRITE: { exit: EXIT.usage, meaning: 'Writing failed; what was staged is removed', docs: IMPORT },
  E_OPENAPI_RECORDED_OPTION: {
    exit: EXIT.usage,
    meaning:
      '`--base-url-variable` differs from the `openapi.baseUrlVariable` a hand-edited collection definition ' +
      'records: set it there, or leave the option out',
    docs: 'openapi-sync.md#options-the-import-remembers',
  },
  E_OPENAPI_STANDIN_ROUTE: {
    exit: EXIT.usage,
    meaning:
      "An OpenAPI operation's path is one the stand-in serves itself (`/connect/…`, `/.well-known/…`, sign-in pages)",
    docs: OPENAPI_IMPORT,
  },

  // Reading an OpenAPI document (`mvpm import <openapi>`; docs/openapi-import.md).
  E_OPENAPI_READ: {
    exit: EXIT.usage,
    meaning: 'An OpenAPI file cannot be read: missing, not a regular file, too large, or too many files',
    docs: OPENAPI,
  },
  E_OPENAPI_NOT_TEXT: { exit: EXIT.usage, meaning: 'An OpenAPI file is not UTF-8 text', docs: OPENAPI },
  E_OPENAPI_SYNTAX: {
    exit: EXIT.usage,
    meaning: 'An OpenAPI file is not JSON or YAML (or has a duplicate key, an alias bomb, a key that is not text)',
    docs: OPENAPI,
  },
  E_OPENAPI_TOO_DEEP: { exit: EXIT.usage, meaning: 'An OpenAPI file nests more than 64 levels', docs: OPENAPI },
  E_OPENAPI_VERSION: {
    exit: EXIT.usage,
    meaning: 'Not an OpenAPI 3.0, 3.1 or Swagger 2.0 document (no `openapi`/`swagger` key, or another version)',
    docs: OPENAPI,
  },
  E_OPENAPI_INVALID: {
    exit: EXIT.usage,
    meaning: 'The document does not follow the official OpenAPI (or Swagger) schema',
    docs: OPENAPI,
  },
  E_OPENAPI_REF: {
    exit: EXIT.usage,
    meaning: 'A `$ref` is malformed, points at nothing, or is a cycle of references with no schema in it',
    docs: OPENAPI,
  },
  E_OPENAPI_REF_PATH: {
    exit: EXIT.usage,
    meaning: "A `$ref`'s file leaves the project, passes through a symbolic link, or has an unusable name",
    docs: OPENAPI,
  },
  E_OPENAPI_REMOTE_REF: {
    exit: EXIT.usage,
    meaning: 'A `$ref` names a URL: mvpm never fetches one; download it into the project and point at the file',
    docs: OPENAPI,
  },
  E_OPENAPI_OPERATION: {
    exit: EXIT.usage,
    meaning: 'Operations disagree: a duplicate `operationId`, or path parameters that do not match the path',
    docs: OPENAPI,
  },
  E_OPENAPI_PROBLEMS: { exit: EXIT.usage, meaning: 'The OpenAPI document has several problems', docs: OPENAPI },
} as const satisfies Record<`E_${string}`, CodeEntry>;

/** Every warning code: printed, never a change of exit code. */
export const WARNING_CODES = {
  W_IGNORED_FILE: {
    meaning: 'A .yaml file in a collection is not a request, definition or environment',
    docs: spec('W_IGNORED_FILE'),
  },
  W_IMPORT_RENAMED: { meaning: 'A name was changed to be a safe, unique file name', docs: IMPORT },
  W_IMPORT_SECRET: { meaning: 'A literal secret was replaced by a `{{variable}}`', docs: IMPORT },
  W_IMPORT_SCRIPT: { meaning: 'A raw script was dropped (no --allow-scripts) or could not be kept', docs: IMPORT },
  W_IMPORT_SRC: { meaning: 'A form-data `src` outside the project was dropped', docs: IMPORT },
  W_IMPORT_DROPPED: { meaning: 'Something with no spec equivalent was dropped', docs: IMPORT },
  W_IMPORT_SEND_TO: { meaning: 'Where a secret may be sent was inferred from the requests that send it', docs: IMPORT },
  W_OPENAPI_SECURITY: {
    meaning: 'An OpenAPI security scheme mvpm does not set up (only OAuth 2.0 authorization code and API keys)',
    docs: OPENAPI_IMPORT,
  },
  W_OPENAPI_ENVIRONMENT: {
    meaning:
      'An environment under --out already has the target of one the import generates: that one is not written, ' +
      'and the warning lists the variables to add',
    docs: OPENAPI_ENVIRONMENTS,
  },
  W_OPENAPI_IGNORED: {
    meaning: 'Part of an OpenAPI document mvpm does not use (a keyword JSON Schema draft-07 lacks, an `externalValue`)',
    docs: OPENAPI,
  },
  W_OPENAPI_VALIDATOR: { meaning: 'A warning of the OpenAPI validator (`@readme/openapi-parser`)', docs: OPENAPI },
  W_OPENAPI_UNSAFE_PATTERN: {
    meaning: "An OpenAPI document's regular expression that RE2 cannot run (backreference, lookaround): not enforced",
    docs: 'standin.md#mocked-openapi-operations',
  },
  W_OPENAPI_MOCK: {
    meaning:
      'An OpenAPI operation the stand-in cannot mock as documented: its answer (example or sample) does not match ' +
      "its response schema, or its path is one of the stand-in's own (/connect/…, /.well-known/…, sign-in pages)",
    docs: 'standin.md#mocked-openapi-operations',
  },
} as const satisfies Record<`W_${string}`, Omit<CodeEntry, 'exit'>>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type WarningCode = keyof typeof WARNING_CODES;

/**
 * A subset of the registry's codes, for a stage's narrower type: `Codes<'E_A' | 'E_B'>` is a type error when a code
 * is not in ERROR_CODES (where `Extract` would drop it silently).
 */
export type Codes<T extends ErrorCode> = T;
export type Warnings<T extends WarningCode> = T;

/** The exit code a command ends with when `code` stops it. */
export function exitCodeOf(code: ErrorCode): ExitCode {
  return ERROR_CODES[code].exit;
}
