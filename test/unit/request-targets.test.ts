// Per-request targets by method: what runs on a real target and on a stand-in, and why the rest is skipped (the run
// plan and the generated pages share one answer), and E_INFERRED_TARGET for inferred OpenAPI operations.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { planSteps } from '../../src/run/run-plan.ts';
import { resolveTarget } from '../../src/run/targets.ts';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import type { SpecProject } from '../../src/spec/model.ts';
import { declaredTargets, READING_METHODS, requestPlacements } from '../../src/spec/request-targets.ts';
import { validateSpecs } from '../../src/spec/validate-spec.ts';
import { minimalProject, PROJECT_ROOT, tempProject } from '../support/helpers.ts';

const HASH = `sha256:${'0'.repeat(64)}`;
const request = (method: string, url: string, extra = ''): string =>
  `$kind: mvpm-request\nmethod: ${method}\nurl: "{{baseUrl}}${url}"\n${extra}`;

const FILES: Record<string, string> = {
  'specs/environments/one.environment.yaml':
    '$kind: mvpm-environment\nname: One\ntarget: staging\nvariables:\n  baseUrl: { value: "https://x.test" }\n',
  'specs/environments/two.environment.yaml':
    '$kind: mvpm-environment\nname: Two\ntarget: local\nstandin: true\n' +
    'variables:\n  baseUrl: { value: "http://127.0.0.1:2" }\n',
  'specs/demo/.resources/definition.yaml':
    '$kind: mvpm-collection\nname: Demo\nautoRefresh:\n  tokenUrl: "{{baseUrl}}/token"\n  clientId: demo\n' +
    '  clientSecret: ""\n',
  'specs/demo/Ping.request.yaml': undefined as unknown as string,
  'specs/demo/a/Get.request.yaml': request('GET', '/a', 'order: 1\n'),
  'specs/demo/a/Head.request.yaml': request('HEAD', '/a', 'order: 2\n'),
  'specs/demo/a/Search.request.yaml': request('POST', '/search', 'order: 3\nreadOnly: true\n'),
  'specs/demo/a/Token.request.yaml': request('POST', '/token', 'order: 4\n'),
  'specs/demo/a/Create.request.yaml': request('POST', '/a', 'order: 5\n'),
  'specs/demo/a/Create opted in.request.yaml': request('POST', '/a', 'order: 6\ntargets: [staging, local]\n'),
  'specs/demo/a/Remove.request.yaml': request('DELETE', '/a', 'order: 7\n'),
  'specs/demo/a/Remove opted in.request.yaml': request('DELETE', '/a', 'order: 8\ntargets: [staging]\n'),
  'specs/demo/a/Inferred.request.yaml': request(
    'GET',
    '/guess',
    `order: 9\nopenapi: { operation: guess, hash: "${HASH}", inferred: true }\n`,
  ),
  'specs/demo/b/.resources/definition.yaml': '$kind: mvpm-folder\ntargets: [staging, local]\n',
  'specs/demo/b/Patch.request.yaml': request('PATCH', '/b', 'order: 1\n'),
  'specs/demo/b/Drop.request.yaml': request('DELETE', '/b', 'order: 2\n'),
};

async function validate(
  files: Record<string, string | undefined>,
): Promise<{ errors: string[]; project?: SpecProject }> {
  const work = tempProject(minimalProject(files));
  try {
    const loaded = await loadSpecs({ specsDir: path.join(work.dir, 'specs'), cwd: work.dir, parseWorkers: 0 });
    const result = validateSpecs(loaded, { cwd: work.dir });
    return {
      errors: result.errors.map((e) => `${e.code} ${e.file}:${e.line}:${e.column} ${e.message} | ${e.hint}`),
      ...(result.value ? { project: result.value } : {}),
    };
  } finally {
    work.cleanup();
  }
}

const POST_DEFAULT =
  'method default: POST runs on a target that is not a stand-in only when `targets` names it or the request is ' +
  '`readOnly: true`';
const DELETE_DEFAULT =
  "method default: DELETE runs on a target that is not a stand-in only when the request's own `targets` names it";

