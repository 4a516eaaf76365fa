/**
 * Paths as the extension passes them between the editor, the file system and documents. Inputs
 * may be POSIX paths, Windows paths with backslashes and drive letters, or VS Code's `Uri.path`
 * form of a Windows path (`/c:/proj`); outputs always use `/`, which Node, VS Code and every
 * document format accept on every platform.
 */
import * as posix from 'node:path/posix';

const DRIVE = /^[a-zA-Z]:/;

/**
 * One spelling per path: `/` separators, `.` and `..` resolved, no trailing slash, and a lower-case
 * drive letter (the form VS Code's `Uri.fsPath` uses), so equal paths compare equal as strings.
 * UNC paths keep their leading `//`.
 */
export function normalizePath(path: string): string {
  let rest = path.replace(/\\/g, '/');
  if (/^\/[a-zA-Z]:(\/|$)/.test(rest)) rest = rest.slice(1);
  let prefix = '';
  const drive = DRIVE.exec(rest);
  if (drive) {
    prefix = drive[0].toLowerCase();
    rest = rest.slice(2);
    // `c:` alone is the drive's root here; drive-relative paths mean nothing to an extension.
    if (!rest.startsWith('/')) rest = `/${rest}`;
  } else if (rest.startsWith('//') && !rest.startsWith('///')) {
    // posix.normalize would fold the UNC prefix `//server` into `/server`.
    prefix = '/';
    rest = rest.slice(1);
  }
  let normalized = posix.normalize(rest === '' ? '.' : rest);
  if (normalized.length > 1 && normalized.endsWith('/')) normalized = normalized.slice(0, -1);
  return prefix + normalized;
}

/** True for `/x`, `c:\x`, `c:/x` and `\\server\share`. */
export function isAbsolutePath(path: string): boolean {
  return /^([/\\]|[a-zA-Z]:([/\\]|$))/.test(path);
}

/** True when the path is on Windows (a drive letter or a UNC share), whose file names ignore case. */
export function isWindowsPath(path: string): boolean {
  return DRIVE.test(path) || /^\/[a-zA-Z]:/.test(path) || /^(\\\\|\/\/)[^/\\]/.test(path);
}

/** The folder holding a file, normalized. */
export function folderOf(path: string): string {
  return posixDirname(normalizePath(path));
}

/** The last segment of a path: `hero.png` for `docs/img/hero.png`. */
export function fileNameOf(path: string): string {
  return posix.basename(normalizePath(path));
}

/**
 * `reference` resolved against `baseFolder`: an absolute reference stands alone, a relative one
 * is joined and normalized.
 */
export function resolvePath(baseFolder: string, reference: string): string {
  if (isAbsolutePath(reference)) return normalizePath(reference);
  return normalizePath(`${normalizePath(baseFolder)}/${reference}`);
}

/**
 * The path from `fromFolder` to `to`, with `/` separators (`.` when they are the same). Windows
 * paths compare without regard to case, as the file system does. When there is no relative path
 * (another drive or share), the normalized absolute `to` comes back.
 */
export function relativePath(fromFolder: string, to: string): string {
  const from = segments(normalizePath(fromFolder));
  const target = segments(normalizePath(to));
  const windows = isWindowsPath(fromFolder) || isWindowsPath(to);
  const same = windows ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  let common = 0;
  while (common < from.length && common < target.length && same(from[common] ?? '', target[common] ?? '')) common++;
  if (common < rootLength(from) || common < rootLength(target)) return normalizePath(to);
  const up = Array.from({ length: from.length - common }, () => '..');
  const down = target.slice(common);
  const parts = [...up, ...down];
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The path from a document's folder to a file: what goes in the document's `src` or `![](…)`. */
export function relativeFromDocument(documentPath: string, targetPath: string): string {
  return relativePath(folderOf(documentPath), targetPath);
}

/** A key under which two spellings of the same file are equal (Windows paths ignore case). */
export function pathKey(path: string): string {
  const normalized = normalizePath(path);
  return isWindowsPath(normalized) ? normalized.toLowerCase() : normalized;
}

function posixDirname(normalized: string): string {
  const dir = posix.dirname(normalized);
  // `c:/x` → posix sees `c:` as the parent; the drive's root is `c:/`.
  return /^[a-z]:$/.test(dir) ? `${dir}/` : dir;
}

/** Path segments without the empty one a trailing root slash leaves: `/` → [''], `c:/a` → ['c:', 'a']. */
function segments(normalized: string): string[] {
  const parts = normalized.split('/');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** How many leading segments name the root: 1 for `/` or `c:`, 4 for `//server/share`, 0 for relative paths. */
function rootLength(parts: readonly string[]): number {
  if (parts[0] === '' && parts[1] === '') return Math.min(parts.length, 4);
  if (parts[0] === '' || DRIVE.test(parts[0] ?? '')) return 1;
  return 0;
}
