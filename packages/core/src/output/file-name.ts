/**
 * Names for finished images: a short readable slug of the prompt plus a few hash characters, so
 * a folder of results sorts by subject and two different requests with the same prompt rarely
 * collide. Pure, so the CLI, the VS Code extension and a browser name files the same way.
 */
import { fnv1a32 } from '../internal/hash';
import type { OutputFormat } from '../options/option-values';

/** The slug used when a prompt has no letters or digits left after folding (emoji only, say). */
const FALLBACK_SLUG = 'image';

/**
 * Latin letters that NFKD does not decompose into a base letter plus marks, folded by hand so
 * that "Straße" gives "strasse" rather than "stra-e".
 */
const EXTRA_FOLDS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ł', 'l'],
  ['ı', 'i'],
]);
const EXTRA_FOLD_PATTERN = /[ßæœøđðþłı]/g;

/**
 * A short, lower-case ASCII slug of a prompt for use in a file name.
 *
 * Diacritics are folded (NFKD, then combining marks dropped), apostrophes vanish inside words
 * ("don't" → "dont"), every other run of non-alphanumerics becomes one '-'. The slug is cut on a
 * word boundary so it never ends mid-word, unless the first word alone is longer than
 * `maxLength`, which is then cut hard. Never empty: falls back to "image".
 *
 * @param prompt the user's prompt, any script
 * @param maxLength the longest slug returned, at least 1 (default 48)
 */
export function slugify(prompt: string, maxLength = 48): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`slugify: maxLength must be a positive integer, got ${maxLength}`);
  }
  // NFKD before lower-casing so that e.g. "İ" becomes "i" + a combining dot that is then dropped.
  const folded = prompt
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(EXTRA_FOLD_PATTERN, (letter) => EXTRA_FOLDS.get(letter) ?? '')
    .replace(/['\u2019]/g, '');
  const words = folded.split(/[^a-z0-9]+/).filter((word) => word.length > 0);

  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) {
      if (slug === '') slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug === '' ? FALLBACK_SLUG.slice(0, maxLength) : slug;
}

/**
 * The file extension, without the dot, for an output format. JPEG gets "jpg", the spelling most
 * tools and operating systems expect.
 */
export function extensionFor(format: OutputFormat): 'png' | 'jpg' | 'webp' {
  switch (format) {
    case 'png':
      return 'png';
    case 'jpeg':
      return 'jpg';
    case 'webp':
      return 'webp';
  }
}

/** What {@link outputFileName} needs to name an image. */
export interface OutputFileNameInput {
  /** The prompt the image was made from; becomes the readable part of the name. */
  prompt: string;
  format: OutputFormat;
  /**
   * Text whose hash tells this image apart from others with the same prompt: e.g. the task id,
   * or the resolved options plus a time. Equal input gives an equal name on every host.
   */
  hashSource: string;
}

/**
 * The file name for a finished image: `${slug}-${hash6}.${ext}`, e.g. `red-fox-in-snow-3fa9c1.png`.
 * The name is a suggestion only; writing it never overwrites (see `writeNewFile` in the Node
 * entry), and the hash suffix also keeps the name clear of reserved Windows names such as "con".
 */
export function outputFileName({ prompt, format, hashSource }: OutputFileNameInput): string {
  const hash6 = fnv1a32(hashSource).toString(16).padStart(8, '0').slice(0, 6);
  return `${slugify(prompt)}-${hash6}.${extensionFor(format)}`;
}
