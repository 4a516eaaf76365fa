/**
 * Saving a finished image without ever clobbering one already there: an image that cost money
 * must not silently replace another. Two processes saving the same name at once each get their
 * own file.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rename } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { errorCode } from './error-code';
import { removeIfPresent, writeTempFile } from './temp-file';

/** How {@link writeNewFile} treats an existing file. */
export interface WriteNewFileOptions {
  /** Replace a file of the same name (atomically) instead of picking `name-2.ext`. Default false. */
  force?: boolean;
}

/** Upper bound on `name-N.ext` attempts, so a pathological folder fails instead of looping. */
const MAX_SUFFIX = 10_000;

/**
 * Error codes with which `link` says the file system has no hard links (some FAT/exFAT volumes,
 * network shares). Then the file is copied with COPYFILE_EXCL, which still never overwrites.
 */
const NO_HARD_LINK_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Writes `bytes` as a new file in `dir` and returns its absolute path.
 *
 * Without `force` an existing file is never replaced: the bytes go to a fsynced temporary file,
 * which is then hard-linked to `fileName` — an atomic "create if absent" — and on EEXIST to
 * `name-2.ext`, `name-3.ext`, … The file appears complete or not at all. With `force` the
 * temporary file is renamed over `fileName`. The folder is created if missing.
 *
 * Errors other than "exists" propagate (permissions, full disk, …) so the caller, which still has
 * the bytes, can offer another place.
 *
 * @param dir the folder, relative to the working directory or absolute
 * @param fileName a plain file name (no folder parts), e.g. from `outputFileName`
 * @returns the absolute path of the file written
 */
export async function writeNewFile(
  dir: string,
  fileName: string,
  bytes: Uint8Array,
  { force = false }: WriteNewFileOptions = {},
): Promise<string> {
  assertPlainFileName(fileName);
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const tempPath = await writeTempFile(folder, fileName, bytes);
  try {
    if (force) {
      const target = join(folder, fileName);
      await rename(tempPath, target);
      return target;
    }
    return await publishUnderFreeName(tempPath, folder, fileName);
  } finally {
    // After a rename the temp file is already gone; after a link it is a second name to drop.
    await removeIfPresent(tempPath);
  }
}

/** Links (or, without hard links, exclusively copies) `tempPath` to the first free candidate name. */
async function publishUnderFreeName(tempPath: string, folder: string, fileName: string): Promise<string> {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  const state = { hardLinks: true };
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const candidate = join(folder, n === 1 ? fileName : `${stem}-${n}${extension}`);
    try {
      await createExclusive(tempPath, candidate, state);
      return candidate;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new Error(`No free file name for ${fileName} in ${folder} after ${MAX_SUFFIX} attempts`);
}

/**
 * Gives `tempPath`'s contents the name `target` only if no file has that name (EEXIST otherwise).
 * A hard link does it atomically; where the file system has none, an exclusive copy still never
 * overwrites, though a reader could then glimpse the file while it is being copied.
 */
async function createExclusive(tempPath: string, target: string, state: { hardLinks: boolean }): Promise<void> {
  if (state.hardLinks) {
    try {
      await link(tempPath, target);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined || !NO_HARD_LINK_CODES.has(code)) throw error;
      state.hardLinks = false;
    }
  }
  await copyFile(tempPath, target, constants.COPYFILE_EXCL);
}

/** Refuses names that would leave the folder or are not file names at all. */
function assertPlainFileName(fileName: string): void {
  if (fileName === '' || fileName === '.' || fileName === '..' || /[\\/\0]/.test(fileName)) {
    throw new Error(`Not a plain file name: ${JSON.stringify(fileName)}`);
  }
}
