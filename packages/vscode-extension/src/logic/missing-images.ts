/**
 * Which image references point at files that do not exist, and what to generate for each. The
 * file check is injected (`exists`), so this runs against VS Code's file system in the extension
 * and against a plain set of paths in tests.
 */
import type { OutputFormat, PixelSize } from '@gpt-image/core';
import { sizeFromAttributes, type SizeSource } from './attribute-size';
import type { ImageReference } from './image-references';
import { outputFormatForPath } from './output-format';
import { folderOf, isAbsolutePath, normalizePath, pathKey, resolvePath } from './relative-path';

/** Whether a file exists; may be synchronous or not. */
export type ExistsCheck = (absolutePath: string) => boolean | Promise<boolean>;

/** Where a document lives and how to look at the file system. */
export interface MissingImageOptions {
  /** Absolute path of the document holding the references. */
  readonly documentPath: string;
  /**
   * The folder a leading `/` resolves against: the document's workspace folder. A host may pass a
   * web root instead (e.g. `public/` in a Next.js or Vite project, which serves `/hero.png` from
   * there). @default the document's folder, as VS Code does for files outside a workspace
   */
  readonly rootFolder?: string;
  readonly exists: ExistsCheck;
  /** The size when a reference has no width/height. @default 1280x1280, the 1K square */
  readonly defaultSize?: PixelSize;
}

interface MissingImageBase {
  readonly documentPath: string;
  readonly reference: ImageReference;
  /** Absolute, normalized path of the file the reference names. */
  readonly targetPath: string;
}

/** A missing image that can be generated: what size and format to ask for. */
export interface GeneratableImage extends MissingImageBase {
  readonly generatable: true;
  readonly size: PixelSize;
  readonly sizeSource: SizeSource;
  /** Set when the attribute size had to be changed to obey the size rule. */
  readonly adjustedFrom?: PixelSize;
  readonly outputFormat: OutputFormat;
}

/** A missing image the model cannot produce under that name (e.g. a `.gif`), and why. */
export interface UngeneratableImage extends MissingImageBase {
  readonly generatable: false;
  readonly reason: string;
}

/** A reference whose file does not exist: generatable with a size and format, or not, with a reason. */
export type MissingImage = GeneratableImage | UngeneratableImage;

/**
 * The references among `references` whose file does not exist, in the same order. Each file is
 * checked once however often it is referenced. A check that throws counts as "exists": the
 * extension only offers to create files it knows are absent.
 */
export async function findMissingImages(references: readonly ImageReference[], options: MissingImageOptions): Promise<MissingImage[]> {
  const checks = new Map<string, Promise<boolean>>();
  const isMissing = (path: string): Promise<boolean> => {
    const key = pathKey(path);
    let check = checks.get(key);
    if (!check) {
      check = Promise.resolve()
        .then(() => options.exists(path))
        .then((exists) => !exists, () => false);
      checks.set(key, check);
    }
    return check;
  };
  const resolved = references.map((reference) => ({ reference, targetPath: targetPathOf(reference, options) }));
  const missing = await Promise.all(resolved.map(({ targetPath }) => isMissing(targetPath)));
  return resolved.filter((_, index) => missing[index]).map(({ reference, targetPath }) => describeMissing(reference, targetPath, options));
}

/**
 * The absolute file a reference names: relative to the document's folder, or to `rootFolder`
 * when it starts with `/`. A Windows absolute path (`C:\…`) stands alone.
 */
export function targetPathOf(reference: Pick<ImageReference, 'decodedPath'>, options: Pick<MissingImageOptions, 'documentPath' | 'rootFolder'>): string {
  const documentFolder = folderOf(options.documentPath);
  const path = reference.decodedPath;
  if (/^[/\\](?![/\\])/.test(path)) return resolvePath(options.rootFolder ?? documentFolder, `.${path}`);
  if (isAbsolutePath(path)) return normalizePath(path);
  return resolvePath(documentFolder, path);
}

function describeMissing(reference: ImageReference, targetPath: string, options: MissingImageOptions): MissingImage {
  const base = { documentPath: normalizePath(options.documentPath), reference, targetPath };
  const format = outputFormatForPath(targetPath);
  if (!format.ok) return { ...base, generatable: false, reason: format.reason };
  const { size, source, adjustedFrom } = sizeFromAttributes(reference.width, reference.height, options.defaultSize);
  return {
    ...base,
    generatable: true,
    size,
    sizeSource: source,
    ...(adjustedFrom ? { adjustedFrom } : {}),
    outputFormat: format.format,
  };
}
