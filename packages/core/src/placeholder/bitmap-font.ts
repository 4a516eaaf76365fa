/**
 * A hand-made 5×7 pixel font for printable ASCII plus the few extra signs the placeholder
 * prints (×, …, ·) and a box for everything else. Bitmap text needs no font files, no canvas and
 * renders identically everywhere, which is what a deterministic placeholder wants.
 */

/** Glyph size in font pixels; each advance adds one blank column. */
export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
export const GLYPH_ADVANCE = GLYPH_WIDTH + 1;

/**
 * Glyphs for code points 32–126, in order, ten hex digits each: five column bytes, left to
 * right, bit 0 = top row. (The classic column-major layout of small LCD fonts; it keeps the
 * whole table under 1 KB.)
 */
const ASCII_GLYPHS =
  // space ! " # $ % & ' ( ) * + , - . /
  '0000000000 00005f0000 0007000700 147f147f14 242a7f2a12 2313086462 3649552250 0005030000 ' +
  '001c224100 0041221c00 082a1c2a08 08083e0808 0050300000 0808080808 0060600000 2010080402 ' +
  // 0–9 : ; < = > ? @
  '3e5149453e 00427f4000 4261514946 2141454b31 1814127f10 2745454539 3c4a494930 0171090503 ' +
  '3649494936 064949291e 0036360000 0056360000 0008142241 1414141414 4122140800 0201510906 ' +
  '324979413e ' +
  // A–Z
  '7e1111117e 7f49494936 3e41414122 7f4141221c 7f49494941 7f09090101 3e41415132 7f0808087f ' +
  '00417f4100 2040413f01 7f08142241 7f40404040 7f020c027f 7f0408107f 3e4141413e 7f09090906 ' +
  '3e4151215e 7f09192946 4649494931 01017f0101 3f4040403f 1f2040201f 3f4038403f 6314081463 ' +
  '0708700807 6151494543 ' +
  // [ \ ] ^ _ `
  '007f414100 0204081020 0041417f00 0402010204 4040404040 0001020400 ' +
  // a–z
  '2054545478 7f48444438 3844444420 384444487f 3854545418 087e090102 0c5252523e 7f08040478 ' +
  '00447d4000 2040443d00 007f102844 00417f4000 7c04180478 7c08040478 3844444438 7c14141408 ' +
  '081414187c 7c08040408 4854545420 043f444020 3c4040207c 1c2040201c 3c4030403c 4428102844 ' +
  '0c5050503c 4464544c44 ' +
  // { | } ~
  '0008364100 00007f0000 0041360800 0804081008';

/** Signs outside ASCII that have their own glyph. */
const EXTRA_GLYPHS: ReadonlyMap<number, string> = new Map([
  [0x00d7, '2214081422'], // × multiplication sign, for "2048 × 1152"
  [0x2026, '4000400040'], // … horizontal ellipsis, one glyph wide
  [0x00b7, '0000080000'], // · middle dot
]);

/** Drawn for any character the font does not have: an empty box, clearly "not this glyph". */
const MISSING_GLYPH = '7f4141417f';

/** One glyph as column bitmasks (bit 0 = top row). */
export type Glyph = readonly number[];

const cache = new Map<number, Glyph>();

/** The glyph for a code point; characters the font lacks get a box. */
export function glyphFor(codePoint: number): Glyph {
  const cached = cache.get(codePoint);
  if (cached) return cached;
  const glyph = parseGlyph(hexFor(codePoint));
  cache.set(codePoint, glyph);
  return glyph;
}

/** Whether the font has a real glyph for this code point (not the fallback box). */
export function hasGlyph(codePoint: number): boolean {
  return (codePoint >= 32 && codePoint <= 126) || EXTRA_GLYPHS.has(codePoint);
}

function hexFor(codePoint: number): string {
  if (codePoint >= 32 && codePoint <= 126) {
    const at = (codePoint - 32) * 11; // ten digits and a space per glyph
    return ASCII_GLYPHS.slice(at, at + 10);
  }
  return EXTRA_GLYPHS.get(codePoint) ?? MISSING_GLYPH;
}

function parseGlyph(hex: string): Glyph {
  const columns: number[] = [];
  for (let c = 0; c < GLYPH_WIDTH; c++) columns.push(Number.parseInt(hex.slice(c * 2, c * 2 + 2), 16));
  return columns;
}