describe('targets by method', () => {
  test('on a real target: reads, readOnly and token requests run; changes only where `targets` opts in', async () => {
    const { errors, project } = await validate(FILES);
    assert.deepEqual(errors, []);
    const { steps, skipped } = planSteps(resolveTarget(project!, 'staging', 'run'), {
      signsIn: false,
      keepsTokens: true,
    });
    assert.deepEqual(
      [...steps[0]!.keep].map((k) => (JSON.parse(k) as string[]).join(' / ')).sort(),
      ['a', 'a / Create opted in', 'a / Get', 'a / Head', 'a / Remove opted in', 'a / Search', 'a / Token'].concat([
        'b',
        'b / Patch',
      ]),
    );
    assert.deepEqual(
      skipped.map((s) => `${s.what}: ${s.reason}`),
      [
        `Demo / a / Create: ${POST_DEFAULT}`,
        `Demo / a / Remove: ${DELETE_DEFAULT}`,
        'Demo / a / Inferred: an inferred OpenAPI operation (`openapi.inferred`) runs only on stand-ins',
        `Demo / b / Drop: ${DELETE_DEFAULT}`,
      ],
    );
  });

  test('on a stand-in every method runs; only `targets` lists leave requests out', async () => {
    const { project } = await validate(FILES);
    const { skipped } = planSteps(resolveTarget(project!, 'local', 'run'), { signsIn: false, keepsTokens: false });
    assert.deepEqual(
      skipped.map((s) => `${s.what}: ${s.reason}`),
      ['Demo / a / Remove opted in: runs only on staging'],
    );
  });

  test('the generated pages read the same placements as the run', async () => {
    const { project } = await validate(FILES);
    const placements = requestPlacements(project!.collections[0]!, declaredTargets(project!));
    const where = placements.map(
      ({ request, placement }) =>
        `${request.name}: ${[...placement].map(([t, why]) => (why === undefined ? t : `not ${t}`)).join(', ')}`,
    );
    assert.deepEqual(where, [
      'Get: staging, local',
      'Head: staging, local',
      'Search: staging, local',
      'Token: staging, local',
      'Create: not staging, local',
      'Create opted in: staging, local',
      'Remove: not staging, local',
      'Remove opted in: staging, not local',
      'Inferred: not staging, local',
      'Patch: staging, local',
      'Drop: not staging, local',
    ]);
  });

  test('a request for an inferred operation may not name a real target (E_INFERRED_TARGET)', async () => {
    const { errors } = await validate({
      ...FILES,
      'specs/demo/a/Inferred.request.yaml': request(
        'GET',
        '/guess',
        `openapi: { operation: guess, hash: "${HASH}", inferred: true }\ntargets: [local, staging]\n`,
      ),
    });
    assert.deepEqual(errors, [
      'E_INFERRED_TARGET specs/demo/a/Inferred.request.yaml:5:18 this request covers an inferred OpenAPI operation ' +
        '(`openapi.inferred: true`), and `targets` names `staging`, which is not a stand-in | an inferred ' +
        'operation runs only on stand-ins (`local`): remove `staging` from `targets`, or confirm the operation ' +
        'in the OpenAPI document and import it again',
    ]);
  });
});

test('the committed MediaValet specs: on MediaValet only reads, readOnly requests and token requests run', async () => {
  const loaded = await loadSpecs({ specsDir: path.join(PROJECT_ROOT, 'specs'), cwd: PROJECT_ROOT, parseWorkers: 0 });
  const project = validateSpecs(loaded, { cwd: PROJECT_ROOT }).value!;
  const skippedOn = (target: string, signsIn: boolean, keepsTokens: boolean): string[] =>
    planSteps(resolveTarget(project, target, 'run'), { signsIn, keepsTokens }).skipped.map(
      (s) => `${s.what}: ${s.reason}`,
    );
  const api = project.collections.find((c) => c.slug === 'mediavalet')!;
  const placements = requestPlacements(api, declaredTargets(project));
  const name = (r: { method: string; path: readonly string[] }): string => `${r.method} ${r.path.join(' / ')}`;
  const onReal = placements.filter(({ placement }) => placement.get('mediavalet') === undefined).map((p) => p.request);
  // Nothing that may change data, and no inferred operation, runs there: reads, `readOnly: true` (POST
  // /assets/search) and the token requests (protocol, not API operations) only.
  for (const request of onReal) {
    const reads = READING_METHODS.has(request.method) || request.readOnly || request.url === '{{tokenUrl}}';
    assert.ok(reads && request.openapi?.inferred !== true, `${name(request)} runs on mediavalet`);
  }
  // Every other read does run there, unless its own `targets` leaves mediavalet out.
  const readsLeftOut = placements.filter(
    ({ request, placement }) =>
      READING_METHODS.has(request.method) &&
      request.openapi?.inferred !== true &&
      (request.targets?.includes('mediavalet') ?? true) &&
      placement.get('mediavalet') !== undefined,
  );
  assert.deepEqual(
    readsLeftOut.map((p) => name(p.request)),
    [],
  );
  // The hand-written requests run there as before.
  for (const expected of [
    'POST Sign in / Exchange authorization code for tokens',
    'POST Refresh chain / Refresh access token',
    'POST Refresh chain / Refresh again with the rotated token',
    'GET API / Get current user',
    'GET API / List categories',
    'POST API / Search assets',
  ])
    assert.ok(onReal.map(name).includes(expected), expected);
  // The run plan skips what the placements say, each request once, with the same reason; whole folders first.
  const requestSkips = placements
    .filter(
      ({ request, placement }) => placement.get('mediavalet') !== undefined && request.path[0] !== 'Stand-in checks',
    )
    .map(({ request, placement }) => `MediaValet API / ${request.path.join(' / ')}: ${placement.get('mediavalet')}`);
  assert.deepEqual(skippedOn('mediavalet', false, true), [
    'MediaValet Stand-in - Sign in: runs only on standin',
    "MediaValet API / Sign in: exchanges the sign-in's code, and this run starts from a refresh token",
    ...requestSkips,
    'MediaValet API / Stand-in checks: runs only on standin',
  ]);
  assert.deepEqual(skippedOn('standin', true, false), []);
});
