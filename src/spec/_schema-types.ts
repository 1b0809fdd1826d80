// Generated from spec.schema.json by `npm run schema:types`. Do not edit: change the schema and regenerate.
// These are the spec files as written; src/spec/model.ts holds the normalized model.

/**
 * The targets (environments' `target`) this runs on. Default: every target. A folder or request runs only on targets its collection and folders run on too. A POST, PUT or PATCH request (not `readOnly`, not a token request) runs on a target that is not a stand-in only when this list, the request's own or the nearest above it, names the target; a DELETE only when the request's own list names it; an inferred OpenAPI operation never.
 *
 * @minItems 1
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "TargetList".
 */
export type TargetList = [TargetName, ...TargetName[]];
/**
 * A target's name: lower-case letters, digits and dashes, starting with a letter.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "TargetName".
 */
export type TargetName = string;
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "Scalar".
 */
export type Scalar = string | number | boolean;
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "CollectionAuth".
 */
export type CollectionAuth = AuthCredentialsByType & CollectionAuth1;
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "AuthCredentialsByType".
 */
export type AuthCredentialsByType = {
  [k: string]: unknown | undefined;
};
/**
 * Raw Postman scripts, the escape hatch. beforeRequest → prerequest, afterResponse → test. In a request they run after the scripts generated from expect and capture; Postman runs collection scripts, then folder scripts, then the request's.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "Scripts".
 */
export type Scripts = {
  type: 'beforeRequest' | 'afterResponse';
  code: string;
}[];
/**
 * Run order within the parent folder: ascending; items without order run after those with one; ties by name.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "Order".
 */
export type Order = number;
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "RequestAuth".
 */
export type RequestAuth = RequestAuthCredentialsByType & RequestAuth1;
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "RequestAuthCredentialsByType".
 */
export type RequestAuthCredentialsByType = {
  [k: string]: unknown | undefined;
};
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "Body".
 */
export type Body = Body1;
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "StatusCode".
 */
export type StatusCode = number;
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "NonEmptyString".
 */
export type NonEmptyString = string;

/**
 * The one source of truth for the YAML files under specs/. TypeScript types in src/spec/_schema-types.ts are generated from this file (npm run schema:types) and a test fails when they drift.
 */
export interface MvpmSpecFiles {
  [k: string]: unknown | undefined;
}
/**
 * <collection>/.resources/definition.yaml: the collection's name, description, variables, auth and scripts.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "CollectionDefinition".
 */
export interface CollectionDefinition {
  $kind: 'mvpm-collection';
  /**
   * Postman info.name.
   */
  name: string;
  /**
   * Markdown, shown in Postman's documentation pane.
   */
  description?: string;
  targets?: TargetList;
  /**
   * `sign-in`: this collection signs in to a stand-in target the way a person does and leaves the authorization code in `code`. `mvpm run` runs it first when a run against a stand-in has no refresh token at hand; it may apply only to stand-in targets. Default: none (an ordinary collection).
   */
  role?: 'sign-in';
  variables?: VariableMap;
  /**
   * Variables that are supplied when the collection runs (typed in by a person or set by another run), name → what supplies it. They count as defined for the variable checks.
   */
  runtimeVariables?: {
    [k: string]: string | undefined;
  };
  auth?: CollectionAuth;
  scripts?: Scripts;
  autoRefresh?: AutoRefresh;
  openapi?: OpenApiSource;
}
/**
 * Collection variables (Postman `variable`).
 */
export interface VariableMap {
  [k: string]:
    | Scalar
    | {
        value: Scalar;
        description?: string;
      }
    | undefined;
}
export interface CollectionAuth1 {
  type: 'oauth2' | 'bearer' | 'basic' | 'noauth';
  credentials?: {};
}
/**
 * Generates a collection-level pre-request script: before a request that sends the collection's access token, when the token is missing or expires within `leewaySeconds` and a refresh token is present, it refreshes with pm.sendRequest and stores the new access token, the rotated refresh token and the expiry. A refused refresh fails a test and the request is not sent.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "AutoRefresh".
 */
