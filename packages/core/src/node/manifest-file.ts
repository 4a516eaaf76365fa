/**
 * The manifest file on disk: `gpt-image-manifest.json` in an output folder. Several processes (a
 * CLI batch, the VS Code extension) may save images into one folder at once, so every update is a
 * locked read-modify-write, and the file is replaced atomically so readers never see half of it.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  ManifestParseError,
  addEntry,
  emptyManifest,
  parseManifest,
  parseManifestEntry,
  serializeManifest,
} from '../manifest/manifest-entries';
import { MANIFEST_FILE_NAME } from '../manifest/manifest-schema';
import type { Manifest, ManifestEntry } from '../manifest/manifest-schema';
import { writeFileAtomic } from './atomic-write';
import { errorCode } from './error-code';
import { withFileLock } from './file-lock';

/** The outcome of {@link recordInManifest}. */
export interface RecordInManifestResult {
  /** Absolute path of the manifest written. */
  path: string;
  /**
   * Set when the existing manifest could not be read and was moved aside to this absolute path
   * before a new one was started; worth telling the user, whose old records are in that file.
   */
  recoveredFrom?: string;
  /** Why the old manifest was moved aside (the parse error message); set with `recoveredFrom`. */
  recoveryProblem?: string;
}

/** Lock tuning for {@link recordInManifest}, mainly for tests. */
export interface RecordInManifestOptions {
  /** How long to wait for another writer, in ms. Default 10 000. */
  lockTimeoutMs?: number;
  /** After how long a lock counts as abandoned, in ms. Default 30 000. */
  staleLockMs?: number;
}

/** Lock file next to the manifest; a sibling so it is on the same (possibly network) file system. */
const LOCK_FILE_NAME = `${MANIFEST_FILE_NAME}.lock`;

/**
 * Adds `entry` to `dir/gpt-image-manifest.json` (replacing an entry for the same file), creating
 * the folder and manifest as needed.
 *
 * Runs under the cross-process lock `gpt-image-manifest.json.lock` and writes atomically. A
 * manifest that is not valid JSON or not a valid manifest is never overwritten: it is renamed to
 * `gpt-image-manifest.corrupt-<timestamp>.json`, a new manifest is started, and the result says
 * so. A manifest from a newer format version is left alone and an error is thrown instead.
 *
 * @throws Error if `entry` is invalid (nothing is touched), the lock times out, the manifest is
 *   from a newer version, or the file system refuses (e.g. permissions)
 */
export async function recordInManifest(
  dir: string,
  entry: ManifestEntry,
  options: RecordInManifestOptions = {},
): Promise<RecordInManifestResult> {
  const checked = parseManifestEntry(entry);
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const manifestPath = join(folder, MANIFEST_FILE_NAME);
  const lockOptions = {
    ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
    ...(options.staleLockMs === undefined ? {} : { staleMs: options.staleLockMs }),
  };

  return withFileLock(
    join(folder, LOCK_FILE_NAME),
    async () => {
      const loaded = await loadForUpdate(folder, manifestPath);
      await writeFileAtomic(manifestPath, serializeManifest(addEntry(loaded.manifest, checked)));
      return loaded.recovery === undefined
        ? { path: manifestPath }
        : { path: manifestPath, recoveredFrom: loaded.recovery.movedTo, recoveryProblem: loaded.recovery.problem };
    },
    lockOptions,
  );
}

/**
 * The manifest in `dir`, or an empty one when there is none. Needs no lock: writers replace the
 * file atomically, so a reader sees one complete version.
 *
 * @throws ManifestParseError if the file is not a valid manifest (the message names the problem)
 */
export async function readManifest(dir: string): Promise<Manifest> {
  const manifestPath = join(resolve(dir), MANIFEST_FILE_NAME);
  const text = await readIfPresent(manifestPath);
  return text === undefined ? emptyManifest() : parseManifest(text, manifestPath);
}

interface LoadedManifest {
  manifest: Manifest;
  recovery?: { movedTo: string; problem: string };
}

/** Reads the manifest for an update, moving a damaged one aside. Call only under the lock. */
async function loadForUpdate(folder: string, manifestPath: string): Promise<LoadedManifest> {
  const text = await readIfPresent(manifestPath);
  if (text === undefined) return { manifest: emptyManifest() };
  try {
    return { manifest: parseManifest(text, manifestPath) };
  } catch (error) {
    // A newer writer's manifest is not damaged; moving it aside would hide its records.
    if (!(error instanceof ManifestParseError) || error.problem === 'unsupported-version') throw error;
    const movedTo = join(folder, corruptFileName(new Date()));
    await rename(manifestPath, movedTo);
    return { manifest: emptyManifest(), recovery: { movedTo, problem: error.message } };
  }
}

/** `gpt-image-manifest.corrupt-2025-01-31T12-00-00-000Z.json`: ':' is not allowed in Windows names. */
function corruptFileName(now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return MANIFEST_FILE_NAME.replace(/\.json$/, `.corrupt-${stamp}.json`);
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}
