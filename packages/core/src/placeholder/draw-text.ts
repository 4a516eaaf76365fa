/**
 * Drawing bitmap-font text into a raster, scaled up by whole pixels.
 */
import { GLYPH_ADVANCE, GLYPH_HEIGHT, GLYPH_WIDTH, glyphFor } from './bitmap-font';
import { blendRect } from './blend';
import type { Rgb } from './color';
import type { PaintTarget } from './paint-target';

/** How a line of text is set: `scale` screen pixels per font pixel, `tracking` extra font columns between glyphs. */
export interface TextStyle {
  readonly scale: number;
  readonly tracking?: number;
}

/** Width and height in pixels of one line of `text` (code points, no wrapping). */
export function measureText(text: string, style: TextStyle): { width: number; height: number } {
  const count = codePointCount(text);
  const advance = GLYPH_ADVANCE + (style.tracking ?? 0);
  const width = count === 0 ? 0 : (count * advance - (advance - GLYPH_WIDTH)) * style.scale;
  return { width, height: GLYPH_HEIGHT * style.scale };
}

/**
 * Draws one line of text with its top-left corner at (x, y), in `colour` at `opacity`.
 * Each lit font pixel becomes a `scale` × `scale` square; vertical runs of lit pixels in a
 * column are drawn as one rectangle, which keeps big text cheap.
 */
export function drawText(target: PaintTarget, text: string, x: number, y: number, style: TextStyle, colour: Rgb, opacity = 1): void {
  const { scale } = style;
  // Skip lines outside the band being painted without walking their glyphs.
  if (y + GLYPH_HEIGHT * scale <= target.top || y >= target.bottom) return;
  const advance = (GLYPH_ADVANCE + (style.tracking ?? 0)) * scale;
  let penX = Math.round(x);
  const top = Math.round(y);
  for (const char of text) {
    const glyph = glyphFor(char.codePointAt(0) ?? 0x3f);
    for (let column = 0; column < glyph.length; column++) {
      const bits = glyph[column] ?? 0;
      let row = 0;
      while (row < GLYPH_HEIGHT) {
        if (((bits >> row) & 1) === 0) {
          row++;
          continue;
        }
        const runStart = row;
        while (row < GLYPH_HEIGHT && ((bits >> row) & 1) === 1) row++;
        blendRect(target, penX + column * scale, top + runStart * scale, scale, (row - runStart) * scale, colour, opacity);
      }
    }
    penX += advance;
  }
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
