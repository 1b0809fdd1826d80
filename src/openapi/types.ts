// The OpenAPI model every other part of mvpm reads: one shape for Swagger 2.0, OpenAPI 3.0 and 3.1, made by
// loadOpenApi (load.ts) from a document that has been read through the path guard, parsed with positions, checked
// against the official schema and had its references resolved. Nothing here points back into the raw document.
//
// Schemas are JSON Schema draft-07 (what Postman's `jsonSchema` check and our ajv both read): OpenAPI's own keywords
// (`nullable`, `example`, `discriminator`, `xml`, 3.1's `prefixItems`/`$defs`, 2.0's `x-nullable`…) are translated or
// dropped. Every `$ref` left in a schema is `#/definitions/<name>` and names an entry of OpenApiDocument.schemas, so a
// schema is a finite tree however the document's schemas refer to each other (a circular schema stays a reference).

/** The versions loadOpenApi reads; `2.0` is Swagger. */
export type OpenApiVersion = '2.0' | '3.0' | '3.1';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** A JSON Schema draft-07 schema (see the file comment for the `$ref` rule). */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** Where something is in the document's files: for errors, warnings and reports. */
export interface SourceLocation {
  /** The file's path relative to the project root, with `/`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** RFC 6901 JSON pointer inside that file, `` for its root. */
  readonly pointer: string;
}

export interface OpenApiDocument {
  /** The root document's path relative to the project root, with `/`. */
  readonly file: string;
  readonly version: OpenApiVersion;
  /** `info.title`. */
  readonly title: string;
  /** `info.version`: the API's version, not OpenAPI's. */
  readonly apiVersion: string;
  readonly description?: string;
  /** 3.x `servers`; 2.0 `schemes` × `host` + `basePath`. Empty when the document names none. */
  readonly servers: readonly Server[];
  /** `components.securitySchemes` / `securityDefinitions`, by name, in document order. */
  readonly securitySchemes: ReadonlyMap<string, SecurityScheme>;
  /** The document's top-level `security`; empty when it has none. */
  readonly security: readonly SecurityRequirement[];
  /** Every operation, in document order (paths in order, methods in the order they are written). */
  readonly operations: readonly Operation[];
  /**
   * Shared schemas by name: `components.schemas` / `definitions` first (their own names), then any other schema a
   * `$ref` points at (another file, or inside an operation), named after it and made unique.
   */
  readonly schemas: ReadonlyMap<string, JsonSchema>;
  /** Where a JSON pointer of the root document (or `file#pointer` of another file) is; undefined when unknown. */
  readonly locate: (pointer: string) => SourceLocation | undefined;
  readonly warnings: readonly OpenApiWarning[];
}

export interface OpenApiWarning {
  readonly code: string;
  readonly message: string;
  readonly location?: SourceLocation;
}

export interface Server {
  /** The URL with each `{variable}` replaced by its default. */
  readonly url: string;
  /** The URL as written, `{variable}`s and all. */
  readonly template: string;
  readonly variables: ReadonlyMap<string, { readonly default: string; readonly enum?: readonly string[] }>;
  readonly description?: string;
}

export type SecurityScheme =
  | {
      readonly type: 'oauth2';
      readonly description?: string;
      readonly flows: {
        readonly authorizationCode?: OAuthFlow;
        readonly clientCredentials?: OAuthFlow;
        readonly implicit?: OAuthFlow;
        readonly password?: OAuthFlow;
      };
    }
  | {
      readonly type: 'apiKey';
      readonly description?: string;
      /** The header, query parameter or cookie name. */
      readonly name: string;
      readonly in: 'header' | 'query' | 'cookie';
    }
  | { readonly type: 'http'; readonly description?: string; readonly scheme: string; readonly bearerFormat?: string }
  | { readonly type: 'openIdConnect'; readonly description?: string; readonly url: string }
  | { readonly type: 'mutualTLS'; readonly description?: string };

export interface OAuthFlow {
  readonly authorizationUrl?: string;
  readonly tokenUrl?: string;
  readonly refreshUrl?: string;
  /** scope → description, in document order. */
  readonly scopes: ReadonlyMap<string, string>;
}

/** scheme name → scopes; an empty requirement (`{}`) means "no authentication". */
export type SecurityRequirement = ReadonlyMap<string, readonly string[]>;

export interface Operation {
  /** `operationId`, or `METHOD /path` when it has none: how mvpm matches a request to its operation. */
  readonly key: string;
  readonly operationId?: string;
  readonly method: HttpMethod;
  /** The path as written, `{name}` parameters and all: `/assets/{assetId}/renditions`. */
  readonly path: string;
  readonly tags: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Path-level and operation-level parameters merged (the operation's win by `in` + `name`); no body/formData. */
  readonly parameters: readonly Parameter[];
  /** 3.x `requestBody`; 2.0 `body` and `formData` parameters folded into one. */
  readonly requestBody?: RequestBody;
  /** In document order; `default` included with status `default`. */
  readonly responses: readonly Response[];
  /** The operation's own `security`; undefined: the document's. */
  readonly security?: readonly SecurityRequirement[];
  /** The operation's (or its path's) own `servers`; undefined: the document's. */
  readonly servers?: readonly Server[];
  /** `x-…` extensions of the operation, e.g. `x-mvpm-inferred`, `x-mvpm-source`. */
  readonly extensions: ReadonlyMap<string, unknown>;
  /** `/paths/<escaped path>/<method>` in the root document. */
  readonly pointer: string;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly schema?: JsonSchema;
  /** The parameter's own `example` (or first of `examples`), else its schema's; undefined when there is none. */
  readonly example?: unknown;
  readonly hasExample: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly pointer: string;
}

export interface RequestBody {
  readonly required: boolean;
  readonly description?: string;
  /** By media type, in document order. */
  readonly content: readonly MediaType[];
  readonly pointer: string;
}

export interface MediaType {
  /** `application/json`, `multipart/form-data`, … as written (lower-cased). */
  readonly type: string;
  readonly schema?: JsonSchema;
  /** The media type's `example` (or first of `examples`), else its schema's; undefined when there is none. */
  readonly example?: unknown;
  readonly hasExample: boolean;
  readonly pointer: string;
}

export interface Response {
  /** `200`, `2XX`, `default`, as written (upper-cased X). */
  readonly status: string;
  readonly description?: string;
  readonly content: readonly MediaType[];
  /** Response headers by name, with their schemas. */
  readonly headers: ReadonlyMap<string, { readonly required: boolean; readonly schema?: JsonSchema }>;
  readonly pointer: string;
}
