import OpenAI, { APIConnectionError, AuthenticationError, BadRequestError, RateLimitError, toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/internal/hash';
import { sniffImage } from '../../src/images/sniff-image';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { makeJpeg, makePng } from '../support/build-images';
import { fromBase64, KEY } from './helpers';

let server: FakeServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startFakeServer();
  client = new OpenAI({ apiKey: KEY, baseURL: server.openaiBaseUrl, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.setScenario({});
});

describe('the real openai SDK against the fake', () => {
  it('generates one image of the requested size with usage and settings echoed', async () => {
    const response = await client.images.generate({ model: 'gpt-image-2', prompt: 'a red fox', size: '1536x864', quality: 'low', n: 1 });
    const bytes = fromBase64(response.data?.[0]?.b64_json);
    expect(sniffImage(bytes)).toEqual({ mediaType: 'image/png', width: 1536, height: 864 });
    expect(response).toMatchObject({ size: '1536x864', quality: 'low', output_format: 'png', background: 'opaque' });
    const usage = response.usage;
    expect(usage?.output_tokens).toBeGreaterThan(0);
    expect(usage?.input_tokens_details.text_tokens).toBeGreaterThan(0);
    expect(usage?.input_tokens_details.image_tokens).toBe(0);
    expect(usage?.total_tokens).toBe((usage?.input_tokens ?? 0) + (usage?.output_tokens ?? 0));
    expect(server.paidSubmissions('openai')).toBe(1);
    expect(server.requests[0]).toMatchObject({ route: 'openai.generate', status: 200, paid: true });
  });

  it('sends edit images as repeated image[] parts, which the server logs in order with their types', async () => {
    const first = makePng(640, 480);
    const second = makeJpeg(320, 200);
    const response = await client.images.edit({
      model: 'gpt-image-2',
      prompt: 'put the logo on the mug',
      image: [await toFile(first, 'a.png', { type: 'image/png' }), await toFile(second, 'b.jpg', { type: 'image/jpeg' })],
      size: '1024x1024',
    });
    expect(sniffImage(fromBase64(response.data?.[0]?.b64_json))).toMatchObject({ width: 1024, height: 1024 });
    const images = server.requests[0]?.images ?? [];
    expect(images.map((i) => [i.field, i.filename, i.contentType, i.width, i.height])).toEqual([
      ['image[]', 'a.png', 'image/png', 640, 480],
      ['image[]', 'b.jpg', 'image/jpeg', 320, 200],
    ]);
    expect(images.map((i) => i.sha256)).toEqual([await sha256Hex(first), await sha256Hex(second)]);
    expect(images.map((i) => i.byteLength)).toEqual([first.length, second.length]);
    // Reference images are billed as input tokens.
    expect(response.usage?.input_tokens_details.image_tokens).toBeGreaterThan(0);
  });

  it('renders an edit that depends on the order of its inputs', async () => {
    const a = await toFile(makePng(300, 300), 'a.png', { type: 'image/png' });
    const b = await toFile(makePng(400, 300), 'b.png', { type: 'image/png' });
    const edit = async (image: typeof a[]) =>
      fromBase64((await client.images.edit({ model: 'gpt-image-2', prompt: 'same prompt', image, size: '1024x1024' })).data?.[0]?.b64_json);
    const ab = await edit([a, b]);
    const ba = await edit([b, a]);
    expect(Buffer.from(ab).equals(Buffer.from(ba))).toBe(false);
  });

  it('streams partial images, then the completed image with usage', async () => {
    const stream = await client.images.generate({ model: 'gpt-image-2', prompt: 'a kite', size: '1024x1536', stream: true, partial_images: 2 });
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events.map((e) => e.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.partial_image',
      'image_generation.completed',
    ]);
    const [p0, p1, done] = events;
    if (p0?.type !== 'image_generation.partial_image' || p1?.type !== 'image_generation.partial_image') throw new Error('expected partials');
    expect([p0.partial_image_index, p1.partial_image_index]).toEqual([0, 1]);
    // Previews are smaller than the final image.
    expect(sniffImage(fromBase64(p0.b64_json))?.width).toBeLessThan(1024);
    if (done?.type !== 'image_generation.completed') throw new Error('expected completed');
    expect(sniffImage(fromBase64(done.b64_json))).toMatchObject({ width: 1024, height: 1536 });
    expect(done.usage.output_tokens).toBeGreaterThan(200);
    expect(done).toMatchObject({ size: '1024x1536', quality: 'medium', output_format: 'png' });
  });

  it('streams an edit with image_edit events', async () => {
    const stream = await client.images.edit({
      model: 'gpt-image-2',
      prompt: 'make it blue',
      image: await toFile(makePng(512, 512), 'x.png', { type: 'image/png' }),
      stream: true,
      partial_images: 1,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['image_edit.partial_image', 'image_edit.completed']);
  });

  it('gives the SDK typed errors: 401, 400 with param and code, 429 with retry headers', async () => {
    const server2 = await startFakeServer({ apiKeys: [KEY] });
    try {
      const wrong = new OpenAI({ apiKey: 'sk-wrong-but-long-enough', baseURL: server2.openaiBaseUrl, maxRetries: 0 });
      const error = await wrong.images.generate({ model: 'gpt-image-2', prompt: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    } finally {
      await server2.close();
    }

    const bad = await client.images.generate({ model: 'gpt-image-2', prompt: 'x', size: '1000x1000' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad).toMatchObject({ status: 400, param: 'size', code: 'invalid_value' });

    server.setScenario({ openai: { faults: [{ route: 'openai.generate', fault: { kind: 'status', status: 429, retryAfter: 3, retryAfterMs: 2500 } }] } });
    const limited = await client.images.generate({ model: 'gpt-image-2', prompt: 'x' }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    if (!(limited instanceof RateLimitError)) throw new Error('unreachable');
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('retry-after-ms')).toBe('2500');
    expect(limited.requestID).toMatch(/^req_/);
    expect(server.paidSubmissions()).toBe(0);
  });

  it('refuses a non-image part with unsupported_file_mimetype, as the vendor does without toFile types', async () => {
    const error = await client.images
      .edit({ model: 'gpt-image-2', prompt: 'x', image: await toFile(makePng(64, 64), 'x.bin', { type: 'application/octet-stream' }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: 'unsupported_file_mimetype', param: 'image' });
    expect(server.paidSubmissions()).toBe(0);
  });

  it('blocks by moderation: input stage unpaid, output stage paid', async () => {
    server.setScenario({
      openai: {
        faults: [
          { route: 'openai.generate', on: [1], fault: { kind: 'failModeration' } },
          { route: 'openai.generate', on: [2], fault: { kind: 'failModeration', stage: 'output' } },
        ],
      },
    });
    const input = await client.images.generate({ model: 'gpt-image-2', prompt: 'x' }).catch((e: unknown) => e);
    expect(input).toBeInstanceOf(BadRequestError);
    expect(input).toMatchObject({ code: 'moderation_blocked', error: { moderation_details: { moderation_stage: 'input' } } });
    const output = await client.images.generate({ model: 'gpt-image-2', prompt: 'x' }).catch((e: unknown) => e);
    expect(output).toMatchObject({ code: 'moderation_blocked', error: { moderation_details: { moderation_stage: 'output' } } });
    expect(server.paidSubmissions('openai')).toBe(1);
    expect(server.requests.map((r) => r.fault)).toEqual(['failModeration', 'failModeration']);
  });

  it('cuts a stream mid-body so the SDK sees a connection error after the first events', async () => {
    server.setScenario({ openai: { faults: [{ route: 'openai.generate', fault: { kind: 'resetMidBody' } }] } });
    const stream = await client.images.generate({ model: 'gpt-image-2', prompt: 'x', stream: true, partial_images: 3 });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event.type);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain('image_generation.completed');
    // The generation happened; only the answer was lost.
    expect(server.paidSubmissions()).toBe(1);
  });

  it('times out against a hanging answer, and the timed-out request still counts as paid', async () => {
    server.setScenario({ openai: { faults: [{ route: 'openai.generate', fault: { kind: 'hang', ms: 5_000 } }] } });
    const started = Date.now();
    const error = await client.images.generate({ model: 'gpt-image-2', prompt: 'x' }, { timeout: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.paidSubmissions()).toBe(1);
  });
});
