import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/codecs/crc32';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('matches Node zlib on arbitrary bytes', () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });

  it('continues across pieces exactly as over the joined bytes', () => {
    const whole = ascii('IDAT and some compressed bytes');
    const split = crc32(whole.subarray(11), crc32(whole.subarray(0, 11)));
    expect(split).toBe(crc32(whole));
  });
});
