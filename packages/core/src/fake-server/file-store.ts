/**
 * Files the fake server hands out by URL: uploads (stored bytes) and kie results (rendered on
 * first download, since most benchmark tasks are never downloaded).
 */

/** A file reachable at a path of this server. */
export interface StoredFile {
  /** Path on this server, e.g. `/files/abc.png`. */
  readonly path: string;
  readonly mimeType: string;
  /** Clock time from which the file exists (a task result appears when the task succeeds). */
  readonly availableAt: number;
  /** Clock time from which the URL answers `expiredStatus`; null: never. */
  readonly expiresAt: number | null;
  readonly expiredStatus: 404 | 403;
  /** The bytes (rendered once, then kept). */
  readonly load: () => Promise<Uint8Array>;
}

/** Where a file stands at a given moment. */
export type FileLookup =
  | { readonly kind: 'ok'; readonly file: StoredFile }
  | { readonly kind: 'expired'; readonly file: StoredFile }
  | { readonly kind: 'missing' };

/** Files by path. */
export class FileStore {
  readonly #files = new Map<string, StoredFile>();

  /** Adds a file; `load` is called at most once. */
  put(file: Omit<StoredFile, 'load'> & { readonly load: () => Promise<Uint8Array> }): StoredFile {
    let cached: Promise<Uint8Array> | null = null;
    const stored: StoredFile = { ...file, load: () => (cached ??= file.load()) };
    this.#files.set(file.path, stored);
    return stored;
  }

  /** The file at `path` as of `now`. */
  lookup(path: string, now: number): FileLookup {
    const file = this.#files.get(path);
    if (!file || now < file.availableAt) return { kind: 'missing' };
    if (file.expiresAt !== null && now >= file.expiresAt) return { kind: 'expired', file };
    return { kind: 'ok', file };
  }

  clear(): void {
    this.#files.clear();
  }
}
