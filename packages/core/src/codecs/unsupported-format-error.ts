/**
 * The error for an output format the current runtime cannot produce.
 */

/**
 * Thrown when an image format cannot be encoded here — today only WebP, which needs a canvas
 * that can write WebP (browsers with `OffscreenCanvas`; not Node). The message says what to
 * choose instead, so it can be shown to the user as it is.
 */
export class UnsupportedFormatError extends Error {
  /** The format that was asked for. */
  readonly format: string;

  constructor(format: string, message: string) {
    super(message);
    this.name = 'UnsupportedFormatError';
    this.format = format;
  }
}
