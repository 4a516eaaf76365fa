import { describe, expect, it } from 'vitest';
import { GLYPH_HEIGHT } from '../../src/placeholder/bitmap-font';
import { measureText } from '../../src/placeholder/draw-text';
import type { Rect } from '../../src/placeholder/rounded-rect';
import { BADGE_TEXT, layoutScene } from '../../src/placeholder/scene-layout';

const LONG_PROMPT =
  'An extremely detailed isometric illustration of a bustling night market in the rain, lanterns, steam, reflections, dozens of tiny people';

/** Valid output sizes: multiples of 16, 655,360–8,294,400 px, no edge over 3840. */
function validSizes(): Array<[number, number]> {
  const sizes: Array<[number, number]> = [];
  for (let w = 176; w <= 3840; w += 16 * 7) {
    for (let h = 176; h <= 3840; h += 16 * 5) {
      if (w * h >= 655_360 && w * h <= 8_294_400) sizes.push([w, h]);
    }
  }
  sizes.push([3840, 176], [176, 3840], [1280, 1280], [2880, 2880], [3840, 2160], [1024, 640]);
  return sizes;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('layoutScene', () => {
  it('keeps the panel, badge and every line inside the image for all valid sizes', () => {
    for (const [width, height] of validSizes()) {
      const area = { x: 0, y: 0, width, height };
      const layout = layoutScene(area, { size: `${width} \u00d7 ${height}`, prompt: LONG_PROMPT, caption: 'edit of 2 images' });
      const where = `${width}x${height}`;
      expect(inside(layout.panel, area), where).toBe(true);
      expect(inside(layout.badge, layout.panel), where).toBe(true);
      expect(layout.badgeLabel.text).toBe(BADGE_TEXT);
      for (const line of layout.lines) {
        const box = { x: line.x, y: line.y, ...measureText(line.text, line.style) };
        expect(inside(box, layout.panel), `${where} "${line.text}"`).toBe(true);
      }
      // Prompt: one or two lines; either all of it, or cut off with an ellipsis.
      const promptLines = layout.lines.slice(1, -1).map((line) => line.text);
      expect(promptLines.length, where).toBeGreaterThanOrEqual(1);
      expect(promptLines.length, where).toBeLessThanOrEqual(2);
      if (promptLines.join(' ') !== LONG_PROMPT) {
        expect(promptLines.at(-1)?.endsWith('\u2026'), where).toBe(true);
        expect(LONG_PROMPT.startsWith(promptLines.join(' ').slice(0, -1).trimEnd()), where).toBe(true);
      }
    }
  });

  it('sets the size in large type: about 8–12 % of the shorter side', () => {
    for (const [width, height] of validSizes()) {
      const layout = layoutScene({ x: 0, y: 0, width, height }, { size: `${width} \u00d7 ${height}`, prompt: 'a cat' });
      const sizeLine = layout.lines[0]!;
      const share = (GLYPH_HEIGHT * sizeLine.style.scale) / Math.min(width, height);
      const widthShare = measureText(sizeLine.text, sizeLine.style).width / width;
      // Below 8 % only where the line already spans most of a narrow image.
      expect(share >= 0.08 || widthShare >= 0.6, `${width}x${height}: ${share}`).toBe(true);
      expect(share, `${width}x${height}`).toBeLessThanOrEqual(0.12);
    }
  });

  it('centres the panel in the given area (the card, for transparent output)', () => {
    const area = { x: 40, y: 40, width: 920, height: 560 };
    const { panel } = layoutScene(area, { size: '1000 \u00d7 640', prompt: 'a cat' });
    expect(Math.abs(panel.x - area.x - (area.x + area.width - (panel.x + panel.width)))).toBeLessThanOrEqual(1);
    expect(Math.abs(panel.y - area.y - (area.y + area.height - (panel.y + panel.height)))).toBeLessThanOrEqual(1);
  });
});
