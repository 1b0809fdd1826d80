import os from 'node:os';
import path from 'node:path';

/**
 * The per-user state directory: `$XDG_STATE_HOME/mvpm` (default `~/.local/state/mvpm`) on Linux and other Unixes,
 * `~/Library/Application Support/mvpm` on macOS, `%LOCALAPPDATA%\mvpm\State` on Windows. Outside every project, so
 * nothing in a clone (a pull request) can write what mvpm keeps there: token state and the record of written files.
 */
export function stateDirectory(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = env['HOME'] ?? os.homedir();
  if (platform === 'win32')
    return path.join(env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'mvpm', 'State');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'mvpm');
  return path.join(env['XDG_STATE_HOME'] || path.join(home, '.local', 'state'), 'mvpm');
}
