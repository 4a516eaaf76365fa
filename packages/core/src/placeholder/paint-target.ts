/**
 * Where painting goes: a raster, and the band of rows that may be painted right now.
 */
import type { Raster } from '../codecs/raster';

/**
 * A raster plus the rows [top, bottom) being painted. PNG output is painted band by band, each
 * band handed to the compressor as soon as it is done, so painting overlaps with compression;
 * every painter therefore clips to this range and must paint every pixel in it exactly as it
 * would in a single full-image pass (the result must not depend on the band size).
 */
export interface PaintTarget {
  readonly raster: Raster;
  readonly top: number;
  readonly bottom: number;
}

/** The whole raster as one band. */
export function wholeRaster(raster: Raster): PaintTarget {
  return { raster, top: 0, bottom: raster.height };
}
