/**
 * Alpha blending of flat colours into a raster, the only drawing primitive the scene needs.
 */
import type { Rgb } from './color';
import type { PaintTarget } from './paint-target';

/**
 * Blends `colour` at `opacity` (0–1) over pixels [x0, x1) of row `y`, clipped to the raster
 * and to the target's band. The alpha channel, if any, is left alone: the scene is painted
 * opaque and transparency is cut in afterwards (see ./card-mask).
 *
 * Integer arithmetic with 8 fractional bits keeps the result identical in every engine and is
 * several times faster than floating point per channel.
 */
export function blendSpan(target: PaintTarget, y: number, x0: number, x1: number, colour: Rgb, opacity: number): void {
  if (y < target.top || y >= target.bottom) return;
  const { raster } = target;
  const from = Math.max(0, Math.floor(x0));
  const to = Math.min(raster.width, Math.ceil(x1));
  if (to <= from) return;
  const a = Math.round(clamp01(opacity) * 256);
  if (a === 0) return;
  const { data, channels } = raster;
  const r = Math.round(colour.r);
  const g = Math.round(colour.g);
  const b = Math.round(colour.b);
  const start = y * raster.stride + raster.offset + from * channels;
  const end = start + (to - from) * channels;
  if (a === 256) {
    for (let i = start; i < end; i += channels) {
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
    return;
  }
  for (let i = start; i < end; i += channels) {
    const dr = data[i]!;
    const dg = data[i + 1]!;
    const db = data[i + 2]!;
    // d + (c - d) * a / 256, rounded: stays between d and c, so no clamping is needed.
    data[i] = dr + (((r - dr) * a + 128) >> 8);
    data[i + 1] = dg + (((g - dg) * a + 128) >> 8);
    data[i + 2] = db + (((b - db) * a + 128) >> 8);
  }
}

/** Blends `colour` over the rectangle [x, x + width) × [y, y + height), clipped like {@link blendSpan}. */
export function blendRect(
  target: PaintTarget,
  x: number,
  y: number,
  width: number,
  height: number,
  colour: Rgb,
  opacity: number,
): void {
  const y0 = Math.max(target.top, Math.floor(y));
  const y1 = Math.min(target.bottom, Math.ceil(y + height));
  for (let row = y0; row < y1; row++) blendSpan(target, row, x, x + width, colour, opacity);
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
