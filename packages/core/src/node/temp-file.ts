/**
 * Temporary files next to their destination. Same folder on purpose: rename and link are only
 * atomic within one file system, and the folder is the one place sure to be on the target's.
 */
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `bytes` to a new hidden temporary file in `dir` and flushes it to disk, so that a later
 * rename or link publishes complete contents even after a crash. The name starts with '.' (hidden
 * on Unix, ignored by most watchers) and carries the pid and a random suffix so concurrent
 * writers never share one. Removed again if writing fails.
 *
 * @returns the temporary file's path
 */
export async function writeTempFile(dir: string, forName: string, bytes: Uint8Array | string): Promise<string> {
  const tempPath = join(dir, `.${forName}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never reuse an existing file, even one that happens to have this name.
  const handle = await open(tempPath, 'wx');
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return tempPath;
}

/** Removes a file if it is there; for cleanup paths where the file may already be gone. */
export async function removeIfPresent(path: string): Promise<void> {
  await rm(path, { force: true });
}
