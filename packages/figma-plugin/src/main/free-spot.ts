import { overlaps, type Box, type Size } from './geometry';

/** The space left between a source and its result, and between results, in canvas units. */
export const PLACEMENT_GAP = 40;

/**
 * The first spot right of `anchor` (top edges aligned, `gap` apart) where a box of `size` overlaps
 * none of `occupied` (see `freeSpotFrom`). Earlier results beside the same source are skipped
 * this way, so each new one lands after them.
 */
export function freeSpotRightOf(anchor: Box, size: Size, occupied: readonly Box[], gap = PLACEMENT_GAP): Box {
  return freeSpotFrom({ x: anchor.x + anchor.width + gap, y: anchor.y, width: size.width, height: size.height }, occupied, gap);
}

/**
 * `start` if it overlaps none of `occupied`; else, while something is in the way, the spot `gap`
 * past its right edge (same top edge). Each jump passes at least one box, so it ends within
 * `occupied.length` jumps.
 */
export function freeSpotFrom(start: Box, occupied: readonly Box[], gap = PLACEMENT_GAP): Box {
  let spot = start;
  for (let jump = 0; jump <= occupied.length; jump++) {
    const inTheWay = occupied.filter((box) => overlaps(spot, box));
    if (inTheWay.length === 0) return spot;
    spot = { ...spot, x: Math.max(...inTheWay.map((box) => box.x + box.width)) + gap };
  }
  return spot;
}

/** A box of `size` centred on `center` (e.g. the viewport's centre, for text-only generation). */
export function centredOn(center: { readonly x: number; readonly y: number }, size: Size): Box {
  return { x: center.x - size.width / 2, y: center.y - size.height / 2, width: size.width, height: size.height };
}
