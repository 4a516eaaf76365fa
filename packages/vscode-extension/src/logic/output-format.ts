/**
 * Which output format a file name asks for. The model writes PNG, JPEG and WebP; a missing
 * `.gif` or `.svg` cannot be generated under its own name, and saying so beats writing PNG bytes
 * into a file whose extension lies.
 */
import type { OutputFormat } from '@gpt-image/core';
import { fileNameOf } from './relative-path';

/** The format for a path, or why there is none. */
export type FormatForPath = { readonly ok: true; readonly format: OutputFormat } | { readonly ok: false; readonly reason: string };

const FORMATS_BY_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
};

/** The output format from a file's extension (`.png`, `.jpg`/`.jpeg`, `.webp`, any case). */
export function outputFormatForPath(path: string): FormatForPath {
  const name = fileNameOf(path);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const format = FORMATS_BY_EXTENSION[extension];
  if (format) return { ok: true, format };
  const what = extension ? `.${extension} files` : 'files without an extension';
  return { ok: false, reason: `${name}: GPT Image writes PNG, JPEG or WebP, so it cannot create ${what}; rename the reference to .png, .jpg or .webp` };
}
