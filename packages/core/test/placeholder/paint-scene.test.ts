import { describe, expect, it } from 'vitest';
import { createRaster, type Raster } from '../../src/codecs/raster';
import { GLYPH_HEIGHT, glyphFor } from '../../src/placeholder/bitmap-font';
import { paintBackground } from '../../src/placeholder/paint-background';
import { paintScene, planScene, type SceneContent } from '../../src/placeholder/paint-scene';
import { wholeRaster } from '../../src/placeholder/paint-target';

const CONTENT: SceneContent = { prompt: 'A red fox in fresh snow, morning light', caption: 'edit of 2 images', transparent: false };

function pixelsOf(raster: Raster): Uint8Array {
  const out = new Uint8Array(raster.width * raster.height * raster.channels);
  const rowBytes = raster.width * raster.channels;
  for (let y = 0; y < raster.height; y++) {
    const from = y * raster.stride + raster.offset;
    out.set(raster.data.subarray(from, from + rowBytes), y * rowBytes);
  }
  return out;
}

function litBits(text: string): number {
  let count = 0;
  for (const char of text) {
    for (const column of glyphFor(char.codePointAt(0)!)) for (let row = 0; row < GLYPH_HEIGHT; row++) count += (column >> row) & 1;
  }
  return count;
}

describe('paintScene', () => {
  it.each([
    [3, false],
    [4, true],
  ] as const)('gives the same pixels painted whole or in bands (%i channels)', (channels, transparent) => {
    const [width, height] = [1024, 640];
    const content = { ...CONTENT, transparent };
    const whole = createRaster(width, height, channels, 'packed');
    paintScene(wholeRaster(whole), planScene(width, height, channels, content));
    for (const bandRows of [1, 7, 64, 333]) {
      const banded = createRaster(width, height, channels, 'png');
      // Fill with junk first: every band must overwrite every pixel it owns.
      banded.data.fill(0xa5);
      const plan = planScene(width, height, channels, content);
      for (let top = 0; top < height; top += bandRows) {
        paintScene({ raster: banded, top, bottom: Math.min(height, top + bandRows) }, plan);
      }
      expect(Buffer.from(pixelsOf(banded)).equals(Buffer.from(whole.data)), `bands of ${bandRows}`).toBe(true);
    }
  });

  it('draws the text layer: exactly the lit font pixels are in the ink colour', () => {
    const [width, height] = [1024, 640];
    const plan = planScene(width, height, 3, CONTENT);
    const raster = createRaster(width, height, 3, 'packed');
    paintScene(wholeRaster(raster), plan);
    const { ink } = plan.palette;
    let inkPixels = 0;
    for (let i = 0; i < raster.data.length; i += 3) {
      if (raster.data[i] === ink.r && raster.data[i + 1] === ink.g && raster.data[i + 2] === ink.b) inkPixels++;
    }
    const expected = plan.layout.lines.reduce((sum, line) => sum + litBits(line.text) * line.style.scale ** 2, 0);
    expect(plan.layout.lines[0]?.text).toBe('1024 \u00d7 640');
    expect(plan.layout.lines.some((line) => line.text.startsWith('A red fox'))).toBe(true);
    expect(plan.layout.lines.at(-1)?.text).toBe('edit of 2 images');
    expect(inkPixels).toBe(expected);

    // And the text region differs from the background alone.
    const bare = createRaster(width, height, 3, 'packed');
    paintBackground(wholeRaster(bare), planScene(width, height, 3, CONTENT).background);
    const sizeLine = plan.layout.lines[0]!;
    let differing = 0;
    for (let y = sizeLine.y; y < sizeLine.y + GLYPH_HEIGHT * sizeLine.style.scale; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        if (raster.data[i] !== bare.data[i]) differing++;
      }
    }
    expect(differing).toBeGreaterThan(width); // the panel alone changes whole rows
  });

  it('picks colours from the prompt: another prompt, another palette', () => {
    const a = planScene(800, 800, 3, CONTENT).palette;
    const b = planScene(800, 800, 3, { ...CONTENT, prompt: 'A blue whale' }).palette;
    expect(a.stops).not.toEqual(b.stops);
    expect(planScene(1600, 900, 3, CONTENT).palette).toEqual(a); // size does not change colours
  });

  it('refuses a transparent scene without an alpha channel', () => {
    expect(() => planScene(100, 100, 3, { ...CONTENT, transparent: true })).toThrow(/four channels/);
  });
});
