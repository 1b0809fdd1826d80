// The hash an imported request records (`openapi.hash`): what mvpm generated for it, so re-import can tell a request
// someone edited from one that is as generated. It is taken over the file's parsed value, not its text, so the same
// request hashes the same however YAML lays it out; everything counts except the hash itself.
import { createHash } from 'node:crypto';

/** `sha256:<hex>` of `request` (a request spec's parsed value) with `openapi.hash` left out. */
export function importHash(request: unknown): string {
  return `sha256:${createHash('sha256')
    .update(canonicalJson(withoutHash(request)))
    .digest('hex')}`;
}

/** True when `request` (a parsed request spec) still is what mvpm generated: its `openapi.hash` matches. */
export function isAsGenerated(request: unknown): boolean {
  const recorded = recordedHash(request);
  return recorded !== undefined && recorded === importHash(request);
}

/** The `openapi.hash` a parsed request spec records, if any. */
export function recordedHash(request: unknown): string | undefined {
  if (!isObject(request) || !isObject(request.openapi)) return undefined;
  const hash = request.openapi.hash;
  return typeof hash === 'string' ? hash : undefined;
}

function withoutHash(request: unknown): unknown {
  if (!isObject(request) || !isObject(request.openapi)) return request;
  const { hash: _hash, ...openapi } = request.openapi;
  return { ...request, openapi };
}

/** JSON with object keys sorted at every level: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
