// The normalized spec model: what the compiler consumes. Every default is resolved here, and every node keeps
// where it was written so that semantic rules can point at it. The as-written types are in _schema-types.ts.
import type { OAuth2Credentials } from './_schema-types.js';
import type { NodePath, SpecSource } from './source.js';
import type { JsonPath } from './json-path.js';

/** Where a model node was written. */
export interface Origin {
  readonly source: SpecSource;
  readonly path: NodePath;
}

export interface SpecProject {
  readonly collections: readonly CollectionSpec[];
  readonly environments: readonly EnvironmentSpec[];
}

export interface VariableSpec {
  readonly key: string;
  readonly value: string;
  readonly description?: string;
  readonly origin: Origin;
}

export interface CollectionSpec {
  /** The collection directory's name; it names the generated file. */
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
  readonly variables: readonly VariableSpec[];
  readonly runtimeVariables: readonly { readonly name: string; readonly description: string }[];
  readonly auth?: AuthSpec;
  readonly autoRefresh?: AutoRefreshSpec;
  readonly scripts: readonly ScriptSpec[];
  /** In run order. */
  readonly items: readonly ItemSpec[];
  /** The targets it runs on, as written (`targets`); undefined: every target. */
  readonly targets?: readonly string[];
  /** `sign-in`: signs in to a stand-in and leaves the authorization code in `code` (see docs/spec-format.md). */
  readonly role?: 'sign-in';
  readonly origin: Origin;
}

/** Collection `autoRefresh`, every default resolved. */
export interface AutoRefreshSpec {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientAuthentication: 'body' | 'header';
  readonly leewaySeconds: number;
  readonly variables: {
    readonly accessToken: string;
    readonly refreshToken: string;
    readonly expiresAt: string;
    readonly previousRefreshToken: string;
  };
}

export type ItemSpec = FolderSpec | RequestSpec;

export interface FolderSpec {
  readonly kind: 'folder';
  readonly name: string;
  /** Names from the collection root to this folder, inclusive. */
  readonly path: readonly string[];
  readonly description?: string;
  readonly auth?: AuthSpec;
  readonly scripts: readonly ScriptSpec[];
  /** In run order. */
  readonly items: readonly ItemSpec[];
  /** The targets it runs on, as written (`targets`); undefined: those of its parent. */
  readonly targets?: readonly string[];
  /** What the runner must know of it: it exchanges the sign-in's code, or it spends the sign-in (runs last). */
  readonly role?: 'code-exchange' | 'spends-sign-in';
  /** The folder's definition.yaml, or (when it has none) undefined. */
  readonly origin?: Origin;
  /** The directory as shown to users, for errors about the folder itself. */
  readonly dir: string;
}

export interface RequestSpec {
  readonly kind: 'request';
  readonly name: string;
  /** Names from the collection root to this request, inclusive. */
  readonly path: readonly string[];
  readonly description?: string;
  readonly method: string;
  readonly url: string;
  readonly query: readonly KeyValue[];
  readonly headers: readonly KeyValue[];
  readonly auth?: AuthSpec;
  readonly body?: BodySpec;
  readonly followRedirects?: boolean;
  readonly disableCookies?: boolean;
  readonly expectations: readonly ExpectationSpec[];
  readonly captures: readonly CaptureSpec[];
  readonly scripts: readonly ScriptSpec[];
  /** Every {{variable}} this request uses, in file order. */
  readonly variableRefs: readonly VariableRef[];
  /** The targets it runs on, as written (`targets`); undefined: those of its folder. */
  readonly targets?: readonly string[];
  /** `readOnly: true`: it changes nothing on the server whatever its method, so it runs wherever a GET would. */
  readonly readOnly: boolean;
  /** `openapi`: the OpenAPI operation it was imported from; `inferred` ones run only on stand-in targets. */
  readonly openapi?: { readonly operation: string; readonly hash: string; readonly inferred: boolean };
  readonly origin: Origin;
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

export interface VariableRef {
  readonly name: string;
  readonly origin: Origin;
  /** Written in the key at `origin.path` (a header or query name, a body key), not in its value. */
  readonly at?: 'key';
  /**
   * Whether Postman sends the value with the request (URL, query, headers, body, the request's auth), as opposed
   * to only comparing it with the response (`expect`).
   */
  readonly sent: boolean;
}

export interface ScriptSpec {
  readonly type: 'beforeRequest' | 'afterResponse';
  readonly code: string;
}

export type AuthSpec =
  | { readonly type: 'inherit' }
  | { readonly type: 'noauth' }
  | { readonly type: 'bearer'; readonly token: string }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'oauth2'; readonly credentials: Readonly<OAuth2Credentials> };