export interface AutoRefresh {
  /**
   * The token endpoint, e.g. {{authBaseUrl}}/connect/token.
   */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /**
   * client_secret_post (body, default) or client_secret_basic (header).
   */
  clientAuthentication?: 'body' | 'header';
  /**
   * Refresh when the access token expires within this many seconds. Default 60.
   */
  leewaySeconds?: number;
  /**
   * Names of the environment variables used. Defaults: access_token, refresh_token, access_token_expires_at, previous_refresh_token.
   */
  variables?: {
    accessToken?: string;
    refreshToken?: string;
    expiresAt?: string;
    previousRefreshToken?: string;
  };
}
/**
 * The OpenAPI document this collection was imported from. `mvpm serve` and `mvpm run` mock its operations on the stand-in; `mvpm import <document> --check` lists the operations no request covers.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "OpenApiSource".
 */
export interface OpenApiSource {
  /**
   * The document's path, relative to this file, inside the project.
   */
  source: string;
  /**
   * The variable request URLs start with (`--base-url-variable` of the import that wrote it). Written by `mvpm import` when not `baseUrl`; a later `mvpm import` or `--check` of the document uses it when the option is not given. Absent: `baseUrl`.
   */
  baseUrlVariable?: string;
}
/**
 * <folder>/.resources/definition.yaml: optional; the folder's description, run order, auth and scripts.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "FolderDefinition".
 */
export interface FolderDefinition {
  $kind: 'mvpm-folder';
  description?: string;
  order?: Order;
  targets?: TargetList;
  /**
   * `code-exchange`: turns the sign-in's authorization code into tokens; `mvpm run` runs it only right after a `sign-in` collection, and skips it when the run starts from a refresh token. `spends-sign-in`: spends or revokes the sign-in's tokens; `mvpm run` runs it after every other folder of the run whatever its `order`, only on stand-in targets, and only when the run's tokens die with it (a stand-in started for the run). Default: none.
   */
  role?: 'code-exchange' | 'spends-sign-in';
  auth?: RequestAuth;
  scripts?: Scripts;
}
export interface RequestAuth1 {
  type: 'inherit' | 'noauth' | 'bearer' | 'basic';
  credentials?: {};
}
/**
 * <name>.request.yaml: one HTTP request, its expectations and captures. The file name (without .request.yaml) is the request's name.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "RequestDefinition".
 */
export interface RequestDefinition {
  $kind: 'mvpm-request';
  description?: string;
  order?: Order;
  targets?: TargetList;
  /**
   * true: this request changes nothing on the server although its method could (e.g. `POST /assets/search`), so it runs on every target its folder runs on, like a GET. Default: false; see `targets` for what a method decides.
   */
  readOnly?: boolean;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  /**
   * Absolute URL (http:// or https://), usually starting with a {{variable}} that holds one; may carry a query string.
   */
  url: string;
  query?: StringMap;
  headers?: StringMap1;
  auth?: RequestAuth;
  body?: Body;
  settings?: RequestSettings;
  expect?: Expectations;
  capture?: Captures;
  scripts?: Scripts;
  openapi?: OpenApiOperation;
}
/**
 * Query parameters appended to the URL, in this order.
 */
