import type { PostmanEnvironment } from '../compile/compile-environment.js';
import { cleanName } from '../paths/path-guard.js';
import { V3_ENVIRONMENT_SUFFIX, V3_ENVIRONMENTS_DIR, type V3File } from './v3-collection.js';

/**
 * The v3 form of a compiled environment, `environments/<dir>.environment.yaml`: `name` and `values` with `key`,
 * `value`, `enabled` and `type`, as `postman environment new` writes it (no id: Postman keeps environments by file).
 * Made from the v2.1 environment, whose secrets are already empty, so no secret value can reach it.
 */
export function v3EnvironmentFile(environment: PostmanEnvironment, dir: string): V3File {
  return {
    relative: `${V3_ENVIRONMENTS_DIR}/${cleanName(dir)}${V3_ENVIRONMENT_SUFFIX}`,
    document: {
      name: environment.name,
      values: environment.values.map((v) => ({ key: v.key, value: v.value, enabled: v.enabled, type: v.type })),
    },
  };
}
