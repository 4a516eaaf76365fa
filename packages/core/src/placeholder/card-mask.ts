/**
 * Cutting a transparent placeholder's scene down to a rounded card.
 */
import type { PaintTarget } from './paint-target';
import { visitRoundedRectRow, type Rect } from './rounded-rect';

/**
 * Makes everything outside `card` fully transparent (all four channels 0, which also compresses
 * to almost nothing) and gives the card's rounded corners an anti-aliased alpha edge. The
 * raster must have an alpha channel; colour inside the card is kept as painted (PNG and WebP
 * store straight, not premultiplied, alpha).
 */
export function applyCardMask(target: PaintTarget, card: Rect, radius: number): void {
  const { raster } = target;
  if (raster.channels !== 4) throw new Error('A card mask needs an RGBA raster.');
  const { data, width, stride, offset } = raster;
  for (let y = target.top; y < target.bottom; y++) {
    const rowStart = y * stride + offset;
    if (y < card.y || y >= card.y + card.height) {
      data.fill(0, rowStart, rowStart + width * 4);
      continue;
    }
    const left = Math.max(0, card.x);
    const right = Math.min(width, card.x + card.width);
    data.fill(0, rowStart, rowStart + left * 4);
    data.fill(0, rowStart + right * 4, rowStart + width * 4);
    visitRoundedRectRow(card, radius, y, {
      full: () => undefined, // inside: keep the painted, opaque pixels
      partial: (x, coverage) => {
        const i = rowStart + x * 4;
        if (coverage <= 0) data.fill(0, i, i + 4);
        else data[i + 3] = Math.round(255 * coverage);
      },
    });
  }
}
