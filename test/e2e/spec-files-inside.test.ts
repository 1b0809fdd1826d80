// Reads stay inside specs/: schema files (E_SCHEMA_FILE), form-data files in specs/files/ (E_FORM_FILE), symbolic
// links (E_SYMLINK), and names on disk (E_BAD_NAME). Tables of projects with the exact diagnostics each gives, and a
// watch on the file system calls a build makes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs, { mkdirSync, symlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.ts';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import { minimalProject, PROJECT_ROOT, tempProject } from '../support/helpers.ts';

const REQUEST = '$kind: mvpm-request\nmethod: POST\nurl: "{{baseUrl}}/ping"\n';
const schemaRequest = (file: string): string => `${REQUEST}expect:\n  schema: { file: ${JSON.stringify(file)} }\n`;
const formRequest = (src: string): string =>
  `${REQUEST}body:\n  type: formdata\n  content:\n    upload: { src: ${JSON.stringify(src)} }\n`;
const SCHEMA = '{ "type": "object" }\n';
const MOVE_SCHEMA =
  'move the schema into specs/ (for example specs/schemas/) and name it relative to this request file';
const PUT_FORM_FILE = 'put the file in specs/files/ and write its path relative to that folder, e.g. `src: logo.png`';

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
  /** Symbolic links to make: path in the project → target. */
  readonly links?: Record<string, string>;
  readonly directories?: readonly string[];
  readonly expected: string[];
}

