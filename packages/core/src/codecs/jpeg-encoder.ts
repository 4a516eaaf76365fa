/// <reference path="./jpeg-js-encoder.d.ts" />
/**
 * JPEG through jpeg-js's pure-JavaScript baseline encoder.
 *
 * Only the encoder file is imported, not the package entry: the entry also pulls in the decoder,
 * which a bundle for the browser does not need.
 *
 * jpeg-js and Buffer: the encoder ends with
 *   `if (typeof module === 'undefined') return new Uint8Array(byteout); return Buffer.from(byteout);`
 * Every bundler wraps CommonJS files in a function that provides `module`, so in a browser bundle
 * that line always takes the `Buffer.from` branch and would throw "Buffer is not defined". When
 * the runtime has no global `Buffer`, {@link encodeJpeg} therefore installs a stand-in whose only
 * member is `from(bytes) → Uint8Array` for the duration of the (synchronous) call and removes it
 * straight after; nothing else can run in between. With a real Buffer (Node) nothing is touched.
 * Either way the result is copied into a plain Uint8Array so callers never see a Buffer.
 */
import encode from 'jpeg-js/lib/encoder.js';

/** Quality used for placeholders: visually clean gradients at a moderate size. */
export const JPEG_QUALITY = 85;

/** Packed RGBA pixels (jpeg-js reads four bytes per pixel and ignores the fourth). */
export interface RgbaPixels {
  width: number;
  height: number;
  data: Uint8Array;
}

const BUFFER_GLOBAL = 'Buffer';

/** Encodes RGBA pixels as a baseline JPEG (4:4:4, no metadata). Runs in Node and browsers. */
export function encodeJpeg(pixels: RgbaPixels, quality = JPEG_QUALITY): Uint8Array {
  if (pixels.data.length !== pixels.width * pixels.height * 4) {
    throw new RangeError(`Expected ${pixels.width * pixels.height * 4} RGBA bytes, got ${pixels.data.length}.`);
  }
  const image = { width: pixels.width, height: pixels.height, data: pixels.data };
  const needsStandIn = !Reflect.has(globalThis, BUFFER_GLOBAL);
  if (!needsStandIn) return new Uint8Array(encode(image, quality).data);
  const standIn = { from: (bytes: ArrayLike<number>): Uint8Array => Uint8Array.from(bytes) };
  Reflect.defineProperty(globalThis, BUFFER_GLOBAL, { value: standIn, configurable: true, writable: true });
  try {
    return new Uint8Array(encode(image, quality).data);
  } finally {
    Reflect.deleteProperty(globalThis, BUFFER_GLOBAL);
  }
}
