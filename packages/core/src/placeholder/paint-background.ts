/**
 * The placeholder's background: soft diagonal colour bands that sway gently, lightening towards
 * the top, with a few large translucent discs on top.
 */
import { mix, type Rgb } from './color';
import type { Palette } from './palette';
import type { PaintTarget } from './paint-target';
import { between, type Random } from './seeded-random';
import { fillCircle } from './soft-circle';

/** How many distinct top-to-bottom lightness steps; each step is well under one 8-bit level. */
const SHADE_LEVELS = 48;

interface Disc {
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly opacity: number;
}

/**
 * Everything about one background that does not depend on which rows are being painted,
 * computed once per image by {@link planBackground}.
 */
export interface BackgroundPlan {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  /** Row y shows the strip from pixel `shift[y] - minShift` on. */
  readonly shift: Int32Array;
  readonly minShift: number;
  /** The colour strip in floating point RGB, before shading. */
  readonly strip: Float32Array;
  readonly glow: Rgb;
  readonly discs: readonly Disc[];
  /** The strip at one shade level in the raster's channel layout; rebuilt when the level changes. */
  readonly shaded: Uint8Array;
  shadedLevel: number;
}

/**
 * Plans a background for a `width` × `height` image.
 *
 * Why it is built this way: every row is a slice of one precomputed colour strip, taken at an
 * offset that moves by a whole number of pixels from row to row, so the picture is a smooth
 * gradient along the diagonal that waves softly. Painting a row is then one memory copy, and —
 * more important for the 300 ms goal at 4K — each row repeats the row above shifted sideways,
 * which DEFLATE encodes as a few long back-references, several times faster than compressing a
 * gradient whose rows all differ. The vertical shading changes the strip only SHADE_LEVELS
 * times, so that property holds almost everywhere.
 */
export function planBackground(width: number, height: number, channels: 3 | 4, palette: Palette, random: Random): BackgroundPlan {
  const short = Math.min(width, height);
  // Band widths and waves scale with the geometric mean of the sides, not the short side, so a
  // 3840×176 banner gets a few broad bands instead of dozens of thin stripes.
  const scale = Math.sqrt(width * height);

  // Row offsets: a diagonal slope plus one slow wave, rounded to whole pixels.
  const slope = between(random, 0.45, 1.1) * (random() < 0.5 ? -1 : 1);
  const waveAmplitude = Math.min(scale * between(random, 0.025, 0.06), height * 0.25);
  const wavePeriod = Math.max(height, scale) * between(random, 0.8, 1.6);
  const wavePhase = between(random, 0, 2 * Math.PI);
  const shift = new Int32Array(height);
  let minShift = Infinity;
  let maxShift = -Infinity;
  for (let y = 0; y < height; y++) {
    const s = Math.round(slope * y + waveAmplitude * Math.sin((2 * Math.PI * y) / wavePeriod + wavePhase));
    shift[y] = s;
    if (s < minShift) minShift = s;
    if (s > maxShift) maxShift = s;
  }

  // The colour strip, long enough for every row's slice.
  const stripLength = width + (maxShift - minShift);
  const bandPeriod = scale * between(random, 0.35, 0.6);
  const bandPhase = between(random, 0, 2 * Math.PI);
  const strip = new Float32Array(stripLength * 3);
  for (let t = 0; t < stripLength; t++) {
    const u = stripLength > 1 ? t / (stripLength - 1) : 0;
    const base = gradientAt(palette.stops, u);
    // Soft light and dark bands along the diagonal, ±3.5 % lightness: texture without noise.
    const band = 1 + 0.035 * Math.sin((2 * Math.PI * t) / bandPeriod + bandPhase);
    strip[t * 3] = base.r * band;
    strip[t * 3 + 1] = base.g * band;
    strip[t * 3 + 2] = base.b * band;
  }

  // A few large, faint discs.
  const discs: Disc[] = [];
  const count = 3 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    discs.push({
      radius: short * between(random, 0.12, 0.36),
      cx: between(random, -0.1, 1.1) * width,
      cy: between(random, -0.1, 1.1) * height,
      opacity: between(random, 0.06, 0.12),
    });
  }

  return {
    width,
    height,
    channels,
    shift,
    minShift,
    strip,
    glow: palette.glow,
    discs,
    shaded: new Uint8Array(stripLength * channels),
    shadedLevel: -1,
  };
}

/** Paints the background over every pixel of the target's band (opaque; alpha 255 if present). */
export function paintBackground(target: PaintTarget, plan: BackgroundPlan): void {
  const { raster, top, bottom } = target;
  const { data, stride, offset } = raster;
  const rowBytes = plan.width * plan.channels;
  for (let y = top; y < bottom; y++) {
    const level = Math.min(SHADE_LEVELS - 1, Math.floor((y * SHADE_LEVELS) / plan.height));
    if (level !== plan.shadedLevel) {
      // 6 % lighter at the top to 6 % darker at the bottom, like light from above.
      shadeStrip(plan, 1.06 - (0.12 * level) / (SHADE_LEVELS - 1));
      plan.shadedLevel = level;
    }
    const from = (plan.shift[y]! - plan.minShift) * plan.channels;
    data.set(plan.shaded.subarray(from, from + rowBytes), y * stride + offset);
  }
  for (const disc of plan.discs) fillCircle(target, disc.cx, disc.cy, disc.radius, plan.glow, disc.opacity);
}

/** Colour at `u` (0–1) along three evenly spaced stops, eased so the joins have no visible kink. */
function gradientAt(stops: readonly [Rgb, Rgb, Rgb], u: number): Rgb {
  const [a, b, c] = stops;
  if (u < 0.5) return mix(a, b, smoothstep(u * 2));
  return mix(b, c, smoothstep((u - 0.5) * 2));
}

function smoothstep(t: number): number {
  return t * t * (3 - 2 * t);
}

function shadeStrip(plan: BackgroundPlan, factor: number): void {
  const { strip, shaded, channels } = plan;
  const n = strip.length / 3;
  for (let t = 0; t < n; t++) {
    const o = t * channels;
    shaded[o] = clampByte(strip[t * 3]! * factor);
    shaded[o + 1] = clampByte(strip[t * 3 + 1]! * factor);
    shaded[o + 2] = clampByte(strip[t * 3 + 2]! * factor);
    if (channels === 4) shaded[o + 3] = 255;
  }
}

/** Rounds and clamps, since storing into a Uint8Array wraps instead of clamping. */
function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}
