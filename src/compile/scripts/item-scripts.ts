import type { RequestSpec, ScriptSpec } from '../../spec/model.js';
import { compileCaptures, concealedSources } from './captures.js';
import { compileExpectation, type ScriptPart } from './expectations.js';
import { helperBlock, type HelperName } from './helpers.js';
import { sourceLine } from './markers.js';

export interface CompiledScripts {
  readonly prerequest?: readonly string[];
  readonly test?: readonly string[];
}

/**
 * A request's Postman scripts: the test script runs its expectations (each its own pm.test), then its captures,
 * then any raw `afterResponse` script; the pre-request script is its raw `beforeRequest` scripts.
 */
export function compileRequestScripts(request: RequestSpec): CompiledScripts {
  const concealed = concealedSources(request.captures);
  const parts: ScriptPart[] = [...request.expectations.map((e) => compileExpectation(e, { concealed })), compileCaptures(request.captures)];
  const generated = parts.flatMap((part) => part.lines);
  const helpers = new Set<HelperName>(parts.flatMap((part) => part.helpers));
  const header = generated.length > 0 ? [sourceLine(request.origin.source.projectPath)] : [];
  const test = [...header, ...helperBlock(helpers), ...generated, ...rawScripts(request.scripts, 'afterResponse')];
  const prerequest = rawScripts(request.scripts, 'beforeRequest');
  return { ...(prerequest.length > 0 ? { prerequest } : {}), ...(test.length > 0 ? { test } : {}) };
}

/** Collection- and folder-level scripts: only raw ones. */
export function compileRawScripts(scripts: readonly ScriptSpec[]): CompiledScripts {
  const prerequest = rawScripts(scripts, 'beforeRequest');
  const test = rawScripts(scripts, 'afterResponse');
  return { ...(prerequest.length > 0 ? { prerequest } : {}), ...(test.length > 0 ? { test } : {}) };
}

function rawScripts(scripts: readonly ScriptSpec[], type: ScriptSpec['type']): string[] {
  return scripts.filter((s) => s.type === type).flatMap((s) => s.code.replace(/\n$/, '').split('\n'));
}