export interface StringMap {
  [k: string]: Scalar | undefined;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "StringMap".
 */
export interface StringMap1 {
  [k: string]: Scalar | undefined;
}
export interface Body1 {
  type: 'urlencoded' | 'json' | 'raw' | 'formdata';
  content: unknown;
  /**
   * raw only: Postman's body language. Default text.
   */
  language?: 'text' | 'json' | 'xml' | 'html' | 'javascript';
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "RequestSettings".
 */
export interface RequestSettings {
  /**
   * Postman protocolProfileBehavior.followRedirects. Default true.
   */
  followRedirects?: boolean;
  /**
   * Postman protocolProfileBehavior.disableCookies. Default false.
   */
  disableCookies?: boolean;
}
/**
 * Declarative checks; each compiles to its own pm.test.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "Expectations".
 */
export interface Expectations {
  /**
   * The status code, or a list of accepted codes.
   */
  status?: StatusCode | [StatusCode, ...StatusCode[]];
  /**
   * The media type of Content-Type, parameters such as charset ignored.
   */
  contentType?: string;
  /**
   * The response arrives in less than this many milliseconds.
   */
  responseTime?: number;
  /**
   * Header name (case-insensitive) → check.
   */
  headers?: {
    [k: string]: HeaderCheck | undefined;
  };
  /**
   * JSON path ($.a.b[0]) → checks on the JSON body.
   */
  body?: {
    [k: string]: BodyCheck | undefined;
  };
  schema?: BodySchema;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "HeaderCheck".
 */
export interface HeaderCheck {
  exists?: boolean;
  equals?: string;
  /**
   * A JavaScript regular expression.
   */
  matches?: string;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "BodyCheck".
 */
export interface BodyCheck {
  exists?: boolean;
  /**
   * A literal (string, number, boolean or null); {{variables}} in a string are resolved when the response arrives.
   */
  equals?: string | number | boolean | null;
  /**
   * As equals, negated.
   */
  notEquals?: string | number | boolean | null;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
  /**
   * A JavaScript regular expression tested against a string value.
   */
  matches?: string;
  /**
   * Length of a string or array: exact, or bounds.
   */
  length?:
    | number
    | {
        min?: number;
        max?: number;
      };
  /**
   * @minItems 1
   */
  oneOf?: [string | number | boolean | null, ...(string | number | boolean | null)[]];
}
/**
 * A draft-07 JSON Schema for the whole body, inline or in a file (JSON or YAML) relative to this request file. A file may `$ref` other schema files by relative path (`Asset.schema.json`, `../common/Envelope.schema.json#/definitions/Meta`): the build bundles them into its `definitions`; remote references are refused.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "BodySchema".
 */
export interface BodySchema {
  inline?: {};
  file?: NonEmptyString;
}
/**
 * Environment variable name → where its value comes from. Set with pm.environment.set after the expectations ran.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "Captures".
 */
export interface Captures {
  [k: string]: Capture | undefined;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "Capture".
 */
export interface Capture {
  /**
   * A JSON path into the response body.
   */
  json?: string;
  /**
   * A response header name.
   */
  header?: string;
  /**
   * header only: a regular expression whose first group is taken.
   */
  regex?: string;
  /**
   * A JSON path to a lifetime in seconds; the variable gets the expiry instant, epoch milliseconds.
   */
  expiresIn?: string;
  /**
   * Another variable's value as it was when the response arrived (before this request's captures).
   */
  variable?: string;
}
/**
 * Written by `mvpm import` from an OpenAPI document: which operation this request covers and a hash of what was generated for it. A request whose content no longer matches the hash is edited and re-import keeps it unless --force.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "OpenApiOperation".
 */
export interface OpenApiOperation {
  /**
   * The operation's operationId, or `METHOD /path` when it has none.
   */
  operation: string;
  /**
   * sha256 of the request as generated (canonical JSON of the file's value without this `hash`).
   */
  hash: string;
  /**
   * true: the operation is inferred, not confirmed by the API's own documentation (`x-mvpm-inferred` in the document); it runs only on stand-in targets.
   */
  inferred?: boolean;
}
/**
 * specs/environments/<file>.environment.yaml: a Postman environment.
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "EnvironmentDefinition".
 */
export interface EnvironmentDefinition {
  $kind: 'mvpm-environment';
  name: NonEmptyString;
  description?: string;
  /**
   * A target's name: lower-case letters, digits and dashes, starting with a letter.
   */
  target?: string;
  /**
   * The target is mvpm's stand-in: `mvpm run` starts one for the run (or uses --base-url) and points every `servers` variable at it. Default false.
   */
  standin?: boolean;
  /**
   * The variables that hold server base URLs. On a stand-in target they are set to the stand-in's address; on any other target each must be an https URL (http only on this machine). Default: none.
   */
  servers?: NonEmptyString[];
  secrets?: ProcessVariableMap;
  overrides?: ProcessVariableMap1;
  variables: {
    [k: string]: EnvironmentVariable | undefined;
  };
}
/**
 * Variable → the process environment variable (`MV_…`) that supplies its value when `mvpm run` runs this target; never read from a file. Each is required, except the one holding the refresh token, which may come from the token state file.
 */
export interface ProcessVariableMap {
  [k: string]: NonEmptyString | undefined;
}
/**
 * Variable → the process environment variable (`MV_…`) that replaces its value when set (a server's address, say).
 */
export interface ProcessVariableMap1 {
  [k: string]: NonEmptyString | undefined;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "EnvironmentVariable".
 */
export interface EnvironmentVariable {
  description?: string;
  /**
   * Default value written to the generated environment. Not allowed with secret: true.
   */
  value?: string | number | boolean;
  /**
   * Postman type `secret`; the value is never written to the generated file. Default false.
   */
  secret?: boolean;
  /**
   * The base URL variables (of this environment) whose hosts may receive this variable: a request may send it only when its URL starts with `{{base}}/` for one of them. Required for a secret that requests send; allowed on any variable.
   *
   * @minItems 1
   */
  sendTo?: [NonEmptyString, ...NonEmptyString[]];
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "ProcessVariableMap".
 */
export interface ProcessVariableMap2 {
  [k: string]: NonEmptyString | undefined;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "VariableMap".
 */
export interface VariableMap1 {
  [k: string]:
    | Scalar
    | {
        value: Scalar;
        description?: string;
      }
    | undefined;
}
/**
 * The fields of Postman's OAuth 2.0 helper, named as Postman exports them (auth.oauth2[].key).
 *
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "OAuth2Credentials".
 */
export interface OAuth2Credentials {
  grant_type:
    'authorization_code' | 'authorization_code_with_pkce' | 'client_credentials' | 'password_credentials' | 'implicit';
  authUrl?: string;
  accessTokenUrl?: string;
  refreshTokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  state?: string;
  redirect_uri?: string;
  /**
   * Authorize using the browser (Postman's callback page). Default false.
   */
  useBrowser?: boolean;
  /**
   * Send client credentials as Basic auth header or in the body. Default header.
   */
  client_authentication?: 'header' | 'body';
  /**
   * Default header.
   */
  addTokenTo?: 'header' | 'queryParams';
  tokenName?: string;
  /**
   * Default Bearer.
   */
  headerPrefix?: string;
  /**
   * The token Postman and Newman send, normally {{access_token}}: Newman never fetches a token itself.
   */
  accessToken: string;
  tokenType?: string;
  /**
   * PKCE only. Default S256.
   */
  challengeAlgorithm?: 'S256' | 'plain';
  /**
   * PKCE only.
   */
  code_verifier?: string;
  /**
   * password_credentials only.
   */
  username?: string;
  /**
   * password_credentials only.
   */
  password?: string;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "BearerCredentials".
 */
export interface BearerCredentials {
  token: string;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "BasicCredentials".
 */
export interface BasicCredentials {
  username: string;
  password: string;
}
/**
 * This interface was referenced by `MvpmSpecFiles`'s JSON-Schema
 * via the `definition` "FormContent".
 */
export interface FormContent {
  [k: string]:
    | Scalar
    | {
        /**
         * formdata only: a file to upload.
         */
        src: string;
      }
    | undefined;
}
