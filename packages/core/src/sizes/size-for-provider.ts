import type { PresetRatio, Resolution } from '../options/option-values';
import type { ProviderCapabilities } from '../providers/provider-capabilities';
import { ratioDistance, sizeForShape } from './nearest-size';
import { presetSize, tierPixelBudget } from './preset-sizes';
import type { PixelSize } from './size-rule';

/**
 * What to ask a provider for when the host wants "the shape of this frame" (SPEC 2: `auto` in
 * Figma with a frame selected).
 */
export type ShapeRequest =
  /** The provider takes exact sizes: send `size`, the valid size nearest the shape at the tier's budget. */
  | { readonly kind: 'size'; readonly size: PixelSize }
  /**
   * The provider takes preset ratios only: send `aspectRatio` at `resolution`. `size` is that
   * preset's pixels; `exact` is true when the preset's ratio is the shape's own (within 1%).
   */
  | {
      readonly kind: 'preset';
      readonly aspectRatio: PresetRatio;
      readonly resolution: Resolution;
      readonly size: PixelSize;
      readonly exact: boolean;
    }
  /** The provider offers no preset ratio at this tier: nothing can match the shape there. */
  | { readonly kind: 'none'; readonly resolution: Resolution };

/** Ratios whose logs differ by less than this count as the same shape (1%). */
const SAME_RATIO = Math.log(1.01);

/**
 * The request that best matches a shape (e.g. a Figma frame) at a resolution tier, for a provider
 * with these capabilities. A provider that takes exact sizes gets the valid size nearest the
 * shape at the tier's pixel budget (`sizeForShape`). One that takes only presets gets the preset
 * ratio it offers at that tier whose ratio is nearest the shape's, measured as the distance
 * between the logs of the two ratios (so 2:1 and 1:2 are equally far from 1:1); ratio × tier
 * pairs the provider refuses (kie's 1:1 at 4K) are never chosen. Ties go to the ratio listed first.
 */
export function requestForShape(capabilities: ProviderCapabilities, shape: PixelSize, resolution: Resolution): ShapeRequest {
  if (capabilities.customSize) return { kind: 'size', size: sizeForShape(shape, tierPixelBudget(resolution)) };
  // A shape without a usable side counts as square.
  const wanted = shape.width > 0 && shape.height > 0 && Number.isFinite(shape.width / shape.height) ? shape : SQUARE;
  let best: { ratio: PresetRatio; distance: number } | null = null;
  for (const ratio of capabilities.aspectRatios[resolution]) {
    if (ratio === 'auto') continue;
    const distance = ratioDistance(shapeOf(ratio), wanted);
    // Rounding makes |log(4/5)| and |log(5/4)| differ in the last bit: a tie must stay a tie.
    if (!best || distance < best.distance - 1e-9) best = { ratio, distance };
  }
  if (!best) return { kind: 'none', resolution };
  return { kind: 'preset', aspectRatio: best.ratio, resolution, size: presetSize(resolution, best.ratio), exact: best.distance < SAME_RATIO };
}

const SQUARE: PixelSize = { width: 1, height: 1 };

/** A preset's named ratio as a shape (`16:9` → 16 × 9), not its rounded pixels. */
function shapeOf(ratio: PresetRatio): PixelSize {
  const [width = 1, height = 1] = ratio.split(':').map(Number);
  return { width, height };
}
