// The named schemas of a document (OpenApiDocument.schemas): the root file's `components/schemas` (3.x) or
// `definitions` (2.0) under their own names, then every other schema a `$ref` points at (in another file, or in a
// place that is not a component, like 3.1's `$defs`), named after the last part of its pointer (or its file) and
// made unique, case-insensitively, since names later become file names. A schema is translated once, however many
// references reach it, and references stay references: a circular schema is a finite tree.
import path from 'node:path';
import { collisionKey } from '../paths/path-guard.js';
import { pointerOf } from './openapi-error.js';
import { type DocumentFiles, isObject, type Place, refOf } from './refs.js';
import { schemaNameOf, type SchemaContext, toJsonSchema } from './to-json-schema.js';
import type { JsonSchema, OpenApiVersion } from './types.js';

export class SchemaRegistry {
  readonly schemas = new Map<string, JsonSchema>();
  /** `file#pointer` of a schema → its name. */
  readonly #names = new Map<string, string>();
  readonly #taken = new Set<string>();
  readonly #places = new Map<string, Place>();
  /** Named schemas not yet translated. */
  readonly #queue: { readonly name: string; readonly place: Place; readonly value: unknown }[] = [];
  readonly context: SchemaContext;

  constructor(
    readonly files: DocumentFiles,
    readonly version: OpenApiVersion,
    ignored: (at: Place, keyword: string) => void,
  ) {
    this.context = { version, refName: (at, ref) => this.refName(at, ref), ignored };
    const root = files.root;
    const key = version === '2.0' ? ['definitions'] : ['components', 'schemas'];
    const own = key.reduce<unknown>((node, k) => (isObject(node) ? node[k] : undefined), root.value);
    if (isObject(own))
      for (const [name, value] of Object.entries(own))
        this.#register(name, { file: root.file, segments: [...key, name] }, value);
  }

  /** Translates every schema registered so far and those they reach. */
  drain(): void {
    for (let next = this.#queue.shift(); next; next = this.#queue.shift())
      this.schemas.set(next.name, toJsonSchema(next.value, next.place, this.context));
  }

  /** The schema at `place` in draft-07, its references registered. */
  translate(value: unknown, place: Place): JsonSchema {
    return toJsonSchema(value, place, this.context);
  }

  /**
   * The names of schemas that are only references around a loop (`A: {$ref: B}`, `B: {$ref: A}`): a validator
   * would never reach a schema. Each with the place of its `$ref`.
   */
  referenceCycles(): { readonly name: string; readonly place: Place }[] {
    const out: { name: string; place: Place }[] = [];
    for (const name of this.schemas.keys()) {
      const seen = new Set<string>();
      let current: string | undefined = name;
      while (current !== undefined && !seen.has(current)) {
        seen.add(current);
        const schema = this.schemas.get(current);
        const ref = isObject(schema) && Object.keys(schema).length === 1 ? refOf(schema) : undefined;
        current = ref === undefined ? undefined : schemaNameOf(ref);
      }
      if (current === name) out.push({ name, place: this.#places.get(name)! });
    }
    return out;
  }

  refName(at: Place, ref: string): string | undefined {
    const target = this.files.target(at, ref);
    if (!target) return undefined;
    const key = `${target.file}#${pointerOf(target.segments)}`;
    const known = this.#names.get(key);
    if (known !== undefined) return known;
    const last = target.segments.at(-1);
    const base = last ?? path.posix.basename(target.file).replace(/\.(ya?ml|json)$/i, '');
    return this.#register(this.#unique(base), target, target.value);
  }

  #register(name: string, place: Place, value: unknown): string {
    this.#names.set(`${place.file}#${pointerOf(place.segments)}`, name);
    this.#taken.add(collisionKey(name));
    this.#places.set(name, place);
    this.#queue.push({ name, place, value });
    return name;
  }

  #unique(base: string): string {
    if (!this.#taken.has(collisionKey(base))) return base;
    for (let n = 2; ; n++) if (!this.#taken.has(collisionKey(`${base}_${n}`))) return `${base}_${n}`;
  }
}
