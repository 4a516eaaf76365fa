/**
 * A prompt for an image whose reference has no alt text: the words of its file name, which is
 * usually the best description the author left (`hero-banner.png` → "hero banner").
 */
import { fileNameOf } from './relative-path';

/**
 * The words of a file name: extension dropped, `-`, `_`, `.` and `+` turned into spaces, camelCase
 * split, lower-cased (`teamPhoto_2024.jpg` → "team photo 2024"). "image" when no word is left.
 */
export function promptFromFileName(path: string): string {
  const name = fileNameOf(path).replace(/\.[^.]*$/, '');
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.+\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? 'image' : words;
}
