import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonImageScanner } from '../../src/providers/openai/json-image-scanner';
import { SseImageEvents, type ImageStreamEvent } from '../../src/providers/openai/sse-image-events';

const utf8 = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function scanInPieces(text: string, cuts: number[]) {
  const bytes = utf8(text);
  const points = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  const scanner = new JsonImageScanner();
  for (let i = 1; i < points.length; i++) scanner.write(bytes.slice(points[i - 1], points[i]));
  return scanner.finish();
}

describe('JsonImageScanner', () => {
  const image = new Uint8Array(3000).map((_, i) => (i * 7) & 0xff);
  const body = JSON.stringify({
    created: 1,
    data: [{ b64_json: b64(image), revised_prompt: 'say "b64_json": "x" \\ here' }],
    usage: { input_tokens: 10, output_tokens: 20 },
  });

  it('decodes the image and keeps the rest of the document, whatever the pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(body.length), { maxLength: 10 }), (cuts) => {
        const { json, image: decoded } = scanInPieces(body, cuts);
        expect(decoded).toEqual(image);
        expect(json).toEqual({
          created: 1,
          data: [{ b64_json: '', revised_prompt: 'say "b64_json": "x" \\ here' }],
          usage: { input_tokens: 10, output_tokens: 20 },
        });
      }),
    );
  });

  it('does not mistake the text b64_json inside another string for the key', () => {
    const { image: decoded, json } = scanInPieces(JSON.stringify({ note: 'b64_json', other: '"b64_json":"QUJD"' }), []);
    expect(decoded).toBeNull();
    expect(json).toEqual({ note: 'b64_json', other: '"b64_json":"QUJD"' });
  });

  it('throws a SyntaxError for a body cut inside the image or otherwise not JSON', () => {
    expect(() => scanInPieces(body.slice(0, 200), [])).toThrow(SyntaxError);
    expect(() => scanInPieces('{"data": [', [])).toThrow(SyntaxError);
    expect(() => scanInPieces('<html>502 Bad Gateway</html>', [])).toThrow(SyntaxError);
  });
});

describe('SseImageEvents', () => {
  const partial = new Uint8Array([1, 2, 3, 4, 5]);
  const final = new Uint8Array(2000).map((_, i) => i & 0xff);
  const stream =
    ': keep-alive\n\n' +
    `event: image_generation.partial_image\ndata: ${JSON.stringify({ type: 'image_generation.partial_image', b64_json: b64(partial), partial_image_index: 0 })}\n\n` +
    `event: image_generation.completed\r\ndata: ${JSON.stringify({ type: 'image_generation.completed', b64_json: b64(final), usage: { input_tokens: 1, output_tokens: 2 } })}\r\n\r\n`;

  it('delivers each event with its image decoded, whatever the pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(stream.length), { maxLength: 12 }), (cuts) => {
        const bytes = utf8(stream);
        const points = [...new Set([0, ...cuts, bytes.length])].sort((a, b) => a - b);
        const events: ImageStreamEvent[] = [];
        const reader = new SseImageEvents((event) => events.push(event));
        for (let i = 1; i < points.length; i++) reader.write(bytes.slice(points[i - 1], points[i]));
        reader.finish();
        expect(events.map((e) => e.name)).toEqual(['image_generation.partial_image', 'image_generation.completed']);
        expect(events[0]?.image).toEqual(partial);
        expect(events[1]?.image).toEqual(final);
        expect(events[1]?.json).toMatchObject({ usage: { input_tokens: 1, output_tokens: 2 } });
      }),
    );
  });

  it('joins several data lines of one event with newlines', () => {
    const events: ImageStreamEvent[] = [];
    const reader = new SseImageEvents((event) => events.push(event));
    reader.write(utf8('data: {"a":\ndata: 1}\n\n'));
    reader.finish();
    expect(events).toEqual([{ name: 'message', json: { a: 1 }, image: null }]);
  });

  it('delivers an event left open at the end of the stream', () => {
    const events: ImageStreamEvent[] = [];
    const reader = new SseImageEvents((event) => events.push(event));
    reader.write(utf8('event: error\ndata: {"error":{"message":"boom"}}'));
    reader.finish();
    expect(events).toEqual([{ name: 'error', json: { error: { message: 'boom' } }, image: null }]);
  });
});
