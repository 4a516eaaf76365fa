/**
 * `@gpt-image/core/node`: the Node-only parts (file system). A curated list on purpose, so the
 * public surface only grows by decision.
 */
export { writeFileAtomic } from './atomic-write';
export { withFileLock } from './file-lock';
export type { FileLockOptions } from './file-lock';
export { readManifest, recordInManifest } from './manifest-file';
export type { RecordInManifestOptions, RecordInManifestResult } from './manifest-file';
export { writeNewFile } from './write-new-file';
export type { WriteNewFileOptions } from './write-new-file';
export { saveGeneratedImage } from './save-image';
export type { SaveTarget, SavedImage } from './save-image';
