// Targets declared in the specs: the validation rules (a table of invalid cases, each with its exact message), the
// run plan (what runs, in which order, what is skipped and why) and the guard that src/ knows no spec's names.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { planSteps, pruneCollection } from '../../src/run/run-plan.ts';
import { RunError } from '../../src/run/errors.ts';
import { resolveTarget } from '../../src/run/targets.ts';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import type { SpecProject } from '../../src/spec/model.ts';
import { validateSpecs } from '../../src/spec/validate-spec.ts';
import { minimalProject, PROJECT_ROOT, tempProject } from '../support/helpers.ts';

const ONE = 'specs/environments/one.environment.yaml';
const TWO = 'specs/environments/two.environment.yaml';
const env = (name: string, head: string): string =>
  `$kind: mvpm-environment\nname: ${name}\n${head}variables:\n  baseUrl: { value: "http://127.0.0.1:1" }\n` +
  `  Key: { secret: true }\n`;

async function validate(
  files: Record<string, string | undefined>,
): Promise<{ errors: string[]; project?: SpecProject }> {
  const work = tempProject(minimalProject({ [TWO]: env('Two', ''), ...files }));
  try {
    const loaded = await loadSpecs({ specsDir: path.join(work.dir, 'specs'), cwd: work.dir, parseWorkers: 0 });
    const result = validateSpecs(loaded, { cwd: work.dir });
    return {
      errors: result.errors.map((e) => `${e.code} ${e.file}:${e.line}:${e.column} ${e.message}`),
      ...(result.value ? { project: result.value } : {}),
    };
  } finally {
    work.cleanup();
  }
}

describe('spec rules for targets', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    [
      "an unknown target in a request's targets",
      {
        [ONE]: env('One', 'target: staging\n'),
        'specs/demo/Ping.request.yaml':
          '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\ntargets: [stagin]\n',
      },
      ['E_UNKNOWN_TARGET specs/demo/Ping.request.yaml:4:11 no environment serves target `stagin`'],
    ],
    [
      'two environments serving one target',
      { [ONE]: env('One', 'target: staging\n'), [TWO]: env('Two', 'target: staging\n') },
      [
        'E_DUPLICATE_TARGET specs/environments/two.environment.yaml:3:9 target `staging` is also served by ' +
          'environment "One" (specs/environments/one.environment.yaml)',
      ],
    ],
    [
      'a process variable outside MV_, and one mapped twice',
      {
        [ONE]: env('One', 'target: staging\nsecrets:\n  Key: GITHUB_TOKEN\noverrides:\n  baseUrl: MV_X\n  Key: MV_X\n'),
      },
      [
        'E_PROCESS_VARIABLE specs/environments/one.environment.yaml:5:8 `Key` is mapped to `GITHUB_TOKEN`, which ' +
          'does not start with MV_',
        'E_PROCESS_VARIABLE specs/environments/one.environment.yaml:8:8 `MV_X` is mapped twice (to `baseUrl` and ' +
          '`Key`)',
      ],
    ],
    [
      'a lower-case MV_ name is not an MV_ name',
      { [ONE]: env('One', 'secrets:\n  Key: MV_key\n') },
      [
        'E_PROCESS_VARIABLE specs/environments/one.environment.yaml:4:8 `Key` is mapped to `MV_key`, which does not ' +
          'start with MV_',
      ],
    ],
    [
      'secrets, overrides and servers name variables of the environment',
      { [ONE]: env('One', 'servers: [baseUrll]\nsecrets:\n  Kei: MV_KEY\n') },
      [
        'E_TARGET_VARIABLE specs/environments/one.environment.yaml:3:11 `servers` names `baseUrll`, which is not a ' +
          'variable of environment "One"',
        'E_TARGET_VARIABLE specs/environments/one.environment.yaml:5:3 `secrets` maps `Kei`, which is not a ' +
          'variable of environment "One"',
      ],
    ],
    [
      'a spending folder with no stand-in target',
      {
        [ONE]: env('One', 'target: staging\n'),
        'specs/demo/Revoke/.resources/definition.yaml': '$kind: mvpm-folder\nrole: spends-sign-in\n',
        'specs/demo/Revoke/Go.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/go"\n',
      },
      [
        'E_NO_STANDIN specs/demo/Revoke/.resources/definition.yaml:2:7 a folder that spends the sign-in needs a ' +
          'stand-in target, and no environment declares `standin: true`',
      ],
    ],
    [
      'a spending folder that would run on a real target',
      {
        [ONE]: env('One', 'target: staging\n'),
        [TWO]: env('Two', 'target: local\nstandin: true\n'),
        'specs/demo/Revoke/.resources/definition.yaml': '$kind: mvpm-folder\nrole: spends-sign-in\n',
        'specs/demo/Revoke/Go.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/go"\n',
      },
      [
        'E_ROLE specs/demo/Revoke/.resources/definition.yaml:2:7 a folder that spends the sign-in would run on ' +
          "`staging`, which is not a stand-in: it signs in through the stand-in's page or spends the " +
          'sign-in',
      ],
    ],
  ];
  for (const [name, files, expected] of cases) {
    test(name, async () => {
      const { errors } = await validate(files);
      assert.deepEqual(errors, expected);
    });
  }

  test('the same declarations, written correctly, validate', async () => {
    const { errors, project } = await validate({
      [ONE]: env(
        'One',
        'target: staging\nservers: [baseUrl]\nsecrets:\n  Key: MV_KEY\noverrides:\n  baseUrl: MV_BASE_URL\n',
      ),
      [TWO]: env('Two', 'target: local\nstandin: true\nservers: [baseUrl]\n'),
      'specs/demo/Revoke/.resources/definition.yaml': '$kind: mvpm-folder\ntargets: [local]\nrole: spends-sign-in\n',
      'specs/demo/Revoke/Go.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/go"\n',
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(
      project!.environments.map((e) => [
        e.target,
        e.standin,
        e.servers,
        e.secrets.map((s) => `${s.variable}=${s.processVariable}`),
      ]),
      [
        ['staging', false, ['baseUrl'], ['Key=MV_KEY']],
        ['local', true, ['baseUrl'], []],
      ],
    );
  });
});

