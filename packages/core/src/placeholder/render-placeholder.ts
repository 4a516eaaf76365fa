/**
 * The built-in offline "provider": a placeholder image of exactly the requested size, made
 * without network or key, and unmistakably not model output.
 */
import { encodeJpeg } from '../codecs/jpeg-encoder';
import { encodePngRaster } from '../codecs/png-encoder';
import { createRaster } from '../codecs/raster';
import { assertWebpEncodable, encodeWebp } from '../codecs/webp-encoder';
import { paintScene, planScene } from './paint-scene';
import { wholeRaster } from './paint-target';

/** What to render. Inputs are expected to be validated already (see the options contract). */
export interface PlaceholderSpec {
  /** The prompt, already validated and trimmed; its hash picks the colours. */
  prompt: string;
  /** Exact output width in pixels. */
  width: number;
  /** Exact output height in pixels. */
  height: number;
  format: 'png' | 'jpeg' | 'webp';
  /**
   * `transparent`: PNG and WebP get real alpha — the scene sits on a rounded card over fully
   * transparent margins. JPEG has no alpha and is always opaque. `auto` means opaque.
   */
  background: 'auto' | 'opaque' | 'transparent';
  /** Optional extra line rendered small, e.g. "edit of 2 images". */
  caption?: string;
}

/**
 * Renders a placeholder image and returns the encoded file.
 *
 * The picture is a calm gradient whose colours come from a hash of the prompt, with the pixel
 * size in large type, the start of the prompt, the optional caption and a "PLACEHOLDER" badge.
 * The same spec always gives byte-identical output in a given runtime (no randomness, no
 * clock). Works in Node 20 and browsers; PNG and JPEG everywhere, WebP only where the runtime
 * can encode it.
 *
 * @throws UnsupportedFormatError for `webp` when the runtime cannot encode WebP (e.g. Node).
 * @throws RangeError if width or height is not a positive whole number.
 */
export async function renderPlaceholder(spec: PlaceholderSpec): Promise<Uint8Array> {
  const { width, height, format } = spec;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`Placeholder size must be positive whole pixels, got ${width}x${height}.`);
  }
  // Refuse before painting megapixels that could not be encoded anyway.
  if (format === 'webp') await assertWebpEncodable();

  const transparent = spec.background === 'transparent' && format !== 'jpeg';
  // JPEG (jpeg-js) and WebP (canvas ImageData) both take packed RGBA; PNG is RGB unless it
  // needs alpha.
  const channels = format === 'png' && !transparent ? 3 : 4;
  const plan = planScene(width, height, channels, { prompt: spec.prompt, caption: spec.caption, transparent });

  if (format === 'png') {
    // Laid out as PNG scanlines, so encoding copies nothing, and painted band by band just
    // before each band is compressed, so painting overlaps with compression.
    const raster = createRaster(width, height, channels, 'png');
    return encodePngRaster(raster, (top, bottom) => paintScene({ raster, top, bottom }, plan));
  }
  const raster = createRaster(width, height, 4, 'packed');
  paintScene(wholeRaster(raster), plan);
  return format === 'jpeg' ? encodeJpeg(raster) : encodeWebp(raster);
}
