import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { GptImageError } from '../errors/gpt-image-error';
import type { GeneratedImage } from '../generation/generated-image';
import { manifestEntryFor } from '../generation/manifest-entry-for';
import type { ManifestEntry } from '../manifest/manifest-schema';
import { outputFileName } from '../output/file-name';
import { withPngText } from '../output/png-text';
import type { RequestSummary } from '../tasks/request-summary';
import { recordInManifest } from './manifest-file';
import { writeNewFile } from './write-new-file';

/** Where to put an image: a folder, and optionally the exact file name wanted there. */
export interface SaveTarget {
  readonly dir: string;
  /** A wanted name; without it one is made from the prompt. A taken name gets a `-2` suffix. */
  readonly fileName?: string;
  /** Replace an existing file of that name. @default false */
  readonly force?: boolean;
}

/** A saved image and its provenance. */
export interface SavedImage {
  readonly path: string;
  readonly manifestPath: string;
  readonly entry: ManifestEntry;
  /** Problems that did not lose the image, e.g. a corrupt manifest moved aside. */
  readonly warnings: readonly string[];
}

/**
 * Writes a finished image into a folder without overwriting, records it in the folder's manifest
 * and, for PNG, stores the prompt in the file itself. If the image cannot be written there, it is
 * kept in the system's temporary folder and the error says where: a paid image is never lost.
 */
export async function saveGeneratedImage(
  image: GeneratedImage,
  request: RequestSummary,
  target: SaveTarget,
  now: Date = new Date(),
): Promise<SavedImage> {
  const bytes = image.format === 'png' ? withPngText(image.bytes, pngText(image, request)) : image.bytes;
  const name =
    target.fileName ??
    outputFileName({ prompt: request.options.prompt, format: image.format, hashSource: `${image.taskId ?? ''}|${JSON.stringify(request.options)}|${now.toISOString()}` });
  let path: string;
  try {
    path = await writeNewFile(target.dir, name, bytes, { force: target.force ?? false });
  } catch (cause) {
    const kept = await keepSomewhereSafe(name, bytes);
    throw new GptImageError('output', `Could not save the image in ${target.dir} (${describe(cause)}). It was kept at ${kept}.`, { cause });
  }
  const entry = await manifestEntryFor(basename(path), { ...image, bytes }, request, now);
  const recorded = await recordInManifest(dirname(path), entry);
  const warnings = recorded.recoveredFrom ? [`The manifest was unreadable; it was moved to ${recorded.recoveredFrom} and a new one started.`] : [];
  return { path, manifestPath: recorded.path, entry, warnings };
}

function pngText(image: GeneratedImage, request: RequestSummary): Record<string, string> {
  return {
    Description: request.options.prompt,
    Software: 'gpt-image',
    Source: image.provider === 'placeholder' ? 'placeholder (not model output)' : `${image.provider} ${image.model}`,
  };
}

async function keepSomewhereSafe(name: string, bytes: Uint8Array): Promise<string> {
  const folder = join(tmpdir(), 'gpt-image-kept');
  await mkdir(folder, { recursive: true });
  return writeNewFile(folder, name, bytes);
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
