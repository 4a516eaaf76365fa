/**
 * The in-memory pixel buffer the placeholder paints into and the encoders read from.
 */

/**
 * 8-bit pixels, RGB or RGBA, row-major. Rows are `stride` bytes apart and the first pixel of a
 * row sits `offset` bytes after the row's start, so pixel (x, y) begins at
 * `y * stride + offset + x * channels`.
 *
 * Two layouts exist (see {@link createRaster}): `packed` (no gaps, what JPEG and canvas want)
 * and `png` (one spare byte before every row, which is exactly a PNG scanline with filter type 0,
 * so the PNG encoder can stream the buffer to DEFLATE with no copy at all).
 */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  /** Backed by a plain ArrayBuffer, which is what CompressionStream and ImageData accept. */
  readonly data: Uint8Array<ArrayBuffer>;
  readonly stride: number;
  readonly offset: number;
  readonly layout: RasterLayout;
}

/** `packed`: rows back to back. `png`: a zero byte (PNG filter "None") before every row. */
export type RasterLayout = 'packed' | 'png';

/** A new raster filled with zeros (black, and fully transparent when it has alpha). */
export function createRaster(width: number, height: number, channels: 3 | 4, layout: RasterLayout): Raster {
  const rowBytes = width * channels;
  const offset = layout === 'png' ? 1 : 0;
  const stride = rowBytes + offset;
  // Zero-filled by the platform, which also writes every PNG filter byte as 0 ("None").
  const data = new Uint8Array(stride * height);
  return { width, height, channels, data, stride, offset, layout };
}