const CASES: Case[] = [
  {
    name: 'schema file inside specs/, relative to the request',
    files: { 'specs/schemas/a.json': SCHEMA, 'specs/demo/Ping.request.yaml': schemaRequest('../schemas/a.json') },
    expected: [],
  },
  {
    name: 'schema file outside specs/ (it exists, and is never opened)',
    files: { 'private/state.json': SCHEMA, 'specs/demo/Ping.request.yaml': schemaRequest('../../private/state.json') },
    expected: [
      `E_SCHEMA_FILE specs/demo/Ping.request.yaml:5:19 schema file \`../../private/state.json\` is outside specs/; ` +
        `mvpm reads only files inside it | ${MOVE_SCHEMA}`,
    ],
  },
  {
    name: 'schema file by absolute path',
    files: { 'specs/demo/Ping.request.yaml': schemaRequest('/proc/self/environ') },
    expected: [
      `E_SCHEMA_FILE specs/demo/Ping.request.yaml:5:19 schema file \`/proc/self/environ\` is an absolute path; mvpm ` +
        `reads only files inside specs/ | ${MOVE_SCHEMA}`,
    ],
  },
  {
    name: 'schema file that is a link to a file outside',
    files: {
      'private/state.json': SCHEMA,
      'specs/demo/Ping.request.yaml': schemaRequest('../schemas/a.json'),
      'specs/schemas/README.md': 'x',
    },
    links: { 'specs/schemas/a.json': '../../private/state.json' },
    expected: [
      'E_SCHEMA_FILE specs/demo/Ping.request.yaml:5:19 schema file `../schemas/a.json` passes through a symbolic ' +
        'link; mvpm does not follow links inside specs/ | replace the link with the file or directory it ' +
        'points to',
    ],
  },
  {
    name: 'schema file that is a directory',
    files: { 'specs/schemas/a.json/x': 'x', 'specs/demo/Ping.request.yaml': schemaRequest('../schemas/a.json') },
    expected: [
      'E_SCHEMA_FILE specs/demo/Ping.request.yaml:5:19 schema file `../schemas/a.json` is not a regular file | name ' +
        'a JSON or YAML file',
    ],
  },
  {
    name: 'form file in specs/files/, also in a subfolder',
    files: {
      'specs/files/logo.png': 'png',
      'specs/files/brand/b.png': 'png',
      'specs/demo/A.request.yaml': formRequest('logo.png'),
      'specs/demo/B.request.yaml': formRequest('brand/b.png'),
    },
    expected: [],
  },
  {
    name: 'form file missing',
    files: { 'specs/demo/Ping.request.yaml': formRequest('logo.png') },
    expected: [
      'E_FORM_FILE specs/demo/Ping.request.yaml:7:20 form file not found: specs/files/logo.png | form-data files ' +
        'live in specs/files/; `src` is relative to that folder',
    ],
  },
  {
    name: 'form file beside the request (the old rule) is not found: src is relative to specs/files/',
    files: { 'specs/demo/logo.png': 'png', 'specs/demo/Ping.request.yaml': formRequest('./logo.png') },
    expected: [
      'E_FORM_FILE specs/demo/Ping.request.yaml:7:20 form file `./logo.png` is not a plain path inside ' +
        'specs/files/: it has an empty or `.` part | write it without them: `src: logo.png`',
    ],
  },
  {
    name: 'form file that climbs out, or is absolute',
    files: {
      'specs/files/x': 'x',
      'specs/demo/A.request.yaml': formRequest('../demo/A.request.yaml'),
      'specs/demo/B.request.yaml': formRequest('/etc/passwd'),
      'specs/demo/C.request.yaml': formRequest('C:\\secrets.txt'),
    },
    expected: [
      `E_FORM_FILE specs/demo/A.request.yaml:7:20 form file \`../demo/A.request.yaml\` leaves specs/files/: it has ` +
        `a \`..\` part | ${PUT_FORM_FILE}`,
      `E_FORM_FILE specs/demo/B.request.yaml:7:20 form file \`/etc/passwd\` is an absolute path; mvpm reads only ` +
        `files inside specs/files/ | ${PUT_FORM_FILE}`,
      `E_FORM_FILE specs/demo/C.request.yaml:7:20 form file \`C:\\secrets.txt\` is an absolute path; mvpm reads ` +
        `only files inside specs/files/ | ${PUT_FORM_FILE}`,
    ],
  },
  {
    name: 'form file through a link, and specs/files/ itself a link',
    files: { 'private/logo.png': 'png', 'specs/demo/Ping.request.yaml': formRequest('logo.png') },
    links: { 'specs/files': '../private' },
    expected: [
      'E_FORM_FILE specs/demo/Ping.request.yaml:7:20 form file `logo.png` passes through a symbolic link; mvpm does ' +
        'not follow links inside specs/ | replace the link with the file or directory it points to',
      'E_SYMLINK specs/files:1:1 this is a symbolic link: mvpm does not follow links inside the specs directory | ' +
        'replace the link with the file or directory it points to; a link could make a build read files ' +
        'outside the project',
    ],
  },
  {
    name: 'form file that is a directory',
    files: { 'specs/demo/Ping.request.yaml': formRequest('brand') },
    directories: ['specs/files/brand'],
    expected: [
      'E_FORM_FILE specs/demo/Ping.request.yaml:7:20 form file `brand` is not a regular file | name a file, not a ' +
        'directory or device',
    ],
  },
  {
    name: 'names on disk that do not travel: a trailing dot, a leading space, a reserved name, a `?`',
    files: {
      'specs/demo/Folder./Ping.request.yaml': REQUEST,
      'specs/demo/ Lead.request.yaml': REQUEST,
      'specs/demo/com1/Ping.request.yaml': REQUEST,
      'specs/demo/What?.request.yaml': REQUEST,
      'specs/environments/three .environment.yaml':
        '$kind: mvpm-environment\nname: Three\nvariables:\n  baseUrl: { value: "http://127.0.0.1:3" }\n',
    },
    expected: [
      'E_BAD_NAME specs/demo/ Lead.request.yaml:1:1 the request file name ` Lead.request.yaml` cannot be used: it ' +
        "starts with a space | rename the file: a request's name is its file name, shown in Postman and in " +
        'reports',
      'E_BAD_NAME specs/demo/Folder.:1:1 the folder name `Folder.` cannot be used: it ends with a dot or a space, ' +
        "which Windows drops | rename the directory: a folder's name is its directory name, shown in " +
        'Postman and in reports',
      'E_BAD_NAME specs/demo/What?.request.yaml:1:1 the request file name `What?.request.yaml` cannot be used: it ' +
        'contains a path separator or one of < > : " | ? * | rename the file: a request\'s name is its ' +
        'file name, shown in Postman and in reports',
      'E_BAD_NAME specs/demo/com1:1:1 the folder name `com1` cannot be used: it is a reserved device name on ' +
        "Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9) | rename the directory: a folder's name is its " +
        'directory name, shown in Postman and in reports',
      'E_BAD_NAME specs/environments/three .environment.yaml:1:1 the environment file name `three ' +
        '.environment.yaml` cannot be used: it ends with a dot or a space, which Windows drops | rename ' +
        'the file: it names the generated environment file',
    ],
  },
  {
    name: 'two names that one file system would merge (composed and decomposed é)',
    files: { 'specs/demo/Caf\u00e9.request.yaml': REQUEST, 'specs/demo/Cafe\u0301.request.yaml': REQUEST },
    expected: [
      'E_DUPLICATE_NAME specs/demo/Caf\u00e9.request.yaml:1:1 "Caf\u00e9" has the same name as the request ' +
        '"Cafe\u0301" in the same folder | rename one of them: names select folders with --folder and ' +
        'label results in reports',
    ],
  },
];

function render(d: {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}): string {
  return `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}${d.hint ? ` | ${d.hint}` : ''}`;
}

function makeProject(c: Pick<Case, 'files' | 'links' | 'directories'>): { dir: string; cleanup: () => void } {
  const project = tempProject(minimalProject(c.files));
  for (const dir of c.directories ?? []) mkdirSync(path.join(project.dir, dir), { recursive: true });
  for (const [link, target] of Object.entries(c.links ?? {})) {
    mkdirSync(path.dirname(path.join(project.dir, link)), { recursive: true });
    symlinkSync(target, path.join(project.dir, link));
  }
  return project;
}

