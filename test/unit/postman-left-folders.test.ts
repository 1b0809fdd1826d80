// The Postman CLI runner's private folders left by a SIGKILLed mvpm (credentials and a refresh token in the
// environment it gave the CLI): the next CLI run removes those of processes now gone, and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { removeLeftFolders } from '../../src/run/postman-run.ts';
import { tempProject } from '../support/helpers.ts';

test('removes the folders of processes that are gone; keeps live ones, files and other names', () => {
  const tmp = tempProject({});
  try {
    // A process that has ended: its pid names no process (until the system hands it out again).
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const dead = Number(gone.stdout.trim());
    const names = {
      dead: `mvpm-postman-${dead}-Ab12Cd`,
      live: `mvpm-postman-${process.pid}-Ef34Gh`,
      parent: `mvpm-postman-${process.ppid}-Ij56Kl`,
      home: 'mvpm-postman-home-Mn78Op',
      other: `not-mvpm-postman-${dead}-Qr90St`,
    };
    for (const name of Object.values(names)) {
      mkdirSync(path.join(tmp.dir, name, 'home'), { recursive: true });
      writeFileSync(path.join(tmp.dir, name, 'environment.json'), '{"values":[]}');
    }
    writeFileSync(path.join(tmp.dir, `mvpm-postman-${dead}-file`), 'a file, not a folder of ours');
    removeLeftFolders(tmp.dir);
    assert.equal(existsSync(path.join(tmp.dir, names.dead)), false, 'the dead process’s folder is removed');
    for (const name of [names.live, names.parent, names.home, names.other])
      assert.equal(existsSync(path.join(tmp.dir, name, 'environment.json')), true, `${name} is kept`);
    assert.equal(existsSync(path.join(tmp.dir, `mvpm-postman-${dead}-file`)), true);
  } finally {
    tmp.cleanup();
  }
});

test('a missing temporary folder is no error', () => {
  const tmp = tempProject({});
  try {
    removeLeftFolders(path.join(tmp.dir, 'missing'));
  } finally {
    tmp.cleanup();
  }
});
