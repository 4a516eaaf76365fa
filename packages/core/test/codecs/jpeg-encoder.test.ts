import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { encodeJpeg } from '../../src/codecs/jpeg-encoder';

function flat(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([...rgb, 255], i);
  return data;
}

describe('encodeJpeg', () => {
  it('writes a baseline JPEG that decodes to the same size and colour', () => {
    const bytes = encodeJpeg({ width: 48, height: 32, data: flat(48, 32, [200, 120, 40]) });
    expect(bytes.constructor).toBe(Uint8Array); // never a Node Buffer
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    const decoded = jpeg.decode(bytes, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([48, 32]);
    const centre = (16 * 48 + 24) * 4;
    expect(Math.abs(decoded.data[centre]! - 200)).toBeLessThanOrEqual(3);
    expect(Math.abs(decoded.data[centre + 1]! - 120)).toBeLessThanOrEqual(3);
    expect(Math.abs(decoded.data[centre + 2]! - 40)).toBeLessThanOrEqual(3);
  });

  it('works where there is no global Buffer (as in a browser) and leaves none behind', () => {
    const pixels = { width: 16, height: 16, data: flat(16, 16, [10, 20, 30]) };
    const withBuffer = encodeJpeg(pixels);
    const saved = Reflect.get(globalThis, 'Buffer');
    Reflect.deleteProperty(globalThis, 'Buffer');
    let withoutBuffer: Uint8Array;
    let leftBehind: boolean;
    try {
      withoutBuffer = encodeJpeg(pixels);
      leftBehind = Reflect.has(globalThis, 'Buffer');
    } finally {
      Reflect.set(globalThis, 'Buffer', saved); // restore before any assertion can throw
    }
    expect(leftBehind).toBe(false);
    expect(withoutBuffer).toEqual(withBuffer);
  });

  it('rejects a buffer that is not RGBA of the stated size', () => {
    expect(() => encodeJpeg({ width: 4, height: 4, data: new Uint8Array(48) })).toThrow(RangeError);
  });
});
