import { describeImageKind, sniffImage } from '@gpt-image/core/contract';
import { MAX_FIGMA_IMAGE_SIDE } from '../protocol/limits';
import { PluginError } from './plugin-error';

/** A result image Figma can place. */
export interface PlaceableImage {
  readonly mediaType: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
}

/**
 * Checks result bytes before they reach `figma.createImage`, which takes PNG, JPEG or GIF up to
 * 4096 px a side and would otherwise fail with a terse message. Read from the bytes themselves.
 */
export function checkResultImage(bytes: Uint8Array): PlaceableImage {
  const info = sniffImage(bytes);
  if (!info) {
    throw new PluginError(`The result cannot be placed: it is not a PNG or JPEG image (its bytes look like ${describeImageKind(bytes)}).`);
  }
  if (info.mediaType === 'image/webp') {
    throw new PluginError('The result is a WebP image, which Figma cannot place on the canvas. Choose PNG or JPEG output to place results in Figma.');
  }
  if (info.width > MAX_FIGMA_IMAGE_SIDE || info.height > MAX_FIGMA_IMAGE_SIDE) {
    throw new PluginError(
      `The result is ${info.width}×${info.height} px, and Figma places images of at most ${MAX_FIGMA_IMAGE_SIDE} px a side. ` +
        `Choose a size of at most ${MAX_FIGMA_IMAGE_SIDE} px a side to place results in Figma.`,
    );
  }
  return { mediaType: info.mediaType, width: info.width, height: info.height };
}
