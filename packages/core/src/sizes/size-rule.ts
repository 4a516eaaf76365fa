/**
 * The size rule every size the product sends must obey (custom sizes and presets alike).
 * Kept as data so the checks, the nearest-size search and the messages share one source.
 */
export const SIZE_RULE = {
  /** Both sides must be multiples of this. */
  step: 16,
  /** The longer edge may be at most this many pixels. */
  maxEdge: 3840,
  /** long:short may be at most this. */
  maxRatio: 3,
  /** Inclusive bounds on width × height. */
  minPixels: 655_360,
  maxPixels: 8_294_400,
  /** Above this many pixels (2560x1440) the model vendor calls sizes experimental. */
  experimentalAbovePixels: 2560 * 1440,
} as const;

/** A concrete pixel size. */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/** One broken rule, as a sentence fragment that names the rule and the numbers. */
export interface SizeViolation {
  readonly rule: 'whole' | 'step' | 'maxEdge' | 'maxRatio' | 'pixels';
  readonly message: string;
}

const formatInt = (n: number): string => n.toLocaleString('en-US');

/** Every rule the size breaks; empty when the size is valid. */
export function sizeViolations({ width, height }: PixelSize): SizeViolation[] {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return [{ rule: 'whole', message: 'width and height must be positive whole numbers' }];
  }
  const violations: SizeViolation[] = [];
  if (width % SIZE_RULE.step !== 0 || height % SIZE_RULE.step !== 0) {
    violations.push({ rule: 'step', message: `both sides must be divisible by ${SIZE_RULE.step}` });
  }
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long > SIZE_RULE.maxEdge) {
    violations.push({
      rule: 'maxEdge',
      message: `the longer edge must be at most ${SIZE_RULE.maxEdge} px (it is ${long})`,
    });
  }
  if (long > short * SIZE_RULE.maxRatio) {
    violations.push({
      rule: 'maxRatio',
      message: `the long:short ratio must be at most ${SIZE_RULE.maxRatio}:1 (it is ${(long / short).toFixed(2)}:1)`,
    });
  }
  const pixels = width * height;
  if (pixels < SIZE_RULE.minPixels || pixels > SIZE_RULE.maxPixels) {
    violations.push({
      rule: 'pixels',
      message: `the pixel count must be between ${formatInt(SIZE_RULE.minPixels)} and ${formatInt(SIZE_RULE.maxPixels)} (it is ${formatInt(pixels)})`,
    });
  }
  return violations;
}

/** True when the size obeys every rule. */
export function isValidSize(size: PixelSize): boolean {
  return sizeViolations(size).length === 0;
}

/** True for sizes the vendor marks experimental (valid, but above 2560x1440 worth of pixels). */
export function isExperimentalSize({ width, height }: PixelSize): boolean {
  return width * height > SIZE_RULE.experimentalAbovePixels;
}

/** `WIDTHxHEIGHT`, the form every API and the CLI use. */
export function formatSize({ width, height }: PixelSize): string {
  return `${width}x${height}`;
}
