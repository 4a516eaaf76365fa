import { describe, expect, it } from 'vitest';
import { createRaster } from '../../src/codecs/raster';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphFor, hasGlyph } from '../../src/placeholder/bitmap-font';
import { drawText, measureText } from '../../src/placeholder/draw-text';
import { wholeRaster } from '../../src/placeholder/paint-target';

const WHITE = { r: 255, g: 255, b: 255 };

function litBits(text: string): number {
  let count = 0;
  for (const char of text) {
    for (const column of glyphFor(char.codePointAt(0)!)) {
      for (let row = 0; row < GLYPH_HEIGHT; row++) count += (column >> row) & 1;
    }
  }
  return count;
}

function countWhite(data: Uint8Array, channels: number, offset = 0, stride = 0, width = 0): number {
  let n = 0;
  if (stride === 0) {
    for (let i = 0; i < data.length; i += channels) if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) n++;
    return n;
  }
  for (let y = 0; y * stride < data.length; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * stride + offset + x * channels;
      if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) n++;
    }
  }
  return n;
}

describe('bitmap font', () => {
  it('has a distinct, non-empty glyph for every printable ASCII character but space', () => {
    const seen = new Map<string, string>();
    for (let code = 33; code <= 126; code++) {
      const glyph = glyphFor(code);
      expect(glyph).toHaveLength(GLYPH_WIDTH);
      expect(glyph.some((column) => column !== 0)).toBe(true);
      expect(glyph.every((column) => column < 1 << GLYPH_HEIGHT)).toBe(true);
      const key = glyph.join(',');
      expect(seen.get(key), `${String.fromCharCode(code)} looks like ${seen.get(key)}`).toBeUndefined();
      seen.set(key, String.fromCharCode(code));
    }
    expect(glyphFor(32).every((column) => column === 0)).toBe(true);
  });

  it('draws the multiplication sign and the ellipsis, and a box for anything else', () => {
    expect(hasGlyph(0xd7)).toBe(true);
    expect(hasGlyph(0x2026)).toBe(true);
    expect(hasGlyph(0x65e5)).toBe(false);
    expect(glyphFor(0xd7)).not.toEqual(glyphFor('x'.codePointAt(0)!));
    expect(glyphFor(0x65e5)).toEqual(glyphFor(0x1f600)); // the same box
    expect(glyphFor(0x65e5)).not.toEqual(glyphFor('?'.codePointAt(0)!));
  });
});

describe('drawText', () => {
  it('lights exactly scale² pixels per font pixel, inside the measured box', () => {
    const raster = createRaster(200, 60, 3, 'packed');
    const style = { scale: 3 };
    drawText(wholeRaster(raster), 'Hi 2x', 10, 20, style, WHITE);
    expect(countWhite(raster.data, 3)).toBe(litBits('Hi 2x') * 9);
    const box = measureText('Hi 2x', style);
    expect(box).toEqual({ width: (5 * 6 - 1) * 3, height: 21 });
    // Nothing outside the box.
    for (let y = 0; y < 60; y++) {
      for (let x = 0; x < 200; x++) {
        const inside = x >= 10 && x < 10 + box.width && y >= 20 && y < 20 + box.height;
        if (!inside) expect(raster.data[(y * 200 + x) * 3]).toBe(0);
      }
    }
  });

  it('paints the same pixels in a png-layout raster (row gaps) and only inside the band', () => {
    const raster = createRaster(120, 40, 4, 'png');
    drawText({ raster, top: 0, bottom: 15 }, 'ABC', 2, 5, { scale: 2 }, WHITE);
    // Rows 5..14 of the 14-row-high text are painted, rows 15..18 are not.
    let below = 0;
    for (let y = 15; y < 40; y++) {
      for (let x = 0; x < 120; x++) if (raster.data[y * raster.stride + 1 + x * 4] !== 0) below++;
    }
    expect(below).toBe(0);
    expect(countWhite(raster.data, 4, 1, raster.stride, 120)).toBeGreaterThan(0);
    // Filter bytes untouched.
    for (let y = 0; y < 40; y++) expect(raster.data[y * raster.stride]).toBe(0);
  });

  it('blends at partial opacity', () => {
    const raster = createRaster(20, 10, 3, 'packed');
    drawText(wholeRaster(raster), 'I', 0, 0, { scale: 1 }, WHITE, 0.5);
    expect(Math.max(...raster.data)).toBe(128);
  });
});