describe('the run plan', () => {
  const files = {
    [ONE]: env('One', 'target: staging\n'),
    [TWO]: env('Two', 'target: local\nstandin: true\n'),
    'specs/demo/Revoke/.resources/definition.yaml':
      '$kind: mvpm-folder\norder: 0\ntargets: [local]\nrole: spends-sign-in\n',
    'specs/demo/Revoke/Go.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/go"\n',
    'specs/demo/Codes/.resources/definition.yaml': '$kind: mvpm-folder\norder: 1\nrole: code-exchange\n',
    'specs/demo/Codes/Trade.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/trade"\n',
    'specs/demo/Reads/.resources/definition.yaml': '$kind: mvpm-folder\norder: 2\n',
    'specs/demo/Reads/Read.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/read"\n',
    'specs/demo/Reads/Delete.request.yaml':
      '$kind: mvpm-request\nmethod: DELETE\nurl: "{{baseUrl}}/thing"\ntargets: [local]\n',
    'specs/other/.resources/definition.yaml': '$kind: mvpm-collection\nname: Other\ntargets: [local]\n',
    'specs/other/Hi.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/hi"\n',
  };

  test(
    'on a stand-in started for the run: everything runs, ' + 'the spending folder (order 0) after every other step',
    async () => {
      const { project } = await validate(files);
      const { steps, skipped } = planSteps(resolveTarget(project!, undefined, 'run'), {
        signsIn: true,
        keepsTokens: false,
      });
      assert.deepEqual(
        steps.map((s) => [s.label, s.folders]),
        [
          ['demo', ['Codes', 'Reads', 'Ping']],
          ['other', ['Hi']],
          ['demo-last', ['Revoke']],
        ],
      );
      assert.deepEqual(skipped, []);
    },
  );

  test(
    'on a real target from a refresh token: stand-in-only items, ' +
      'the code exchange and the other collection are skipped, each with why',
    async () => {
      const { project } = await validate(files);
      const { steps, skipped } = planSteps(resolveTarget(project!, 'staging', 'run'), {
        signsIn: false,
        keepsTokens: true,
      });
      assert.deepEqual(
        steps.map((s) => [s.label, s.folders, [...s.keep].sort()]),
        [['demo', ['Reads', 'Ping'], ['["Ping"]', '["Reads","Read"]', '["Reads"]']]],
      );
      assert.deepEqual(
        skipped.map((s) => `${s.what}: ${s.reason}`),
        [
          'Other: runs only on local',
          'Demo / Revoke: runs only on local',
          "Demo / Codes: exchanges the sign-in's code, and this run starts from a refresh token",
          'Demo / Reads / Delete: runs only on local',
        ],
      );
    },
  );

  test(
    'a stand-in whose tokens are kept (mvpm serve) skips the spending folder: ' + 'it would end the kept sign-in',
    async () => {
      const { project } = await validate(files);
      const { steps, skipped } = planSteps(resolveTarget(project!, 'local', 'run'), {
        signsIn: true,
        keepsTokens: true,
      });
      assert.deepEqual(
        steps.map((s) => s.label),
        ['demo', 'other'],
      );
      assert.deepEqual(
        skipped.map((s) => `${s.what}: ${s.reason}`),
        ['Demo / Revoke: spends the sign-in, and this run keeps its tokens for the next run'],
      );
    },
  );

  test('the committed collection is pruned to the plan and reordered; a stale one is refused', async () => {
    const { project } = await validate(files);
    const plan = resolveTarget(project!, 'local', 'run');
    const { steps } = planSteps(
      { ...plan, collections: plan.collections.filter((c) => c.slug === 'demo') },
      { signsIn: true, keepsTokens: false },
    );
    const item = (name: string, children?: object[]): object =>
      children ? { name, item: children } : { name, request: {} };
    const json = {
      info: {},
      item: [
        item('Revoke', [item('Go')]),
        item('Codes', [item('Trade')]),
        item('Reads', [item('Delete'), item('Read')]),
        item('Ping'),
      ],
    };
    const pruned = pruneCollection(json, steps[0]!, 'demo.json') as { item: { name: string }[] };
    assert.deepEqual(
      pruned.item.map((i) => i.name),
      ['Codes', 'Reads', 'Ping', 'Revoke'],
    );
    const stale = { ...json, item: json.item.slice(1) };
    assert.throws(
      () => pruneCollection(stale, steps[0]!, 'demo.json'),
      (e: unknown) =>
        e instanceof RunError &&
        e.code === 'E_NO_GENERATED_FILES' &&
        /demo\.json does not match the specs .*run `mvpm build`/.test(e.message),
    );
  });

  test('an unknown --target or --folder is refused, naming what there is', async () => {
    const { project } = await validate(files);
    assert.throws(
      () => resolveTarget(project!, 'prod', 'run'),
      /no environment serves target `prod`: the specs declare staging, local \(stand-in\)/,
    );
    assert.throws(
      () =>
        planSteps(resolveTarget(project!, 'local', 'run'), { signsIn: true, keepsTokens: false, folders: ['Raeds'] }),
      /--folder "Raeds": no collection that runs on `local` has such a top-level folder/,
    );
  });
});

test('no collection, folder or file name of the MediaValet specs appears in src/', () => {
  const names = [
    'Refresh chain',
    'Stand-in checks',
    'Sign in"',
    "'Sign in'",
    "'API'",
    'mediavalet.postman_collection',
    'standin-sign-in',
    'guide-variables',
    'local-standin',
    'FOLDERS',
    'CREDENTIAL_VARIABLES',
    'TOKEN_PATH',
  ];
  const hits: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        // The stand-in is a server playing MediaValet: its own routes are its business, not the runner's.
        if (entry !== 'standin') walk(full);
        continue;
      }
      if (!full.endsWith('.ts') || entry.startsWith('_')) continue;
      const text = readFileSync(full, 'utf8');
      for (const name of names) if (text.includes(name)) hits.push(`${path.relative(PROJECT_ROOT, full)}: ${name}`);
    }
  };
  walk(path.join(PROJECT_ROOT, 'src/run'));
  walk(path.join(PROJECT_ROOT, 'src/cli/commands'));
  assert.deepEqual(hits, []);
});
