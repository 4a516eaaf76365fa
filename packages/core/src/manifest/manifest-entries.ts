/**
 * Pure operations on a manifest value: create, parse with readable errors, add an entry,
 * serialize. The file-system side (locking, atomic writes) is in `src/node/manifest-file.ts`.
 */
import { MANIFEST_FILE_NAME, MANIFEST_VERSION, manifestEntrySchema, manifestReadSchema } from './manifest-schema';
import type { Manifest, ManifestEntry } from './manifest-schema';

/** Why a manifest could not be read. */
export type ManifestProblem = 'invalid-json' | 'invalid-content' | 'unsupported-version';

/**
 * Thrown by {@link parseManifest}. `problem` lets a writer tell a damaged manifest (which it may
 * move aside) from one written by a newer version (which it must leave alone).
 */
export class ManifestParseError extends Error {
  override readonly name = 'ManifestParseError';
  constructor(
    message: string,
    readonly problem: ManifestProblem,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A manifest with no entries. */
export function emptyManifest(): Manifest {
  return { version: MANIFEST_VERSION, entries: [] };
}

/**
 * Reads a manifest from its JSON text.
 *
 * Fields this version does not know are kept (see `manifestReadSchema`).
 *
 * @param text the file's contents
 * @param source how to name the file in error messages (default: the manifest file name)
 * @throws ManifestParseError whose message names the problem: invalid JSON, a newer format
 *   version, or each wrong field by its path, e.g. `entries[2].sha256: expected a SHA-256 …`
 */
export function parseManifest(text: string, source: string = MANIFEST_FILE_NAME): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ManifestParseError(`${source} is not valid JSON: ${detail}`, 'invalid-json', { cause: error });
  }

  const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
  if (typeof version === 'number' && version > MANIFEST_VERSION) {
    throw new ManifestParseError(
      `${source} has format version ${version}, newer than the supported version ${MANIFEST_VERSION}; update the tool that reads it`,
      'unsupported-version',
    );
  }

  const result = manifestReadSchema.safeParse(json);
  if (!result.success) {
    throw new ManifestParseError(`${source} is not a valid manifest:${describeIssues(result.error.issues)}`, 'invalid-content', {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * Checks an entry before it is written, so a bad value is refused up front instead of producing a
 * manifest that the next reader would find invalid. Unknown fields are dropped.
 *
 * @throws Error naming each wrong field, e.g. `sha256: expected a SHA-256 …`
 */
export function parseManifestEntry(value: unknown): ManifestEntry {
  const result = manifestEntrySchema.safeParse(value);
  if (!result.success) {
    throw new Error(`Not a valid manifest entry:${describeIssues(result.error.issues)}`, { cause: result.error });
  }
  return result.data;
}

/**
 * A new manifest with `entry` added. An entry for the same `file` is replaced in place (the file
 * was overwritten, so the old provenance no longer describes it); otherwise the entry is appended.
 * The input is not modified.
 */
export function addEntry(manifest: Manifest, entry: ManifestEntry): Manifest {
  const index = manifest.entries.findIndex((existing) => existing.file === entry.file);
  const entries =
    index < 0 ? [...manifest.entries, entry] : manifest.entries.map((existing, i) => (i === index ? entry : existing));
  return { ...manifest, entries };
}

/** The manifest as the file holds it: two-space indented JSON with a final newline, for readable diffs. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** One indented line per issue, each starting with the path of the field at fault. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `\n  ${formatPath(issue.path)}: ${issue.message}`).join('');
}

/** `entries[2].sha256` style path for messages; `(root)` for the top level. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}
