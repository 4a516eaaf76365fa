/**
 * Replacing a file so that readers see either the old contents or the new, never a half-written
 * file, even if the process dies midway.
 */
import { open, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { removeIfPresent, writeTempFile } from './temp-file';

/**
 * Writes `bytes` to `path` atomically: into a temporary file in the same folder (named with the
 * pid and a random suffix, starting with '.'), fsynced, then renamed over the target. The
 * temporary file is removed if anything fails. The folder must exist.
 *
 * @param path the file to create or replace
 * @param bytes the new contents; a string is written as UTF-8
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const tempPath = await writeTempFile(dirname(path), basename(path), bytes);
  try {
    await rename(tempPath, path);
  } catch (error) {
    await removeIfPresent(tempPath);
    throw error;
  }
  await syncFolder(dirname(path));
}

/**
 * Flushes a folder's entry list so the rename itself survives a power cut. Best effort: Windows
 * cannot open a folder for this, and the write has already succeeded from the caller's view.
 */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (e.g. EISDIR/EPERM on Windows); the data itself was already fsynced.
  }
}
