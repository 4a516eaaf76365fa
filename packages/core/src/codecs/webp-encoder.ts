/**
 * WebP through the platform's canvas, where there is one that can write WebP.
 *
 * There is no practical pure-JavaScript WebP encoder to ship in a browser-safe core, so WebP is
 * offered only where the runtime has it: `OffscreenCanvas.convertToBlob({ type: 'image/webp' })`
 * in Chromium and Firefox. Browsers that cannot write WebP silently return PNG instead, so the
 * blob's type is checked. Node has no OffscreenCanvas and always gets {@link UnsupportedFormatError}.
 */
import { UnsupportedFormatError } from './unsupported-format-error';
import type { RgbaPixels } from './jpeg-encoder';

/** Quality passed to the canvas encoder (0–1). */
const WEBP_QUALITY = 0.9;

export const WEBP_UNSUPPORTED_MESSAGE = 'This runtime cannot encode WebP; choose png or jpeg.';

let probe: Promise<boolean> | undefined;

/**
 * Whether this runtime can write WebP, found out once by encoding a 1×1 canvas, so a caller can
 * refuse before spending time on a large render.
 */
export function canEncodeWebp(): Promise<boolean> {
  probe ??= (async () => {
    if (typeof globalThis.OffscreenCanvas !== 'function') return false;
    try {
      const blob = await new OffscreenCanvas(1, 1).convertToBlob({ type: 'image/webp' });
      return blob.type === 'image/webp';
    } catch {
      return false;
    }
  })();
  return probe;
}

/** Throws {@link UnsupportedFormatError} unless {@link canEncodeWebp}. */
export async function assertWebpEncodable(): Promise<void> {
  if (!(await canEncodeWebp())) throw new UnsupportedFormatError('webp', WEBP_UNSUPPORTED_MESSAGE);
}

/** Encodes packed straight-alpha RGBA pixels as WebP, or throws {@link UnsupportedFormatError}. */
export async function encodeWebp(pixels: RgbaPixels): Promise<Uint8Array> {
  await assertWebpEncodable();
  const canvas = new OffscreenCanvas(pixels.width, pixels.height);
  const context = canvas.getContext('2d');
  if (!context) throw new UnsupportedFormatError('webp', WEBP_UNSUPPORTED_MESSAGE);
  // ImageData wants a Uint8ClampedArray over a plain ArrayBuffer: view the same memory when
  // possible (a 4K RGBA frame is 33 MB), copy only if the pixels live in a SharedArrayBuffer.
  const { buffer, byteOffset, length } = pixels.data;
  const clamped =
    buffer instanceof ArrayBuffer ? new Uint8ClampedArray(buffer, byteOffset, length) : Uint8ClampedArray.from(pixels.data);
  context.putImageData(new ImageData(clamped, pixels.width, pixels.height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/webp', quality: WEBP_QUALITY });
  if (blob.type !== 'image/webp') throw new UnsupportedFormatError('webp', WEBP_UNSUPPORTED_MESSAGE);
  return new Uint8Array(await blob.arrayBuffer());
}
