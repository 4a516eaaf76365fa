import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { tempDir } from './temp-dir';

describe('writeFileAtomic', () => {
  it('creates a file and leaves no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'out.bin');
    await writeFileAtomic(path, Uint8Array.of(1, 2, 3));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it('replaces an existing file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'm.json');
    await writeFile(path, 'old contents that are longer');
    await writeFileAtomic(path, '{"new":true}');
    expect(await readFile(path, 'utf8')).toBe('{"new":true}');
    expect(await readdir(dir)).toEqual(['m.json']);
  });

  it('fails cleanly, leaving no temporary file, when the target cannot be replaced', async () => {
    const dir = await tempDir();
    // A folder in the way: rename of a file over a non-empty folder fails on every platform.
    const path = join(dir, 'taken');
    await mkdir(join(path, 'inner'), { recursive: true });
    await expect(writeFileAtomic(path, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('fails when the folder does not exist', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(join(dir, 'missing', 'f'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets two concurrent writers each finish whole', async () => {
    // Each writer has its own temp file, so the result is one complete version, never a mix.
    const dir = await tempDir();
    const path = join(dir, 'race.txt');
    const a = 'a'.repeat(100_000);
    const b = 'b'.repeat(100_000);
    await Promise.all([writeFileAtomic(path, a), writeFileAtomic(path, b)]);
    expect([a, b]).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['race.txt']);
  });
});
