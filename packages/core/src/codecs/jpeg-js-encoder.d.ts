/**
 * Types for the encoder half of jpeg-js, imported on its own (see ./jpeg-encoder.ts for why).
 * The package's own index.d.ts only describes the combined entry point.
 */
declare module 'jpeg-js/lib/encoder.js' {
  /** RGBA pixels, four bytes per pixel; the alpha byte is ignored. */
  interface JpegJsImage {
    width: number;
    height: number;
    data: Uint8Array;
    comments?: string[];
  }
  /** `data` is a Node Buffer when the module runs as CommonJS, a Uint8Array otherwise. */
  export default function encode(image: JpegJsImage, quality?: number): { data: Uint8Array; width: number; height: number };
}
