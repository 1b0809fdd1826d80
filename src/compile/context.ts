/** Settings of the compile stage, resolved once with every default explicit. */
export interface CompileContext {
  /** UUID v5 namespace for every generated id. Changing it changes every id in every output. */
  readonly idNamespace: string;
  /** Collection format URL written to info.schema (Postman Collection v2.1.0). */
  readonly schemaUrl: string;
  /** `_postman_exported_using` of environments: a fixed name, no version, so releases do not churn outputs. */
  readonly exportedUsing: string;
}

export const COLLECTION_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export function createCompileContext(overrides: Partial<CompileContext> = {}): CompileContext {
  return {
    idNamespace: '6f0c4c52-2b7e-5a8e-9d7e-6d2f8b0e4a11',
    schemaUrl: COLLECTION_SCHEMA_V21,
    exportedUsing: 'mediavalet-postman',
    ...overrides,
  };
}
