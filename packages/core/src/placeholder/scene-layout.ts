/**
 * Where the placeholder's text goes: a centred panel holding the "PLACEHOLDER" badge, the pixel
 * size in large type, the start of the prompt and an optional caption. Pure geometry, no pixels.
 */
import { measureText, type TextStyle } from './draw-text';
import { GLYPH_ADVANCE, GLYPH_HEIGHT } from './bitmap-font';
import type { Rect } from './rounded-rect';
import { toFontText, truncateLine, wrapText } from './text-fit';

/** The words a scene shows. */
export interface SceneText {
  /** E.g. "2048 × 1152". */
  readonly size: string;
  readonly prompt: string;
  readonly caption?: string | undefined;
}

/** One positioned line of text. */
export interface PlacedLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly style: TextStyle;
}

/** Everything the painter needs to draw the text layer. */
export interface SceneLayout {
  readonly panel: Rect;
  readonly panelRadius: number;
  readonly badge: Rect;
  readonly badgeLabel: PlacedLine;
  /** Size, prompt lines and caption, top to bottom, drawn in the ink colour with a shadow. */
  readonly lines: readonly PlacedLine[];
  /** Scale of the size line, the unit all spacing derives from. */
  readonly unit: number;
}

export const BADGE_TEXT = 'PLACEHOLDER';
/** The size line's glyph height as a share of the shorter side: large, but within 8–12 %. */
const SIZE_TEXT_SHARE = 0.09;
const SIZE_TEXT_MIN_SHARE = 0.08;
const SIZE_TEXT_MAX_SHARE = 0.12;
/** The size line may take at most this share of the available width. */
const SIZE_TEXT_MAX_WIDTH = 0.86;
/** Prompt and caption lines wrap at this share of the available width. */
const BODY_MAX_WIDTH = 0.8;
const PROMPT_LINES = 2;

/**
 * Lays out the text inside `area` (the whole image, or the card when the background is
 * transparent). The size line is set at about 9 % of the shorter side, as the width allows; the
 * other lines scale with it. If the block does not fit (very flat or very narrow images) every
 * scale steps down until it does, or until everything is at the minimum of 1.
 */
export function layoutScene(area: Rect, text: SceneText): SceneLayout {
  const short = Math.min(area.width, area.height);
  const sizeUnits = measureText(text.size, { scale: 1 }).width;
  // Whole-pixel scales: aim at SIZE_TEXT_SHARE but stay inside the 8–12 % band when a whole
  // scale exists there (on a 272 px side, 9 % rounds to 3 px per font pixel = 7.7 %, so take 4).
  const perShare = (share: number) => (short * share) / GLYPH_HEIGHT;
  const lowest = Math.ceil(perShare(SIZE_TEXT_MIN_SHARE));
  const highest = Math.floor(perShare(SIZE_TEXT_MAX_SHARE));
  let wanted = Math.round(perShare(SIZE_TEXT_SHARE));
  if (lowest <= highest) wanted = Math.min(highest, Math.max(lowest, wanted));
  let unit = Math.max(1, Math.min(wanted, Math.floor((area.width * SIZE_TEXT_MAX_WIDTH) / sizeUnits)));
  for (;;) {
    const layout = layoutAtUnit(area, text, unit);
    const fits = layout.panel.width <= area.width * 0.96 && layout.panel.height <= area.height * 0.94;
    if (fits || unit === 1) return layout;
    unit--;
  }
}

function layoutAtUnit(area: Rect, text: SceneText, unit: number): SceneLayout {
  const promptScale = Math.max(1, Math.round(unit * 0.3));
  const badgeScale = Math.max(1, Math.round(unit * 0.26));
  const captionScale = Math.max(1, Math.round(unit * 0.24));
  const bodyWidth = area.width * BODY_MAX_WIDTH;
  const charsAt = (scale: number) => Math.max(1, Math.floor((bodyWidth / scale + 1) / GLYPH_ADVANCE));

  const sizeStyle: TextStyle = { scale: unit };
  const promptStyle: TextStyle = { scale: promptScale };
  const captionStyle: TextStyle = { scale: captionScale };
  const badgeStyle: TextStyle = { scale: badgeScale, tracking: 1 };

  const promptLines = wrapText(toFontText(text.prompt), charsAt(promptScale), PROMPT_LINES);
  const caption = text.caption === undefined ? '' : truncateLine(toFontText(text.caption), charsAt(captionScale));

  // Stack the rows, each row remembering its gap above it.
  interface Row { text: string; style: TextStyle; gapAbove: number }
  const rows: Row[] = [{ text: text.size, style: sizeStyle, gapAbove: 0 }];
  promptLines.forEach((line, i) => rows.push({ text: line, style: promptStyle, gapAbove: i === 0 ? Math.round(unit * 2.2) : promptScale * 4 }));
  if (caption.length > 0) rows.push({ text: caption, style: captionStyle, gapAbove: promptScale * 5 });

  const badgeMeasure = measureText(BADGE_TEXT, badgeStyle);
  const badgePadX = badgeScale * 5;
  const badgePadY = badgeScale * 3;
  const badgeWidth = badgeMeasure.width + 2 * badgePadX;
  const badgeHeight = badgeMeasure.height + 2 * badgePadY;
  const badgeGap = Math.round(unit * 2);

  let contentWidth = badgeWidth;
  let contentHeight = badgeHeight + badgeGap;
  for (const row of rows) {
    const m = measureText(row.text, row.style);
    contentWidth = Math.max(contentWidth, m.width);
    contentHeight += row.gapAbove + m.height;
  }

  const padX = unit * 2;
  const padY = Math.round(unit * 2.5);
  const panelWidth = contentWidth + 2 * padX;
  const panelHeight = contentHeight + 2 * padY;
  const panel: Rect = {
    x: Math.round(area.x + (area.width - panelWidth) / 2),
    y: Math.round(area.y + (area.height - panelHeight) / 2),
    width: panelWidth,
    height: panelHeight,
  };
  const centreX = panel.x + panelWidth / 2;

  const badge: Rect = { x: Math.round(centreX - badgeWidth / 2), y: panel.y + padY, width: badgeWidth, height: badgeHeight };
  const badgeLabel: PlacedLine = { text: BADGE_TEXT, x: badge.x + badgePadX, y: badge.y + badgePadY, style: badgeStyle };

  const lines: PlacedLine[] = [];
  let y = badge.y + badgeHeight + badgeGap;
  for (const row of rows) {
    y += row.gapAbove;
    const m = measureText(row.text, row.style);
    lines.push({ text: row.text, x: Math.round(centreX - m.width / 2), y, style: row.style });
    y += m.height;
  }
  return { panel, panelRadius: unit * 2, badge, badgeLabel, lines, unit };
}
