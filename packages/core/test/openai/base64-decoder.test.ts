import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Base64Decoder, decodeBase64 } from '../../src/providers/openai/base64-decoder';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('Base64Decoder', () => {
  it('decodes any bytes fed in any pieces exactly as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(700), { maxLength: 8 }), (bytes, cuts) => {
        const text = ascii(Buffer.from(bytes).toString('base64'));
        const points = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
        const decoder = new Base64Decoder();
        for (let i = 1; i < points.length; i++) decoder.write(text, points[i - 1]!, points[i]!);
        expect(decoder.finish()).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('decodes into a buffer sized from a hint without growing it', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) & 0xff);
    const text = ascii(Buffer.from(bytes).toString('base64'));
    const decoder = new Base64Decoder(Math.ceil((text.length * 3) / 4));
    decoder.write(text, 0, text.length);
    expect(decoder.finish()).toEqual(bytes);
  });

  it('reads unpadded, URL-safe and JSON-escaped text', () => {
    expect(decodeBase64('aGk')).toEqual(ascii('hi'));
    expect(decodeBase64('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(decodeBase64('\\/w==')).toEqual(new Uint8Array([0xff]));
  });

  it('refuses characters outside the alphabet and text cut inside a byte', () => {
    expect(() => decodeBase64('ab$d')).toThrow(SyntaxError);
    expect(() => decodeBase64('abcde')).toThrow(SyntaxError);
    expect(() => decodeBase64('ab==cd')).toThrow(SyntaxError);
    expect(() => decodeBase64('aé==')).toThrow(SyntaxError);
  });
});

describe('Base64Decoder in JSON', () => {
  it('stops at the closing quote and says where it is', () => {
    const text = ascii('QUJDREVGR0hJSktMTU5PUA==", "usage": {}');
    const decoder = new Base64Decoder();
    expect(decoder.write(text, 0, text.length)).toBe(24);
    expect(new TextDecoder().decode(decoder.finish())).toBe('ABCDEFGHIJKLMNOP');
  });

  it('refuses base64 that goes on after its padding', () => {
    expect(() => decodeBase64('QUJD====QUJDREVGR0hJ')).toThrow(SyntaxError);
  });
});
