/**
 * Large translucent discs, the "soft pattern" floating over the background gradient.
 */
import { blendSpan, clamp01 } from './blend';
import type { Rgb } from './color';
import type { PaintTarget } from './paint-target';

/**
 * Blends a disc of `colour` at `opacity` with a one-pixel anti-aliased rim.
 *
 * The opacity is uniform inside on purpose: over a background whose rows are shifted copies of
 * each other, a uniform blend keeps that property inside the disc, which keeps PNG compression
 * fast (a radial falloff would make every row unique).
 */
export function fillCircle(target: PaintTarget, cx: number, cy: number, radius: number, colour: Rgb, opacity: number): void {
  const y0 = Math.max(target.top, Math.floor(cy - radius - 1));
  const y1 = Math.min(target.bottom, Math.ceil(cy + radius + 1));
  const outer = radius + 0.5;
  const inner = radius - 0.5;
  for (let y = y0; y < y1; y++) {
    const dy = y + 0.5 - cy;
    const outerSq = outer * outer - dy * dy;
    if (outerSq <= 0) continue;
    const outerHalf = Math.sqrt(outerSq);
    const innerSq = inner * inner - dy * dy;
    // Pixels whose centres lie within the inner half-width are fully inside the disc.
    let fullFrom = Infinity;
    let fullTo = -Infinity;
    if (innerSq > 0) {
      const innerHalf = Math.sqrt(innerSq);
      fullFrom = Math.ceil(cx - innerHalf - 0.5);
      fullTo = Math.floor(cx + innerHalf - 0.5) + 1;
      blendSpan(target, y, fullFrom, fullTo, colour, opacity);
    }
    const edgeFrom = Math.max(0, Math.floor(cx - outerHalf - 0.5));
    const edgeTo = Math.min(target.raster.width, Math.ceil(cx + outerHalf + 0.5));
    for (let x = edgeFrom; x < edgeTo; x++) {
      if (x >= fullFrom && x < fullTo) {
        x = fullTo - 1; // skip the span already blended
        continue;
      }
      const coverage = clamp01(radius + 0.5 - Math.hypot(x + 0.5 - cx, dy));
      if (coverage > 0) blendSpan(target, y, x, x + 1, colour, opacity * coverage);
    }
  }
}
