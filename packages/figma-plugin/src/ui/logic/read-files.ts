import { referenceImageProblem, sniffImage } from '@gpt-image/core';
import type { SourceItem } from './source-item';

/** Files read from disk: the ones that are images, and a sentence for each that is not. */
export interface ReadFiles {
  readonly items: SourceItem[];
  readonly problems: string[];
}

/** Reads files the user picked; the bytes decide what they are (never the name or declared type). */
export async function readImageFiles(files: readonly File[]): Promise<ReadFiles> {
  const items: SourceItem[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = referenceImageProblem(bytes);
    const info = sniffImage(bytes);
    if (problem || !info) {
      problems.push(`${file.name} ${problem ?? 'is not an image'}.`);
      continue;
    }
    items.push({ kind: 'file', key: `file:${file.name}:${file.size}:${file.lastModified}:${items.length}`, name: file.name, bytes, mediaType: info.mediaType, width: info.width, height: info.height });
  }
  return { items, problems };
}
