import { SIZE_RULE, isValidSize, type PixelSize } from './size-rule';

/**
 * The valid size closest to a wanted one, for "nearest valid size is …" hints and for turning a
 * frame's shape into something the model accepts.
 *
 * First the wanted size is moved, in continuous space, into the valid region (ratio clamped to
 * 3:1 by growing the short side, then scaled uniformly to fit the edge and pixel bounds), then the
 * 16-px grid around that point is searched. Ties go to the candidate whose ratio is closest to the
 * target's, then to the larger one: `1000x1000` → `1008x1008`, not `992x992`.
 */
export function nearestValidSize(wanted: PixelSize): PixelSize {
  const target = moveIntoValidRegion(wanted);
  return searchGrid(target, (candidate) => {
    const distance = (candidate.width - target.width) ** 2 + (candidate.height - target.height) ** 2;
    return [distance, ratioDistance(candidate, target), -candidate.width * candidate.height];
  });
}

/**
 * The valid size whose shape is closest to `shape` (e.g. a Figma frame) and whose pixel count is
 * closest to `pixelBudget` (e.g. a resolution tier's square).
 */
export function sizeForShape(shape: PixelSize, pixelBudget: number): PixelSize {
  const ratio = clamp(shape.width / shape.height, 1 / SIZE_RULE.maxRatio, SIZE_RULE.maxRatio);
  const budget = clamp(pixelBudget, SIZE_RULE.minPixels, SIZE_RULE.maxPixels);
  const target = moveIntoValidRegion({ width: Math.sqrt(budget * ratio), height: Math.sqrt(budget / ratio) });
  // Ratios within half a percent count as equal: exact ratios are rare on a 16-px grid, and a
  // shape 0.2% off at the right pixel count beats an exact one 6% too small or large.
  return searchGrid(target, (candidate) => [
    Math.round(ratioDistance(candidate, target) / 0.005),
    Math.abs(candidate.width * candidate.height - budget),
  ]);
}

/** Lexicographic cost: earlier entries matter more. */
type Cost = readonly number[];

function searchGrid(target: PixelSize, cost: (candidate: PixelSize) => Cost): PixelSize {
  const step = SIZE_RULE.step;
  // A radius of 4 steps always holds a valid point next to an in-region target; the wider
  // radii are a safety net that the property tests show is never needed.
  for (const radius of [4, 16, 64]) {
    let best: { size: PixelSize; cost: Cost } | null = null;
    const w0 = Math.round(target.width / step);
    const h0 = Math.round(target.height / step);
    for (let wi = Math.max(1, w0 - radius); wi <= w0 + radius; wi++) {
      for (let hi = Math.max(1, h0 - radius); hi <= h0 + radius; hi++) {
        const size = { width: wi * step, height: hi * step };
        if (!isValidSize(size)) continue;
        const c = cost(size);
        if (!best || lessThan(c, best.cost)) best = { size, cost: c };
      }
    }
    if (best) return best.size;
  }
  // Unreachable for finite input: the region is never empty. Fall back to the 1K square.
  return { width: 1280, height: 1280 };
}

function moveIntoValidRegion({ width, height }: PixelSize): PixelSize {
  let w = Number.isFinite(width) && width > 0 ? width : 1;
  let h = Number.isFinite(height) && height > 0 ? height : 1;
  if (w > h * SIZE_RULE.maxRatio) h = w / SIZE_RULE.maxRatio;
  if (h > w * SIZE_RULE.maxRatio) w = h / SIZE_RULE.maxRatio;
  const pixels = w * h;
  let scale = Math.min(1, SIZE_RULE.maxEdge / Math.max(w, h), Math.sqrt(SIZE_RULE.maxPixels / pixels));
  if (pixels * scale * scale < SIZE_RULE.minPixels) scale = Math.sqrt(SIZE_RULE.minPixels / pixels);
  return { width: w * scale, height: h * scale };
}

/** How far apart two shapes are: the distance between the logs of their ratios (2:1 and 1:2 are equally far from 1:1). */
export function ratioDistance(a: PixelSize, b: PixelSize): number {
  return Math.abs(Math.log(a.width / a.height) - Math.log(b.width / b.height));
}

function lessThan(a: Cost, b: Cost): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
