import { describe, expect, it } from 'vitest';
import { sniffImage, describeImageKind } from '../../src/index';
import { makeJpeg, makePng, makeWebpHeader } from '../support/build-images';

describe('sniffImage', () => {
  it('reads PNG, JPEG and the three WebP encodings from their headers', () => {
    expect(sniffImage(makePng(1280, 720))).toEqual({ mediaType: 'image/png', width: 1280, height: 720 });
    expect(sniffImage(makeJpeg(300, 200))).toEqual({ mediaType: 'image/jpeg', width: 300, height: 200 });
    expect(sniffImage(makeWebpHeader('VP8 ', 640, 480))).toEqual({ mediaType: 'image/webp', width: 640, height: 480 });
    expect(sniffImage(makeWebpHeader('VP8L', 4000, 3000))).toEqual({ mediaType: 'image/webp', width: 4000, height: 3000 });
    expect(sniffImage(makeWebpHeader('VP8X', 70000, 9000))).toEqual({ mediaType: 'image/webp', width: 70000, height: 9000 });
  });
  it('refuses truncated headers and other formats', () => {
    expect(sniffImage(makePng(10, 10).subarray(0, 20))).toBeNull();
    expect(sniffImage(makeJpeg(10, 10).subarray(0, 30))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
    expect(describeImageKind(new TextEncoder().encode('GIF89a'))).toBe('GIF');
    expect(describeImageKind(new TextEncoder().encode('%PDF-1.7'))).toBe('PDF');
    expect(describeImageKind(new Uint8Array([1, 2, 3]))).toBe('unknown');
  });
});
