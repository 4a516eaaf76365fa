/**
 * Where a newly generated image is saved. The extension's own setting (default
 * `assets/generated`, relative to the workspace folder) applies everywhere except in Markdown
 * documents matched by `markdown.copyFiles.destination`: there the image goes where VS Code
 * itself would put a pasted or dropped file, so generated and pasted images sit together.
 */
import { globMatches } from './glob-match';
import { fileNameOf, folderOf, isAbsolutePath, normalizePath, relativePath, resolvePath } from './relative-path';

/** The default of the extension's output folder setting. */
export const DEFAULT_OUTPUT_FOLDER = 'assets/generated';

/** The settings that decide the folder, as read from the document's configuration scope. */
export interface OutputFolderSettings {
  /** The extension's output folder: relative to the workspace folder, or absolute. @default 'assets/generated' */
  readonly outputFolder?: string;
  /** `markdown.copyFiles.destination`: glob of Markdown documents → destination pattern. */
  readonly markdownCopyFilesDestination?: Readonly<Record<string, string>>;
}

/** The image to place and the document it is for. */
export interface OutputTarget {
  /** The file name the image would have, e.g. from the core's `outputFileName`. */
  readonly fileName: string;
  /** Absolute path of the document the image is for, if there is one. */
  readonly documentPath?: string;
  /** VS Code language id of that document; the Markdown setting applies to `markdown` only. */
  readonly languageId?: string;
  /**
   * The workspace folder holding the document (VS Code's `getWorkspaceFolder`); leave it out
   * for a document outside every folder.
   */
  readonly workspaceFolder?: string;
  /** The time for `${unixTime}` and `${isoTime}`. @default now */
  readonly now?: Date;
}

/** Where the image goes. */
export interface OutputLocation {
  /** Absolute, normalized folder. */
  readonly folder: string;
  /** The file name: `fileName` as given, unless a Markdown destination pattern renamed it. */
  readonly fileName: string;
  /** `folder` + `/` + `fileName`. */
  readonly path: string;
  /** Which setting decided. */
  readonly source: 'markdown.copyFiles.destination' | 'outputFolder';
}

/**
 * The folder and file name for a new image. A `markdown.copyFiles.destination` entry is used when
 * the document is Markdown and one of the entry globs matches it (first match wins, as in VS
 * Code); otherwise the output folder setting applies, even when the Markdown setting exists but
 * matches nothing, since the user has then said nothing about this document.
 *
 * @throws Error when there is neither a workspace folder nor a document to resolve a relative
 *   output folder against
 */
export function outputLocation(settings: OutputFolderSettings, target: OutputTarget): OutputLocation {
  if (target.languageId === 'markdown' && target.documentPath !== undefined && settings.markdownCopyFilesDestination) {
    const destination = markdownCopyDestination(settings.markdownCopyFilesDestination, { ...target, documentPath: target.documentPath });
    if (destination !== null) {
      return { folder: folderOf(destination), fileName: fileNameOf(destination), path: destination, source: 'markdown.copyFiles.destination' };
    }
  }
  const configured = settings.outputFolder?.trim() || DEFAULT_OUTPUT_FOLDER;
  const base = target.workspaceFolder ?? (target.documentPath === undefined ? undefined : folderOf(target.documentPath));
  if (!isAbsolutePath(configured) && base === undefined) {
    throw new Error(`the output folder "${configured}" is relative, and there is no workspace folder or document to resolve it against`);
  }
  const folder = isAbsolutePath(configured) ? normalizePath(configured) : resolvePath(base ?? '', configured);
  return { folder, fileName: target.fileName, path: joinFile(folder, target.fileName), source: 'outputFolder' };
}

/**
 * The absolute file path `markdown.copyFiles.destination` gives for a file in a Markdown
 * document, or null when no glob matches the document. Follows VS Code's implementation:
 * - a glob starting with `/` is anchored at the workspace folder; any other glob not starting
 *   with `**` gets a leading `**` segment, so `*.md` matches in every folder;
 * - in the destination, a leading `/` means the workspace folder, a trailing `/` appends
 *   `${fileName}`, an empty destination means `${fileName}`, and a relative result is relative
 *   to the document's folder;
 * - variables: `${documentDirName}`, `${documentRelativeDirName}`, `${documentFileName}`,
 *   `${documentBaseName}`, `${documentExtName}`, `${documentFilePath}`,
 *   `${documentRelativeFilePath}`, `${documentWorkspaceFolder}`, `${fileName}`, `${fileExtName}`,
 *   `${unixTime}`, `${isoTime}`; a document outside any workspace folder uses its own folder for
 *   the workspace and its absolute paths for the relative ones. `\$` is a literal `$`; an
 *   unknown variable stays as written;
 * - `${name/regexp/replacement/}` transforms a value (`\/` for a slash inside); as in VS Code, an
 *   empty replacement or an invalid regexp leaves the value unchanged.
 */
