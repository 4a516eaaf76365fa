import { describe, expect, it } from 'vitest';
import { encodePng, encodePngRaster } from '../../src/codecs/png-encoder';
import { createRaster } from '../../src/codecs/raster';
import { decodePng, pngHeaderSize } from './decode-png';

/** Deterministic, non-trivial pixel values (so a swapped row or channel shows up). */
function pattern(width: number, height: number, channels: 3 | 4): Uint8Array {
  const data = new Uint8Array(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + Math.floor(i / (width * channels)) * 17) & 0xff;
  return data;
}

describe('encodePng', () => {
  it.each([
    [1, 1, 3],
    [5, 3, 4],
    [177, 131, 3], // band count not a whole number
    [64, 300, 4],
  ] as const)('round-trips %ix%i with %i channels through zlib', async (width, height, channels) => {
    const data = pattern(width, height, channels);
    const png = await encodePng({ width, height, channels, data });
    expect(pngHeaderSize(png)).toEqual({ width, height });
    const decoded = decodePng(png);
    expect(decoded.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(decoded.channels).toBe(channels);
    expect(decoded.pixels).toEqual(data);
    expect(new Set(decoded.filters)).toEqual(new Set([0]));
  });

  it('rejects a buffer of the wrong length and non-integer sizes', async () => {
    await expect(encodePng({ width: 2, height: 2, channels: 3, data: new Uint8Array(11) })).rejects.toThrow(RangeError);
    await expect(encodePng({ width: 1.5, height: 2, channels: 3, data: new Uint8Array(9) })).rejects.toThrow(RangeError);
  });

  it('is byte-identical for identical input', async () => {
    const pixels = { width: 40, height: 30, channels: 3, data: pattern(40, 30, 3) } as const;
    expect(await encodePng(pixels)).toEqual(await encodePng(pixels));
  });
});

describe('encodePngRaster', () => {
  it('streams a png-layout raster, painting each band just before it is compressed', async () => {
    const width = 97;
    const height = 1000;
    const raster = createRaster(width, height, 3, 'png');
    const bands: Array<[number, number]> = [];
    const png = await encodePngRaster(raster, (top, bottom) => {
      bands.push([top, bottom]);
      for (let y = top; y < bottom; y++) {
        for (let x = 0; x < width; x++) raster.data.fill(y & 0xff, y * raster.stride + 1 + x * 3, y * raster.stride + 1 + x * 3 + 3);
      }
    });
    // Bands cover every row once, in order.
    expect(bands[0]?.[0]).toBe(0);
    expect(bands.at(-1)?.[1]).toBe(height);
    for (let i = 1; i < bands.length; i++) expect(bands[i]?.[0]).toBe(bands[i - 1]?.[1]);
    expect(bands.length).toBeGreaterThan(1);

    const decoded = decodePng(png);
    for (const y of [0, 1, 63, 64, 500, 999]) expect(decoded.pixels[y * width * 3 + 5]).toBe(y & 0xff);
  });

  it('passes on an error thrown while painting a band, without an unhandled rejection', async () => {
    const raster = createRaster(64, 512, 3, 'png');
    const failure = new Error('paint failed');
    await expect(
      encodePngRaster(raster, (top) => {
        if (top > 0) throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it('refuses a packed raster', async () => {
    await expect(encodePngRaster(createRaster(4, 4, 3, 'packed'))).rejects.toThrow(/png layout/);
  });
});
