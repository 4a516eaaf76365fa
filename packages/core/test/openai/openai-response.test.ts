import { describe, expect, it } from 'vitest';
import { MalformedResponseError, ResponseBodyError } from '../../src/providers/openai/openai-errors';
import { receiveJson, receiveStream } from '../../src/providers/openai/openai-response';
import type { ProviderProgress } from '../../src/tasks/provider-runtime';
import { makePng } from '../support/build-images';

const utf8 = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

/** A PNG header followed by noise: what the sniffer reads, and a body base64 cannot shrink. */
function pngOfSize(width: number, height: number, length: number): Uint8Array {
  const header = makePng(width, height).subarray(0, 33);
  const bytes = new Uint8Array(length).map((_, i) => (i * 2654435761) >>> 24);
  bytes.set(header);
  return bytes;
}

const usage = { input_tokens: 12, input_tokens_details: { text_tokens: 12, image_tokens: 0 }, output_tokens: 6000, total_tokens: 6012 };
const previews = [pngOfSize(1536, 1024, 20_000), pngOfSize(1536, 1024, 30_001)];
const result = pngOfSize(1536, 1024, 250_002);
const events = [
  ': keep-alive\n\n',
  ...previews.map(
    (preview, index) =>
      `event: image_generation.partial_image\ndata: ${JSON.stringify({ type: 'image_generation.partial_image', b64_json: b64(preview), partial_image_index: index })}\n\n`,
  ),
  `event: image_generation.completed\ndata: ${JSON.stringify({ type: 'image_generation.completed', b64_json: b64(result), usage })}\n\n`,
];
const streamText = events.join('');

/** A response whose body arrives in pieces cut at `points`. */
function streamed(bytes: Uint8Array, points: readonly number[], options: { error?: Error } = {}): Response {
  const cuts = [0, ...points.filter((p) => p > 0 && p < bytes.length), bytes.length];
  let next = 1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < cuts.length) {
        controller.enqueue(bytes.slice(cuts[next - 1], cuts[next]));
        next += 1;
      } else if (options.error) {
        controller.error(options.error);
      } else {
        controller.close();
      }
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_test' } });
}

/** Cut points inside the events' keys, inside base64 groups (every offset), and inside each blank line. */
function awkwardPoints(text: string): number[] {
  const points = new Set<number>();
  for (let at = text.indexOf('b64_json'); at >= 0; at = text.indexOf('b64_json', at + 1)) {
    points.add(at + 3);
    const value = text.indexOf('"', at + 10) + 1;
    for (let k = 1; k <= 4; k++) points.add(value + 4093 * k + k);
  }
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 1)) points.add(at + 1);
  for (let at = 7919; at < text.length; at += 7919) points.add(at);
  return [...points].filter((p) => p > 0 && p < text.length).sort((a, b) => a - b);
}

describe('receiveStream', () => {
  it('delivers each preview as progress and the exact result, however the stream is cut', async () => {
    const bytes = utf8(streamText);
    for (const points of [awkwardPoints(streamText), Array.from({ length: Math.floor(bytes.length / 1021) }, (_, i) => (i + 1) * 1021), []]) {
      const progress: ProviderProgress[] = [];
      const received = await receiveStream(streamed(bytes, points), new AbortController().signal, (event) => progress.push(event), 'png');
      expect(sameBytes(received.bytes, result)).toBe(true);
      // A plain array of the exact length: no slack pinned, nothing resizable handed on.
      expect(received.bytes.buffer.byteLength).toBe(result.length);
      expect(received).toMatchObject({ width: 1536, height: 1024, format: 'png', providerTaskId: 'req_test' });
      expect(received.actualCost).not.toBeNull();
      const partials = progress.flatMap((p) => (p.type === 'partial' ? [p] : []));
      expect(partials.map((p) => [p.index, p.format])).toEqual([
        [0, 'png'],
        [1, 'png'],
      ]);
      partials.forEach((p, i) => expect(sameBytes(p.bytes, previews[i]!)).toBe(true));
    }
  });

  it('reports a preview as soon as its event is complete, before the rest of the stream arrives', async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    let previewSeen!: () => void;
    const seen = new Promise<void>((resolve) => (previewSeen = resolve));
    const progress: ProviderProgress[] = [];
    const receiving = receiveStream(new Response(body), new AbortController().signal, (event) => (progress.push(event), previewSeen()), 'png');
    controller.enqueue(utf8(events[0]! + events[1]!));
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 2000));
    expect(await Promise.race([seen.then(() => 'seen'), timeout])).toBe('seen');
    expect(progress).toHaveLength(1);
    controller.enqueue(utf8(events[2]! + events[3]!));
    controller.close();
    expect(sameBytes((await receiving).bytes, result)).toBe(true);
    expect(progress).toHaveLength(2);
  });

  it('fails a stream cut inside the completed event instead of returning a shorter image', async () => {
    const bytes = utf8(streamText);
    const finalStart = streamText.indexOf('event: image_generation.completed');
    const value = streamText.indexOf('"b64_json":"', finalStart) + '"b64_json":"'.length;
    // Cut at the start of its data, in the middle of its base64 (on and off a group of four), right
    // after the base64, and just before its last brace.
    for (const length of [streamText.indexOf('data', finalStart) + 5, value + 40_000, value + 40_001, value + b64(result).length + 1, streamText.lastIndexOf('}')]) {
      const progress: ProviderProgress[] = [];
      const receiving = receiveStream(streamed(bytes.slice(0, length), [4096, value - 3]), new AbortController().signal, (event) => progress.push(event), 'png');
      await expect(receiving, `cut at ${length}`).rejects.toBeInstanceOf(MalformedResponseError);
      expect(progress.filter((p) => p.type === 'partial')).toHaveLength(2);
    }
  });

  it('fails a connection that breaks mid-image as a body error', async () => {
    const bytes = utf8(streamText);
    const cut = streamText.indexOf('"b64_json":"', streamText.indexOf('image_generation.completed')) + 50_000;
    const receiving = receiveStream(streamed(bytes.slice(0, cut), [1000, 30_000], { error: new TypeError('terminated') }), new AbortController().signal, () => undefined, 'png');
    await expect(receiving).rejects.toBeInstanceOf(ResponseBodyError);
  });
});

describe('receiveJson', () => {
  const body = utf8(JSON.stringify({ created: 1, data: [{ b64_json: b64(result) }], usage }));

  it('decodes the image exactly with a length (sized buffer) and without one (growing)', async () => {
    const points = awkwardPoints(new TextDecoder().decode(body));
    const withLength = new Response(body.slice(), { headers: { 'content-length': String(body.length), 'x-request-id': 'req_json' } });
    const sized = await receiveJson(withLength, new AbortController().signal);
    expect(sameBytes(sized.bytes, result)).toBe(true);
    const unsized = await receiveJson(streamed(body, points), new AbortController().signal);
    expect(sameBytes(unsized.bytes, result)).toBe(true);
    expect(unsized.bytes.buffer.byteLength).toBe(result.length);
    expect(unsized).toMatchObject({ width: 1536, height: 1024, format: 'png' });
  });
});