describe('reads stay inside specs/: each case gives exactly these diagnostics', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const project = makeProject(c);
      try {
        const result = await buildProject({ cwd: project.dir });
        assert.deepEqual([...result.warnings, ...result.errors].map(render), c.expected);
      } finally {
        project.cleanup();
      }
    });
  }
});

describe('reads stay inside specs/: what the loader touches', () => {
  test('no file outside specs/ is opened or listed, whatever the specs point at', async () => {
    const project = makeProject({
      files: {
        'private/state.json': '{ "refresh_token": "must-never-be-read" }\n',
        'private/Other.request.yaml': REQUEST,
        'specs/demo/A.request.yaml': schemaRequest('../../private/state.json'),
        'specs/demo/B.request.yaml': formRequest('../../private/state.json'),
        'specs/demo/C.request.yaml': schemaRequest('/proc/self/environ'),
      },
      links: {
        'specs/demo/root': '/',
        'specs/demo/Linked': '../../private',
        'specs/demo/D.request.yaml': '../../private/Other.request.yaml',
        'specs/files': '../private',
      },
    });
    const specs = fs.realpathSync(path.join(project.dir, 'specs'));
    const touched: string[] = [];
    const originals = {
      openSync: fs.openSync,
      readdirSync: fs.readdirSync,
      readFileSync: fs.readFileSync,
      realpathSync: fs.realpathSync,
    };
    const watch = <F extends (...args: never[]) => unknown>(name: keyof typeof originals, original: F): F =>
      ((...args: Parameters<F>) => {
        if (typeof args[0] === 'string') touched.push(`${name} ${path.resolve(project.dir, args[0])}`);
        return original(...args);
      }) as F;
    try {
      fs.openSync = watch('openSync', originals.openSync);
      fs.readdirSync = watch('readdirSync', originals.readdirSync);
      fs.readFileSync = watch('readFileSync', originals.readFileSync);
      fs.realpathSync = watch('realpathSync', originals.realpathSync);
      syncBuiltinESMExports();
      const loaded = await loadSpecs({ specsDir: 'specs', cwd: project.dir });
      Object.assign(fs, originals);
      syncBuiltinESMExports();
      assert.deepEqual(loaded.diagnostics.map((d) => `${d.code} ${d.file}`).sort(), [
        'E_FORM_FILE specs/demo/B.request.yaml',
        'E_SCHEMA_FILE specs/demo/A.request.yaml',
        'E_SCHEMA_FILE specs/demo/C.request.yaml',
        'E_SYMLINK specs/demo/D.request.yaml',
        'E_SYMLINK specs/demo/Linked',
        'E_SYMLINK specs/demo/root',
        'E_SYMLINK specs/files',
      ]);
      assert.ok(
        touched.some((t) => t.startsWith('openSync ')),
        'the watch saw the spec files being opened',
      );
      const outside = touched.filter(
        (t) => !t.slice(t.indexOf(' ') + 1).startsWith(specs) && !t.endsWith(` ${path.join(project.dir, 'specs')}`),
      );
      assert.deepEqual(outside, []);
    } finally {
      Object.assign(fs, originals);
      syncBuiltinESMExports();
      project.cleanup();
    }
  });

  test(
    'a link to / and a link loop inside specs/ are reported at once, ' +
      'not walked (a child process, so a hang fails)',
    () => {
      const project = makeProject({ files: {} });
      try {
        symlinkSync('/', path.join(project.dir, 'specs/demo/everything'));
        symlinkSync('..', path.join(project.dir, 'specs/demo/up'));
        symlinkSync('.', path.join(project.dir, 'specs/demo/loop'));
        // The built CLI (npm test builds it first), killed after 10 s: following these links took minutes.
        const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin/mvpm.js'), 'build'], {
          cwd: project.dir,
          encoding: 'utf8',
          timeout: 10_000,
          env: { ...process.env, NO_COLOR: '1' },
        });
        assert.equal(run.signal, null, 'the build was killed: it did not finish in 10 s');
        assert.equal(run.status, 2);
        assert.deepEqual(
          run.stderr.split('\n').filter((l) => l.startsWith('error') || l.includes('-->')),
          [
            'error[E_SYMLINK]: this is a symbolic link: mvpm does not follow links inside the specs directory',
            '  --> specs/demo/everything:1:1',
            'error[E_SYMLINK]: this is a symbolic link: mvpm does not follow links inside the specs directory',
            '  --> specs/demo/loop:1:1',
            'error[E_SYMLINK]: this is a symbolic link: mvpm does not follow links inside the specs directory',
            '  --> specs/demo/up:1:1',
          ],
        );
      } finally {
        project.cleanup();
      }
    },
  );
});
