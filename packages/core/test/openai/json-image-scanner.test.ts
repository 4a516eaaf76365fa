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

  /** Feeds `bytes` cut at `points` (ascending, inside the text) and finishes. */
  function readInPieces(bytes: Uint8Array, points: readonly number[]): ImageStreamEvent[] {
    const events: ImageStreamEvent[] = [];
    const reader = new SseImageEvents((event) => events.push(event));
    let from = 0;
    for (const to of [...points, bytes.length]) {
      // A copy, as the network hands over fresh chunks: nothing may keep a view of an old one.
      reader.write(bytes.slice(from, to));
      from = to;
    }
    reader.finish();
    return events;
  }

  const sameBytes = (a: Uint8Array | null, b: Uint8Array) => a !== null && a.length === b.length && Buffer.compare(a, b) === 0;

  it('decodes the result exactly wherever the stream is cut in two, and in single bytes', () => {
    const bytes = utf8(stream);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const events = readInPieces(bytes, [cut]);
      expect(events.map((e) => e.name)).toEqual(['image_generation.partial_image', 'image_generation.completed']);
      expect(sameBytes(events[0]!.image, partial), `cut at ${cut}`).toBe(true);
      expect(sameBytes(events[1]!.image, final), `cut at ${cut}`).toBe(true);
    }
    const single = readInPieces(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1));
    expect(sameBytes(single[1]!.image, final)).toBe(true);
    expect(single[1]?.json).toMatchObject({ type: 'image_generation.completed', b64_json: '', usage: { input_tokens: 1, output_tokens: 2 } });
  });

  it('decodes a large result cut inside base64 groups, inside the key and inside the blank line', () => {
    const big = new Uint8Array(400_001).map((_, i) => (i * 2654435761) >>> 24);
    const text = `event: image_generation.completed\r\ndata: {"type":"image_generation.completed","b64_json":"${b64(big)}","usage":{"output_tokens":9}}\r\n\r\n`;
    const bytes = utf8(text);
    const key = text.indexOf('b64_json');
    const value = text.indexOf('"', key + 10) + 1;
    const blank = text.lastIndexOf('\r\n\r\n');
    const awkward = [
      // Inside the key, then one, two and three characters into base64 groups all the way through.
      [key + 1, key + 5, value + 1, value + 6, value + 11, value + 100_003, value + 300_002, blank + 1, blank + 2, blank + 3],
      // Pieces of every size modulo four, and a cut between `\r` and `\n` at the end of each line.
      Array.from({ length: Math.floor(bytes.length / 4093) }, (_, i) => (i + 1) * 4093).concat([text.indexOf('\n'), blank + 1, blank + 3]).sort((a, b) => a - b),
      Array.from({ length: Math.floor(bytes.length / 65_537) }, (_, i) => (i + 1) * 65_537),
    ];
    for (const points of awkward) {
      const events = readInPieces(bytes, points);
      expect(events).toHaveLength(1);
      expect(events[0]?.name).toBe('image_generation.completed');
      expect(sameBytes(events[0]!.image, big)).toBe(true);
      expect(events[0]?.json).toEqual({ type: 'image_generation.completed', b64_json: '', usage: { output_tokens: 9 } });
    }
  });

  it('never turns a stream cut mid-event into a shorter image: it is an error', () => {
    const bytes = utf8(stream);
    const finalStart = stream.indexOf('event: image_generation.completed');
    // Everything before the final event's last `}` leaves it incomplete.
    const finalEnd = stream.lastIndexOf('}') + 1;
    // From the moment its `data` field has begun.
    const dataStart = stream.indexOf('data', finalStart) + 'data'.length;
    for (let length = finalStart; length < bytes.length; length++) {
      const events: ImageStreamEvent[] = [];
      const reader = new SseImageEvents((event) => events.push(event));
      reader.write(bytes.slice(0, length));
      if (length >= dataStart && length < finalEnd) {
        expect(() => reader.finish(), `cut at ${length}`).toThrow(SyntaxError);
      } else {
        reader.finish();
      }
      // A completed event is either missing, or whole.
      const completed = events.filter((e) => e.name === 'image_generation.completed');
      for (const event of completed) expect(sameBytes(event.image, final), `cut at ${length}`).toBe(true);
      expect(completed.length).toBe(length >= finalEnd ? 1 : 0);
    }
  });

  it('keeps no more than a short event name, however long the line', () => {
    const events: ImageStreamEvent[] = [];
    const reader = new SseImageEvents((event) => events.push(event));
    const long = 'x'.repeat(100_000);
    reader.write(utf8(`event: ${long.slice(0, 30_000)}`));
    reader.write(utf8(`${long.slice(30_000)}\ndata: {}\n\n`));
    reader.finish();
    expect(events).toEqual([{ name: 'x'.repeat(256), json: {}, image: null }]);
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
