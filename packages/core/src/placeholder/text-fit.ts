/**
 * Preparing prompt text for a 5×7 ASCII font: folding what it can to ASCII, wrapping to a few
 * lines and cutting the rest off with an ellipsis.
 */
import { hasGlyph } from './bitmap-font';

export const ELLIPSIS = '\u2026';

/** Typographic characters with a plain ASCII look-alike the font can draw. */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"], ['\u2019', "'"], ['\u201a', "'"], ['\u2032', "'"],
  ['\u201c', '"'], ['\u201d', '"'], ['\u201e', '"'], ['\u2033', '"'],
  ['\u2010', '-'], ['\u2011', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\u2014', '-'], ['\u2212', '-'],
  ['\u00ab', '<'], ['\u00bb', '>'], ['\u2039', '<'], ['\u203a', '>'],
  ['\u00df', 'ss'], ['\u00e6', 'ae'], ['\u00c6', 'AE'], ['\u0153', 'oe'], ['\u0152', 'OE'],
  ['\u00f8', 'o'], ['\u00d8', 'O'], ['\u0142', 'l'], ['\u0141', 'L'], ['\u0111', 'd'], ['\u0110', 'D'],
]);

/**
 * Text as the font will draw it: accents dropped (é → e, via Unicode decomposition), common
 * typographic punctuation replaced by ASCII, all whitespace collapsed to single spaces.
 * Characters the font still lacks stay, and are drawn as a box.
 */
export function toFontText(text: string): string {
  const decomposed = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const char of decomposed) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (hasGlyph(codePoint)) out += char;
    else out += LOOK_ALIKES.get(char) ?? (/\s/.test(char) ? ' ' : char);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Greedy word wrap into at most `maxLines` lines of at most `maxChars` characters (code points).
 * Words longer than a line are broken. If the text does not fit, the last line ends in "…".
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const limit = Math.max(1, Math.floor(maxChars));
  const words = text.split(' ').filter((w) => w.length > 0).flatMap((w) => splitLongWord([...w], limit));
  const lines: string[][] = [];
  let current: string[] = [];
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index] ?? [];
    const needed = current.length === 0 ? word.length : current.length + 1 + word.length;
    if (needed <= limit) {
      current = current.length === 0 ? [...word] : [...current, ' ', ...word];
      continue;
    }
    lines.push(current);
    current = [...word];
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && current.length > 0) {
    lines.push(current);
    current = [];
  }
  const truncated = index < words.length;
  if (truncated && lines.length > 0) {
    const last = lines[lines.length - 1] ?? [];
    lines[lines.length - 1] = withEllipsis(last, limit);
  }
  return lines.map((line) => line.join(''));
}

/** One line cut to `maxChars`, with "…" at the end if anything was cut. */
export function truncateLine(text: string, maxChars: number): string {
  const chars = [...text];
  const limit = Math.max(1, Math.floor(maxChars));
  if (chars.length <= limit) return text;
  return withEllipsis(chars.slice(0, limit), limit).join('');
}

function withEllipsis(line: string[], limit: number): string[] {
  const kept = line.slice(0, Math.max(0, limit - 1));
  while (kept.length > 0 && kept[kept.length - 1] === ' ') kept.pop();
  return [...kept, ELLIPSIS];
}

function splitLongWord(chars: string[], limit: number): string[][] {
  if (chars.length <= limit) return [chars];
  const parts: string[][] = [];
  for (let i = 0; i < chars.length; i += limit) parts.push(chars.slice(i, i + limit));
  return parts;
}
