import type { EnvironmentSpec } from '../spec/model.js';
import type { CompileContext } from './context.js';
import { stableId } from './ids.js';

/** A Postman environment as the Postman app exports it, minus the export timestamp (it would churn every build). */
export interface PostmanEnvironment {
  id: string;
  name: string;
  values: { key: string; value: string; type: 'default' | 'secret'; enabled: boolean }[];
  _postman_variable_scope: 'environment';
  _postman_exported_using: string;
}

/** Secrets are typed `secret` and always written empty: their values are supplied at run time. */
export function compileEnvironment(spec: EnvironmentSpec, ctx: CompileContext): PostmanEnvironment {
  return {
    id: stableId(ctx, 'environment', spec.slug),
    name: spec.name,
    values: spec.variables.map((v) => ({
      key: v.key,
      value: v.secret ? '' : v.value,
      type: v.secret ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
    _postman_exported_using: ctx.exportedUsing,
  };
}
