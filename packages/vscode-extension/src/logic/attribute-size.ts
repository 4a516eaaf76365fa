/**
 * The pixel size to generate for an `<img>` whose file is missing, from its `width`/`height`
 * attributes. The size rule itself (multiples of 16, ratio, pixel bounds) and the search for the
 * nearest valid size belong to the core; this file only decides what the attributes ask for.
 */
import { nearestValidSize, presetSize, type PixelSize } from '@gpt-image/core';

/** Where a size came from, so the UI can say "from width/height" or "default". */
export type SizeSource = 'attributes' | 'width' | 'height' | 'default';

/** The size to generate and why. */
export interface AttributeSize {
  readonly size: PixelSize;
  readonly source: SizeSource;
  /** The size the attributes asked for, when it had to change to obey the size rule. */
  readonly adjustedFrom?: PixelSize;
}

/** What a missing image gets when its reference says nothing about size: the 1K square preset. */
export const DEFAULT_MISSING_IMAGE_SIZE: PixelSize = presetSize('1K', '1:1');

/**
 * The size for a missing image:
 * - `width` and `height` → that size if it is valid, else the core's nearest valid size, which
 *   keeps the shape as far as the rule allows (`640x480` → `944x704`, `1920x1080` → `1920x1088`).
 *   A picture made larger than it is shown stays sharp on high-density screens; the exact shape
 *   matters because the browser stretches an image to both attributes.
 * - only one of them → a square of that side, made valid the same way. With one attribute the
 *   browser keeps the image's own proportions, so any shape displays undistorted; the square is
 *   the neutral choice and the same shape as the default.
 * - neither → `defaultSize`.
 *
 * @param defaultSize the size when no attribute is given (default the 1K square, 1280x1280)
 */
export function sizeFromAttributes(width: number | undefined, height: number | undefined, defaultSize: PixelSize = DEFAULT_MISSING_IMAGE_SIZE): AttributeSize {
  if (width !== undefined && height !== undefined) return adjusted({ width, height }, 'attributes');
  if (width !== undefined) return adjusted({ width, height: width }, 'width');
  if (height !== undefined) return adjusted({ width: height, height }, 'height');
  return { size: defaultSize, source: 'default' };
}

function adjusted(wanted: PixelSize, source: SizeSource): AttributeSize {
  const size = nearestValidSize(wanted);
  const same = size.width === wanted.width && size.height === wanted.height;
  return same ? { size, source } : { size, source, adjustedFrom: wanted };
}
