/**
 * Anti-aliased rounded rectangles (the text panel, the badge and the transparent card).
 */
import { blendSpan, clamp01 } from './blend';
import type { Rgb } from './color';
import type { PaintTarget } from './paint-target';

/** A rectangle on whole pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Receives one row of a shape: spans fully inside it and single pixels it partly covers. */
export interface RowVisitor {
  /** Pixels [x0, x1) are fully inside. */
  full(x0: number, x1: number): void;
  /** Pixel x is inside by `coverage` (0–1; 0 means outside but within the corner square). */
  partial(x: number, coverage: number): void;
}

/**
 * Visits row `y` of a rounded rectangle with whole-pixel edges and corner `radius`. Pixels in
 * the corner squares get coverage from their centre's distance to the corner arc (a one-pixel
 * ramp, which is what makes the curve look smooth); the rest of the row is fully inside.
 * Rows outside the rectangle are not visited at all.
 */
export function visitRoundedRectRow(rect: Rect, radius: number, y: number, visit: RowVisitor): void {
  const top = rect.y;
  const bottom = rect.y + rect.height;
  if (y < top || y >= bottom) return;
  const left = rect.x;
  const right = rect.x + rect.width;
  const r = Math.max(0, Math.min(Math.floor(radius), Math.floor(rect.width / 2), Math.floor(rect.height / 2)));
  const inTopCorner = y < top + r;
  const inBottomCorner = y >= bottom - r;
  if (!inTopCorner && !inBottomCorner) {
    visit.full(left, right);
    return;
  }
  const centreY = inTopCorner ? top + r : bottom - r;
  const dy = y + 0.5 - centreY;
  for (let x = left; x < left + r; x++) visit.partial(x, arcCoverage(x + 0.5 - (left + r), dy, r));
  if (right - r > left + r) visit.full(left + r, right - r);
  for (let x = right - r; x < right; x++) visit.partial(x, arcCoverage(x + 0.5 - (right - r), dy, r));
}

/** Fills a rounded rectangle with `colour` at `opacity`, anti-aliased at the corners. */
export function fillRoundedRect(target: PaintTarget, rect: Rect, radius: number, colour: Rgb, opacity: number): void {
  const y0 = Math.max(target.top, rect.y);
  const y1 = Math.min(target.bottom, rect.y + rect.height);
  for (let y = y0; y < y1; y++) {
    visitRoundedRectRow(rect, radius, y, {
      full: (x0, x1) => blendSpan(target, y, x0, x1, colour, opacity),
      partial: (x, coverage) => {
        if (coverage > 0) blendSpan(target, y, x, x + 1, colour, opacity * coverage);
      },
    });
  }
}

/** Coverage of a pixel whose centre is (dx, dy) from a corner arc's centre, for arc radius r. */
function arcCoverage(dx: number, dy: number, r: number): number {
  return clamp01(r + 0.5 - Math.hypot(dx, dy));
}