export type BodySpec =
  | { readonly type: 'urlencoded'; readonly fields: readonly KeyValue[] }
  | { readonly type: 'formdata'; readonly fields: readonly FormField[] }
  | { readonly type: 'json'; readonly text: string }
  | { readonly type: 'raw'; readonly text: string; readonly language: 'text' | 'json' | 'xml' | 'html' | 'javascript' };

export type FormField =
  | { readonly key: string; readonly value: string }
  | { readonly key: string; readonly src: string };

export type Literal = string | number | boolean | null;

export type BodyCheckSpec =
  | { readonly check: 'exists'; readonly expected: boolean }
  | { readonly check: 'equals' | 'notEquals'; readonly expected: Literal }
  | {
      readonly check: 'type';
      readonly expected: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
    }
  | { readonly check: 'matches'; readonly expected: string }
  | { readonly check: 'length'; readonly min: number; readonly max: number }
  | { readonly check: 'oneOf'; readonly expected: readonly Literal[] };

export type HeaderCheckSpec =
  | { readonly check: 'exists'; readonly expected: boolean }
  | { readonly check: 'equals'; readonly expected: string }
  | { readonly check: 'matches'; readonly expected: string };

export type ExpectationSpec = (
  | { readonly kind: 'status'; readonly codes: readonly number[] }
  | { readonly kind: 'contentType'; readonly mediaType: string }
  | { readonly kind: 'responseTime'; readonly below: number }
  | ({ readonly kind: 'header'; readonly name: string } & HeaderCheckSpec)
  | ({ readonly kind: 'body'; readonly jsonPath: JsonPath } & BodyCheckSpec)
  | { readonly kind: 'schema'; readonly schema: object; readonly label: string }
) & { readonly origin: Origin };

export type CaptureFrom =
  | { readonly kind: 'json'; readonly jsonPath: JsonPath }
  | { readonly kind: 'header'; readonly name: string; readonly regex?: string }
  | { readonly kind: 'expiresIn'; readonly jsonPath: JsonPath }
  | { readonly kind: 'variable'; readonly name: string };

export interface CaptureSpec {
  readonly variable: string;
  readonly from: CaptureFrom;
  readonly origin: Origin;
}

export interface EnvironmentVariableSpec {
  readonly key: string;
  readonly value: string;
  readonly secret: boolean;
  /** Whether the spec wrote a `value` (a secret must not). */
  readonly valueWritten: boolean;
  /**
   * The base URL variables whose hosts may receive this variable's value (`sendTo`), as written; undefined when
   * not written. A secret that requests send must have one (see rules/secret-destinations.ts).
   */
  readonly sendTo?: readonly string[];
  readonly description?: string;
  readonly origin: Origin;
}

export interface EnvironmentSpec {
  /** The file name without `.environment.yaml`; it names the generated file. */
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
  readonly variables: readonly EnvironmentVariableSpec[];
  /** The target it serves (`mvpm run --target`); undefined: an environment for Postman only. */
  readonly target?: string;
  /** The target is mvpm's stand-in. Default false. */
  readonly standin: boolean;
  /** Variables holding server base URLs, in written order. */
  readonly servers: readonly string[];
  /** Variable → process environment variable that supplies it (required at run time, but see the refresh token). */
  readonly secrets: readonly ProcessVariableSpec[];
  /** Variable → process environment variable that replaces its value when set. */
  readonly overrides: readonly ProcessVariableSpec[];
  readonly origin: Origin;
}

/** One `secrets` or `overrides` entry: a spec variable and the process environment variable that supplies it. */
export interface ProcessVariableSpec {
  readonly variable: string;
  readonly processVariable: string;
  readonly origin: Origin;
}