export function markdownCopyDestination(
  destinations: Readonly<Record<string, string>>,
  target: Omit<OutputTarget, 'documentPath' | 'languageId'> & { readonly documentPath: string },
): string | null {
  const documentPath = normalizePath(target.documentPath);
  const workspaceFolder = target.workspaceFolder === undefined ? undefined : normalizePath(target.workspaceFolder);
  for (const [glob, destination] of Object.entries(destinations)) {
    if (documentGlobs(glob, workspaceFolder).some((candidate) => globMatches(candidate, documentPath))) {
      const resolved = fillVariables(destinationPattern(destination), variables(documentPath, workspaceFolder, target.fileName, target.now ?? new Date()));
      return isAbsolutePath(resolved) ? normalizePath(resolved) : resolvePath(folderOf(documentPath), resolved);
    }
  }
  return null;
}

function documentGlobs(glob: string, workspaceFolder: string | undefined): string[] {
  if (glob.startsWith('/')) return workspaceFolder === undefined ? [] : [`${workspaceFolder.replace(/\/$/, '')}${glob}`];
  return [glob.startsWith('**') ? glob : `**/${glob}`];
}

function destinationPattern(destination: string): string {
  let pattern = destination.trim() || '${fileName}';
  if (pattern.startsWith('/')) pattern = `\${documentWorkspaceFolder}/${pattern.slice(1)}`;
  if (pattern.endsWith('/')) pattern += '${fileName}';
  return pattern;
}

function variables(documentPath: string, workspaceFolder: string | undefined, fileName: string, now: Date): ReadonlyMap<string, string> {
  const dirName = folderOf(documentPath);
  const documentFileName = fileNameOf(documentPath);
  const extension = extensionOf(documentFileName);
  // posix.relative gives '' for the same folder; VS Code substitutes exactly that.
  const relative = (to: string): string => {
    if (workspaceFolder === undefined) return to;
    const path = relativePath(workspaceFolder, to);
    return path === '.' ? '' : path;
  };
  return new Map([
    ['documentDirName', dirName],
    ['documentRelativeDirName', relative(dirName)],
    ['documentFileName', documentFileName],
    ['documentBaseName', documentFileName.slice(0, documentFileName.length - extension.length)],
    ['documentExtName', extension.replace('.', '')],
    ['documentFilePath', documentPath],
    ['documentRelativeFilePath', relative(documentPath)],
    ['documentWorkspaceFolder', workspaceFolder ?? dirName],
    ['fileName', fileName],
    ['fileExtName', extensionOf(fileName).replace('.', '')],
    ['unixTime', String(now.getTime())],
    ['isoTime', now.toISOString()],
  ]);
}

const VARIABLE = /(?<escape>\\\$)|(?<!\\)\$\{(?<name>\w+)(?:\/(?<pattern>(?:\\\/|[^}/])+)\/(?<replacement>(?:\\\/|[^}/])*)\/)?\}/g;

function fillVariables(pattern: string, values: ReadonlyMap<string, string>): string {
  let out = '';
  let at = 0;
  for (const match of pattern.matchAll(VARIABLE)) {
    out += pattern.slice(at, match.index) + substitute(match, values);
    at = match.index + match[0].length;
  }
  return out + pattern.slice(at);
}

function substitute(match: RegExpExecArray | RegExpMatchArray, values: ReadonlyMap<string, string>): string {
  const groups = match.groups ?? {};
  if (groups['escape'] !== undefined) return '$';
  const value = groups['name'] === undefined ? undefined : values.get(groups['name']);
  if (value === undefined) return match[0];
  const pattern = groups['pattern'];
  const replacement = groups['replacement'];
  if (pattern && replacement) {
    try {
      return value.replace(new RegExp(pattern.replace(/\\\//g, '/')), replacement.replace(/\\\//g, '/'));
    } catch {
      return value;
    }
  }
  return value;
}

/** `.md` for `README.md`; empty for `Makefile` and for dot files such as `.env`. */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot) : '';
}

function joinFile(folder: string, fileName: string): string {
  return folder.endsWith('/') ? `${folder}${fileName}` : `${folder}/${fileName}`;
}
