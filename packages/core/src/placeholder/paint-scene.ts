/**
 * The whole placeholder picture: background, text panel, badge, text and (for transparent
 * output) the card cut-out.
 */
import { fnv1a32 } from '../internal/hash';
import { applyCardMask } from './card-mask';
import { drawText } from './draw-text';
import { paintBackground, planBackground, type BackgroundPlan } from './paint-background';
import type { PaintTarget } from './paint-target';
import { paletteFor, type Palette } from './palette';
import { fillRoundedRect, type Rect } from './rounded-rect';
import { layoutScene, type SceneLayout } from './scene-layout';
import { seededRandom } from './seeded-random';

/** What a scene shows besides its size. */
export interface SceneContent {
  readonly prompt: string;
  readonly caption?: string | undefined;
  /** Draw the scene on a rounded card over transparent margins (needs an RGBA raster). */
  readonly transparent: boolean;
}

/** A scene worked out for one image size, ready to be painted in bands (see {@link paintScene}). */
export interface ScenePlan {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly palette: Palette;
  readonly background: BackgroundPlan;
  readonly layout: SceneLayout;
  readonly card: { readonly rect: Rect; readonly radius: number } | undefined;
}

/** Opacity of the dark panel behind the text: enough for white text on the lightest gradient. */
const PANEL_OPACITY = 0.5;
const SHADOW_OPACITY = 0.55;
const BADGE_OPACITY = 0.95;
/** Transparent margin around the card and its corner radius, as shares of the shorter side. */
const CARD_MARGIN = 0.04;
const CARD_RADIUS = 0.05;

/**
 * Works out colours, background geometry and text layout for a `width` × `height` scene with
 * `channels` channels (4 is required for `transparent`). Colours and shapes come from a hash of
 * the prompt only, so the same prompt looks alike at every size and the same inputs always give
 * the same pixels.
 */
export function planScene(width: number, height: number, channels: 3 | 4, content: SceneContent): ScenePlan {
  if (content.transparent && channels !== 4) throw new Error('A transparent scene needs four channels.');
  const random = seededRandom(fnv1a32(content.prompt));
  const palette = paletteFor(random);
  const background = planBackground(width, height, channels, palette, random);
  const short = Math.min(width, height);
  const card = content.transparent ? { rect: cardRect(width, height), radius: Math.round(short * CARD_RADIUS) } : undefined;
  const area: Rect = card?.rect ?? { x: 0, y: 0, width, height };
  const layout = layoutScene(area, { size: `${width} \u00d7 ${height}`, prompt: content.prompt, caption: content.caption });
  return { width, height, channels, palette, background, layout, card };
}

/**
 * Paints every pixel of the target's band. Painting all bands top to bottom (in one call or in
 * many) gives exactly the same pixels.
 */
export function paintScene(target: PaintTarget, plan: ScenePlan): void {
  const { layout, palette } = plan;
  paintBackground(target, plan.background);
  fillRoundedRect(target, layout.panel, layout.panelRadius, palette.panel, PANEL_OPACITY);
  paintBadge(target, layout, palette);
  // A hard shadow a third of a font pixel down-right: it separates the letters from any light
  // patch the panel does not darken enough, and costs one extra pass over a few rectangles.
  for (const line of layout.lines) {
    const offset = Math.max(1, Math.round(line.style.scale / 3));
    drawText(target, line.text, line.x + offset, line.y + offset, line.style, palette.shadow, SHADOW_OPACITY);
  }
  for (const line of layout.lines) drawText(target, line.text, line.x, line.y, line.style, palette.ink);
  if (plan.card) applyCardMask(target, plan.card.rect, plan.card.radius);
}

function paintBadge(target: PaintTarget, layout: SceneLayout, palette: Palette): void {
  fillRoundedRect(target, layout.badge, Math.floor(layout.badge.height / 2), palette.badge, BADGE_OPACITY);
  const label = layout.badgeLabel;
  drawText(target, label.text, label.x, label.y, label.style, palette.badgeInk);
}

function cardRect(width: number, height: number): Rect {
  const margin = Math.max(2, Math.round(Math.min(width, height) * CARD_MARGIN));
  return { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin };
}
