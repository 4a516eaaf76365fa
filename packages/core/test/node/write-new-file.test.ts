import { readdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNewFile } from '../../src/node/write-new-file';
import { tempDir } from './temp-dir';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeNewFile', () => {
  it('writes under the given name and returns the absolute path', async () => {
    const dir = await tempDir();
    const path = await writeNewFile(dir, 'fox-abc123.png', bytes('image'));
    expect(path).toBe(join(dir, 'fox-abc123.png'));
    expect(isAbsolute(path)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('image');
    expect(await readdir(dir)).toEqual(['fox-abc123.png']);
  });

  it('never overwrites: picks -2, -3 and keeps the original bytes', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'fox.png'), 'original');
    const second = await writeNewFile(dir, 'fox.png', bytes('second'));
    const third = await writeNewFile(dir, 'fox.png', bytes('third'));
    expect(second).toBe(join(dir, 'fox-2.png'));
    expect(third).toBe(join(dir, 'fox-3.png'));
    expect(await readFile(join(dir, 'fox.png'), 'utf8')).toBe('original');
    expect(await readFile(second, 'utf8')).toBe('second');
    expect(await readFile(third, 'utf8')).toBe('third');
    expect((await readdir(dir)).sort()).toEqual(['fox-2.png', 'fox-3.png', 'fox.png']);
  });

  it('adds the suffix before the extension only, and handles names without one', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.b.webp'), 'x');
    await writeFile(join(dir, 'noext'), 'x');
    expect(await writeNewFile(dir, 'a.b.webp', bytes('y'))).toBe(join(dir, 'a.b-2.webp'));
    expect(await writeNewFile(dir, 'noext', bytes('y'))).toBe(join(dir, 'noext-2'));
  });

  it('gives concurrent writers of the same name distinct files', async () => {
    const dir = await tempDir();
    const paths = await Promise.all(
      Array.from({ length: 8 }, (_, i) => writeNewFile(dir, 'same.png', bytes(`writer ${i}`))),
    );
    expect(new Set(paths).size).toBe(8);
    const contents = await Promise.all(paths.map((p) => readFile(p, 'utf8')));
    expect(contents.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `writer ${i}`).sort());
    expect((await readdir(dir)).length).toBe(8);
  });

  it('overwrites with force', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'fox.png'), 'original');
    const path = await writeNewFile(dir, 'fox.png', bytes('replacement'), { force: true });
    expect(path).toBe(join(dir, 'fox.png'));
    expect(await readFile(path, 'utf8')).toBe('replacement');
    expect(await readdir(dir)).toEqual(['fox.png']);
  });

  it('creates missing folders', async () => {
    const dir = join(await tempDir(), 'a', 'b', 'c');
    const path = await writeNewFile(dir, 'img.jpg', bytes('jpg'));
    expect(path).toBe(join(dir, 'img.jpg'));
    expect(await readFile(path, 'utf8')).toBe('jpg');
  });

  it('leaves no temporary file behind', async () => {
    const dir = await tempDir();
    await writeNewFile(dir, 'x.png', bytes('1'));
    await writeNewFile(dir, 'x.png', bytes('2'));
    await writeNewFile(dir, 'x.png', bytes('3'), { force: true });
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it.each(['', '.', '..', 'sub/x.png', '..\\x.png'])('refuses the non-plain file name %j', async (name) => {
    const dir = await tempDir();
    await expect(writeNewFile(dir, name, bytes('x'))).rejects.toThrow(/Not a plain file name/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('propagates errors other than "exists" and cleans up', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file'), 'not a folder');
    await expect(writeNewFile(join(dir, 'file'), 'x.png', bytes('x'))).rejects.toMatchObject({
      code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/),
    });
    expect(await readdir(dir)).toEqual(['file']);
  });
});
