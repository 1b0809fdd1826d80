// Hand-built OpenApiDocument values for the conversion's unit tests: the loader's model with every field defaulted,
// so a test names only what it is about.
import type {
  MediaType,
  OpenApiDocument,
  Operation,
  Parameter,
  Response,
  SecurityScheme,
  Server,
} from '../../src/openapi/types.ts';

export type OperationInput = Partial<Omit<Operation, 'parameters' | 'responses' | 'extensions'>> & {
  readonly method: Operation['method'];
  readonly path: string;
  readonly parameters?: readonly (Partial<Parameter> & Pick<Parameter, 'name' | 'in'>)[];
  readonly responses?: readonly (Partial<Omit<Response, 'content'>> & {
    status: string;
    content?: readonly Partial<MediaType>[];
  })[];
  readonly extensions?: Record<string, unknown>;
};

export function media(type: string, fields: Partial<MediaType> = {}): MediaType {
  return { type, hasExample: 'example' in fields, pointer: '', ...fields };
}

export function server(url: string, fields: Partial<Server> = {}): Server {
  return { url, template: url, variables: new Map(), ...fields };
}

export function operation(input: OperationInput): Operation {
  const pointer = `/paths/${input.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${input.method.toLowerCase()}`;
  return {
    key: input.operationId ?? `${input.method} ${input.path}`,
    tags: [],
    deprecated: false,
    pointer,
    ...input,
    parameters: (input.parameters ?? []).map((p) => ({
      required: p.in === 'path',
      deprecated: false,
      hasExample: 'example' in p,
      pointer: `${pointer}/parameters`,
      ...p,
    })),
    responses: (input.responses ?? [{ status: '200' }]).map((r) => ({
      headers: new Map(),
      pointer: `${pointer}/responses/${r.status}`,
      ...r,
      content: (r.content ?? []).map((m) => media(m.type ?? 'application/json', m)),
    })),
    extensions: new Map(Object.entries(input.extensions ?? {})),
  };
}

export function openApiDocument(
  fields: Partial<Omit<OpenApiDocument, 'operations' | 'securitySchemes' | 'schemas'>> & {
    readonly operations?: readonly OperationInput[];
    readonly securitySchemes?: Record<string, SecurityScheme>;
    readonly schemas?: Record<string, import('../../src/openapi/types.ts').JsonSchema>;
  } = {},
): OpenApiDocument {
  return {
    file: 'specs/openapi/api.yaml',
    version: '3.0',
    title: 'Test API',
    apiVersion: '1.0.0',
    servers: [server('https://api.example.com/v1')],
    security: [],
    warnings: [],
    locate: (pointer) => ({ file: 'specs/openapi/api.yaml', line: 7, column: 5, pointer }),
    ...fields,
    operations: (fields.operations ?? []).map(operation),
    securitySchemes: new Map(Object.entries(fields.securitySchemes ?? {})),
    schemas: new Map(Object.entries(fields.schemas ?? {})),
  };
}
