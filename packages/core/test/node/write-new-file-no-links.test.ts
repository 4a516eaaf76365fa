/**
 * writeNewFile on a file system without hard links (FAT, some network shares): `link` fails, and
 * the file must still be created without overwriting anything.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeNewFile } from '../../src/node/write-new-file';
import { tempDir } from './temp-dir';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    link: vi.fn(async () => {
      throw Object.assign(new Error('operation not permitted, link'), { code: 'EPERM' });
    }),
  };
});

describe('writeNewFile without hard links', () => {
  it('falls back to an exclusive copy that still never overwrites', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'fox.png'), 'original');
    const path = await writeNewFile(dir, 'fox.png', new TextEncoder().encode('new'));
    expect(path).toBe(join(dir, 'fox-2.png'));
    expect(await readFile(join(dir, 'fox.png'), 'utf8')).toBe('original');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['fox-2.png', 'fox.png']);
  });
});
