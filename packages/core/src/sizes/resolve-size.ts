import type { Options } from '../options/options-schema';
import { parseSize } from './parse-size';
import { presetSize, tierPixelBudget } from './preset-sizes';
import { sizeForShape } from './nearest-size';
import type { PixelSize } from './size-rule';

/** The options that decide the output size. */
type SizeOptions = Pick<Options, 'size' | 'resolution' | 'aspectRatio'>;

/**
 * The pixel size the options ask for: the custom `size` when given, else the preset for the tier
 * and ratio. Null for `auto`, where the provider decides.
 */
export function requestedSize(options: SizeOptions): PixelSize | null {
  if (options.size !== undefined) {
    const size = parseSize(options.size);
    if (!size) throw new Error(`size ${options.size} was not validated`);
    return size;
  }
  if (options.aspectRatio === 'auto') return null;
  return presetSize(options.resolution, options.aspectRatio);
}

/**
 * A size that is always concrete, for providers that must pick one themselves (the placeholder):
 * `auto` becomes the tier's square, or — when the host knows a shape, such as a selected Figma
 * frame — the valid size nearest to that shape at the tier's pixel budget.
 */
export function concreteSize(options: SizeOptions, autoShape?: PixelSize): PixelSize {
  const requested = requestedSize(options);
  if (requested) return requested;
  if (autoShape) return sizeForShape(autoShape, tierPixelBudget(options.resolution));
  return presetSize(options.resolution, '1:1');
}
