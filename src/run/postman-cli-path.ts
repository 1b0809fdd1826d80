// Where the Postman CLI binary is. It is proprietary and about 300 MB unpacked, so the project's own `npm ci` never
// installs it: `npm ci --prefix tools/postman-cli` does, from that folder's pinned lock file (docs/postman-cli.md).
// The runner (`mvpm run --runner postman`) and the test/postman/ tests find it here, and nowhere else.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { RunError } from './errors.js';

/** The one command that installs the pinned Postman CLI into the project. */
export const POSTMAN_CLI_INSTALL = 'npm ci --prefix tools/postman-cli';

/** The environment variable naming a Postman CLI binary to use instead of the pinned one. */
export const POSTMAN_CLI_ENV = 'MVPM_POSTMAN_CLI';

/** The folder, under the project, holding the pinned CLI's package.json and package-lock.json. */
export const POSTMAN_CLI_DIR = path.join('tools', 'postman-cli');

// Node's names → the suffix of Postman's per-platform npm packages (`@postman/pm-bin-<os>-<arch>`).
const OS_NAMES: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  linux: 'linux',
  darwin: 'macos',
  win32: 'windows',
};

/**
 * The platforms whose binary tools/postman-cli/package-lock.json pins (the only `@postman/pm-bin-*` package
 * published at the pinned version when it was chosen); elsewhere `MVPM_POSTMAN_CLI` names one installed by hand.
 */
const PINNED_PLATFORMS: readonly string[] = ['linux-x64'];

export interface PostmanCliContext {
  /** The project root: tools/postman-cli/ is looked up under it. */
  readonly projectDir: string;
  /** Where `MVPM_POSTMAN_CLI` is read from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `process.platform` unless a test says otherwise. */
  readonly platform?: NodeJS.Platform;
  /** `process.arch` unless a test says otherwise. */
  readonly arch?: string;
}

/** The pinned binary's path under `projectDir`, whether or not it is installed. */
export function pinnedPostmanCliPath(projectDir: string, platform: NodeJS.Platform, arch: string): string {
  const os = OS_NAMES[platform] ?? platform;
  const binary = platform === 'win32' ? 'postman.exe' : 'postman';
  return path.join(projectDir, POSTMAN_CLI_DIR, 'node_modules', '@postman', `pm-bin-${os}-${arch}`, 'bin', binary);
}

/**
 * The absolute path of the Postman CLI binary: `MVPM_POSTMAN_CLI` when set, else the one `npm ci --prefix
 * tools/postman-cli` installs for this platform. Throws E_NO_POSTMAN_CLI, naming the install command, when that
 * file is missing.
 */
export function postmanCliPath(context: PostmanCliContext): string {
  const override = context.env[POSTMAN_CLI_ENV];
  if (override !== undefined && override !== '') {
    const file = path.resolve(context.projectDir, override);
    if (isFile(file)) return file;
    throw new RunError('E_NO_POSTMAN_CLI', `${POSTMAN_CLI_ENV} names ${file}, which is not an executable file`, {
      hint: `point ${POSTMAN_CLI_ENV} at the Postman CLI binary, or unset it and run \`${POSTMAN_CLI_INSTALL}\``,
    });
  }
  const platform = context.platform ?? process.platform;
  const arch = context.arch ?? process.arch;
  const file = pinnedPostmanCliPath(context.projectDir, platform, arch);
  if (isFile(file)) return file;
  const os = OS_NAMES[platform] ?? platform;
  if (!PINNED_PLATFORMS.includes(`${os}-${arch}`)) {
    throw new RunError(
      'E_NO_POSTMAN_CLI',
      `the Postman CLI is not installed, and ${POSTMAN_CLI_DIR} pins no binary for ${os}-${arch}`,
      {
        hint: `install the Postman CLI with Postman's installer and set ${POSTMAN_CLI_ENV} to its binary`,
      },
    );
  }
  throw new RunError('E_NO_POSTMAN_CLI', `the Postman CLI is not installed (looked for ${file})`, {
    hint: `run \`${POSTMAN_CLI_INSTALL}\` once in the project (about 100 MB to download, 300 MB on disk)`,
  });
}

/** A file this process may execute (any file on Windows, where there is no execute bit). */
function isFile(file: string): boolean {
  try {
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
