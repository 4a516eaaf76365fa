import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/node/file-lock';
import { tempDir } from './temp-dir';

describe('withFileLock', () => {
  it('holds the lock file during the task and removes it after', async () => {
    const dir = await tempDir();
    const lock = join(dir, 'x.lock');
    const seen = await withFileLock(lock, async () => JSON.parse(await readFile(lock, 'utf8')));
    expect(seen).toMatchObject({ pid: process.pid, token: expect.any(String), time: expect.any(String) });
    expect(await readdir(dir)).toEqual([]);
  });

  it('releases the lock when the task throws', async () => {
    const dir = await tempDir();
    const lock = join(dir, 'x.lock');
    await expect(withFileLock(lock, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });

  it('runs tasks one at a time', async () => {
    const dir = await tempDir();
    const lock = join(dir, 'x.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        withFileLock(lock, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 10));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('does not remove a lock that another holder took over meanwhile', async () => {
    const dir = await tempDir();
    const lock = join(dir, 'x.lock');
    const theirs = JSON.stringify({ pid: process.pid, host: 'h', time: new Date().toISOString(), token: 'theirs' });
    await withFileLock(lock, () => writeFile(lock, theirs));
    expect(await readFile(lock, 'utf8')).toBe(theirs);
  });
});
