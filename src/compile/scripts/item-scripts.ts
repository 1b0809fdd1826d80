import type { CollectionSpec, RequestSpec, ScriptSpec } from '../../spec/model.js';
import { compileCaptures, concealedSources } from './captures.js';
import { requestsOf } from './check-runner.js';
import { compileChecks, sharedSchemas } from './checks.js';
import { compileExpectation, type ScriptPart } from './expectations.js';
import { helperBlock, type HelperName } from './helpers.js';
import { indent, js, pmTest } from './js.js';
import { sourceLine } from './markers.js';
import { compileNeedsGuard, neededVariables } from './needs.js';

export interface CompiledScripts {
  readonly prerequest?: readonly string[];
  readonly test?: readonly string[];
}

export interface RequestScriptContext {
  /** Variables this request needs that other requests produce (see needs.ts); default none. */
  readonly needs?: readonly string[];
  /** Labels of the schemas the collection's test script holds (checks.ts sharedSchemas); default none. */
  readonly sharedSchemas?: ReadonlySet<string>;
  /**
   * `checks` (the default): the checks as data in the pre-request script, run by the collection's test script
   * (checks.ts, check-runner.ts). The older layouts, each check compiled into the request's own test script, are
   * asked for only by the import side, to recognise collections exported then: `current`, the checks guarded by
   * "an answer came back"; `flat`, as mvpm wrote them before an unanswered request failed once (no `mark`).
   */
  readonly layout?: 'checks' | 'current' | 'flat';
}

/**
 * A request's Postman scripts. The pre-request script skips the request when a variable it needs was not produced
 * earlier in the run, then lists its expectations and captures as data for the collection's test script, then
 * runs its raw `beforeRequest` scripts; the test script holds only its raw `afterResponse` scripts.
 */
export function compileRequestScripts(request: RequestSpec, ctx: RequestScriptContext = {}): CompiledScripts {
  if (ctx.layout === undefined || ctx.layout === 'checks') {
    const checks = compileChecks(request, ctx.sharedSchemas);
    const prerequest = [
      ...compileNeedsGuard(ctx.needs ?? []),
      ...(checks.length > 0 ? [sourceLine(request.origin.source.projectPath), ...checks] : []),
      ...rawScripts(request.scripts, 'beforeRequest'),
    ];
    const test = rawScripts(request.scripts, 'afterResponse');
    return { ...(prerequest.length > 0 ? { prerequest } : {}), ...(test.length > 0 ? { test } : {}) };
  }
  const concealed = concealedSources(request.captures);
  const parts: ScriptPart[] = [
    ...request.expectations.map((e) => compileExpectation(e, { concealed })),
    compileCaptures(request.captures),
  ];
  const generated = parts.flatMap((part) => part.lines);
  const helpers = new Set<HelperName>(parts.flatMap((part) => part.helpers));
  const flat = ctx.layout === 'flat';
  if (request.captures.length > 0) helpers.add('mark');
  const header = generated.length > 0 ? [sourceLine(request.origin.source.projectPath)] : [];
  const checks = generated.length > 0 && !flat ? unansweredOr(request, generated) : generated;
  const test = [
    ...header,
    ...helperBlock(helpers, ctx.layout),
    ...checks,
    ...rawScripts(request.scripts, 'afterResponse'),
  ];
  const prerequest = [...compileNeedsGuard(ctx.needs ?? [], 'legacy'), ...rawScripts(request.scripts, 'beforeRequest')];
  return { ...(prerequest.length > 0 ? { prerequest } : {}), ...(test.length > 0 ? { test } : {}) };
}

/**
 * The checks run only on an answer. A request that got none (no connection, a timeout) fails one test that says
 * so, instead of one per check ("expected PostmanResponse{…} to have property 'code'"), and records its captures
 * as not produced, so the requests that need them are skipped.
 */
function unansweredOr(request: RequestSpec, checks: readonly string[]): string[] {
  const count = request.expectations.length;
  const variables = request.captures.map((c) => c.variable);
  const notRun = [
    ...(count > 0 ? [`${count} ${count === 1 ? 'check' : 'checks'} did not run`] : []),
    ...(variables.length > 0 ? [`nothing was captured into ${variables.map((v) => `{{${v}}}`).join(', ')}`] : []),
  ].join(' and ');
  return [
    'if (typeof pm.response.code !== "number") {',
    ...indent(pmTest('an answer came back', [`pm.expect.fail(${js(`no answer came back, so ${notRun}`)});`])),
    ...(variables.length > 0 ? [`    mvpm.mark(${js(variables)}, "it got no answer");`] : []),
    '} else {',
    ...indent(checks),
    '}',
  ];
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

/** The script context of each request of a collection: what it needs, which schemas the collection holds. */
export function requestScriptContexts(collection: CollectionSpec): Map<RequestSpec, RequestScriptContext> {
  const needs = neededVariables(collection);
  const shared = new Set(sharedSchemas(requestsOf(collection.items)).keys());
  return new Map([...needs].map(([request, n]) => [request, { needs: n, sharedSchemas: shared }]));
}
