/**
 * The colours of one placeholder, derived from the prompt's hash.
 */
import { hsl, type Rgb } from './color';
import { between, type Random } from './seeded-random';

/** Every colour a scene uses. */
export interface Palette {
  /** Three gradient stops, in order along the diagonal. */
  readonly stops: readonly [Rgb, Rgb, Rgb];
  /** Soft light circles floating over the gradient. */
  readonly glow: Rgb;
  /** The translucent panel behind the text (drawn at partial opacity). */
  readonly panel: Rgb;
  /** Main text colour. */
  readonly ink: Rgb;
  /** Text shadow colour (drawn at partial opacity). */
  readonly shadow: Rgb;
  /** The "PLACEHOLDER" badge fill and its lettering. */
  readonly badge: Rgb;
  readonly badgeInk: Rgb;
}

/**
 * A calm palette: the hash picks the base hue, the other stops sit 25–110° further round the
 * wheel (analogous colours never clash), and saturation and lightness stay in a soft, mid-light
 * band so the white text on its dark panel always reads.
 */
export function paletteFor(random: Random): Palette {
  const hue = between(random, 0, 360);
  const spread = between(random, 25, 55) * (random() < 0.5 ? -1 : 1);
  const saturation = between(random, 0.42, 0.62);
  return {
    stops: [
      hsl(hue, saturation, between(random, 0.6, 0.7)),
      hsl(hue + spread, saturation + 0.05, between(random, 0.55, 0.66)),
      hsl(hue + 2 * spread, saturation, between(random, 0.5, 0.62)),
    ],
    glow: hsl(hue + spread, 0.6, 0.94),
    panel: hsl(hue + spread, 0.35, 0.1),
    ink: hsl(hue, 0.2, 0.98),
    shadow: hsl(hue, 0.4, 0.06),
    badge: hsl(hue + spread, 0.3, 0.96),
    badgeInk: hsl(hue + spread, 0.45, 0.16),
  };
}
