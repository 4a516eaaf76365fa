import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { renderPlaceholder, UnsupportedFormatError, type PlaceholderSpec } from '../../src/placeholder/index';
import { decodePng, pngHeaderSize } from '../codecs/decode-png';

const PROMPT = 'A lighthouse on a cliff at dusk, long exposure, soft pastel sky, gulls circling the lamp';
const SIZES = [
  [1280, 1280],
  [2880, 2880],
  [3840, 2160],
] as const;

function spec(overrides: Partial<PlaceholderSpec> = {}): PlaceholderSpec {
  return { prompt: PROMPT, width: 1280, height: 1280, format: 'png', background: 'auto', ...overrides };
}

/** Distinct RGB values on a 24 × 24 grid of sample points. */
function distinctColours(pixels: Uint8Array, width: number, height: number, channels: number): number {
  const seen = new Set<number>();
  for (let gy = 0; gy < 24; gy++) {
    for (let gx = 0; gx < 24; gx++) {
      const x = Math.floor(((gx + 0.5) * width) / 24);
      const y = Math.floor(((gy + 0.5) * height) / 24);
      const i = (y * width + x) * channels;
      seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    }
  }
  return seen.size;
}

/** Start-of-frame dimensions read straight from the JPEG markers. */
function jpegHeaderSize(bytes: Uint8Array): { width: number; height: number } {
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`no marker at ${at}`);
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  throw new Error('no SOF marker');
}

describe('renderPlaceholder PNG', () => {
  it.each(SIZES)('renders exactly %ix%i, valid and not blank', async (width, height) => {
    const png = await renderPlaceholder(spec({ width, height }));
    expect(pngHeaderSize(png)).toEqual({ width, height });
    const decoded = decodePng(png); // throws on a bad CRC or a malformed stream
    expect(decoded.channels).toBe(3);
    expect(decoded.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(distinctColours(decoded.pixels, width, height, 3)).toBeGreaterThan(20);
  });

  it.each([
    [1280, 1280],
    [3840, 2160],
  ] as const)('renders %ix%i transparent: RGBA, clear corners, opaque centre', async (width, height) => {
    const png = await renderPlaceholder(spec({ width, height, background: 'transparent' }));
    const { channels, pixels } = decodePng(png);
    expect(channels).toBe(4);
    const alphaAt = (x: number, y: number) => pixels[(y * width + x) * 4 + 3];
    for (const [x, y] of [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1]] as const) {
      expect(alphaAt(x, y)).toBe(0);
    }
    expect(alphaAt(width >> 1, height >> 1)).toBe(255);
    // Somewhere on the card edge the alpha is in between (the corners are anti-aliased).
    const alphas = new Set<number>();
    for (let i = 3; i < pixels.length; i += 4) alphas.add(pixels[i]!);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
    expect(distinctColours(pixels, width, height, 4)).toBeGreaterThan(20);
  });

  it('treats auto and opaque as opaque RGB', async () => {
    for (const background of ['auto', 'opaque'] as const) {
      expect(decodePng(await renderPlaceholder(spec({ width: 1024, height: 640, background }))).channels).toBe(3);
    }
  });
});

describe('renderPlaceholder JPEG', () => {
  it.each(SIZES)('renders exactly %ix%i and decodes', async (width, height) => {
    const bytes = await renderPlaceholder(spec({ width, height, format: 'jpeg' }));
    expect(jpegHeaderSize(bytes)).toEqual({ width, height });
    const decoded = jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 1024 });
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(distinctColours(decoded.data, width, height, 4)).toBeGreaterThan(20);
  });

  it('ignores a transparent background (JPEG has no alpha) instead of failing', async () => {
    const bytes = await renderPlaceholder(spec({ width: 1024, height: 640, format: 'jpeg', background: 'transparent' }));
    expect(jpegHeaderSize(bytes)).toEqual({ width: 1024, height: 640 });
  });
});

describe('renderPlaceholder determinism', () => {
  it('gives byte-identical output for the same spec', async () => {
    for (const format of ['png', 'jpeg'] as const) {
      const a = await renderPlaceholder(spec({ width: 1024, height: 640, format, caption: 'edit of 2 images' }));
      const b = await renderPlaceholder(spec({ width: 1024, height: 640, format, caption: 'edit of 2 images' }));
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
    const big = spec({ width: 3840, height: 2160, background: 'transparent' });
    expect(Buffer.from(await renderPlaceholder(big)).equals(Buffer.from(await renderPlaceholder(big)))).toBe(true);
  });

  it('gives different output for different prompts, captions and sizes', async () => {
    const base = await renderPlaceholder(spec({ width: 1024, height: 640 }));
    const others = [
      await renderPlaceholder(spec({ width: 1024, height: 640, prompt: `${PROMPT}!` })),
      await renderPlaceholder(spec({ width: 1024, height: 640, caption: 'edit of 1 image' })),
      await renderPlaceholder(spec({ width: 640, height: 1024 })),
    ];
    for (const other of others) expect(Buffer.from(other).equals(Buffer.from(base))).toBe(false);
  });
});

describe('renderPlaceholder WebP', () => {
  it('throws UnsupportedFormatError in Node, with a message that says what to do', async () => {
    const error: unknown = await renderPlaceholder(spec({ format: 'webp' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect(error).toBeInstanceOf(Error);
    const message = error instanceof Error ? error.message : '';
    expect(message).toMatch(/cannot encode WebP/);
    expect(message).toMatch(/png/);
    expect(message).toMatch(/jpeg/);
    expect(error instanceof UnsupportedFormatError ? error.format : '').toBe('webp');
  });
});

describe('renderPlaceholder input checks', () => {
  it('rejects sizes that are not positive whole pixels', async () => {
    await expect(renderPlaceholder(spec({ width: 0 }))).rejects.toThrow(RangeError);
    await expect(renderPlaceholder(spec({ height: 10.5 }))).rejects.toThrow(RangeError);
  });
});
