import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GptImageError } from '../../src/errors/gpt-image-error';
import { startFakeServer, type FakeServer, type Scenario } from '../../src/fake-server/index';
import { sniffImage } from '../../src/images/sniff-image';
import { OPENAI_PRICES } from '../../src/pricing/price-tables';
import { createOpenAiProvider, type OpenAiConfig } from '../../src/providers/openai/index';
import { prepareRequestOrThrow } from '../../src/request/prepare-request';
import { summarizeRequest } from '../../src/tasks/request-summary';
import type { OptionsInput } from '../../src/options/options-schema';
import { makeJpeg, makePng } from '../support/build-images';
import { recordingContext } from './openai-context';

const API_KEY = 'sk-test-provider-0123456789abcdef';
let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer({ apiKeys: [API_KEY] });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setScenario({});
});

function provider(config: Partial<OpenAiConfig> = {}) {
  return createOpenAiProvider({ apiKey: API_KEY, baseUrl: server.openaiBaseUrl, ...config });
}

function request(options: Partial<OptionsInput> = {}) {
  return prepareRequestOrThrow({ prompt: 'a lighthouse at dusk', size: '1024x1024', ...options }, 'openai');
}

type FaultRule = NonNullable<NonNullable<Scenario['openai']>['faults']>[number];

function faults(route: FaultRule['route'], ...rules: Omit<FaultRule, 'route'>[]): Scenario {
  return { openai: { faults: rules.map((rule) => ({ route, ...rule })) } };
}

/** Runs and returns the typed error it must fail with. */
async function failure(run: Promise<unknown>): Promise<GptImageError> {
  const error = await run.then(
    () => {
      throw new Error('expected the run to fail');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof GptImageError)) throw error;
  return error;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('openai provider: success', () => {
  it('generates a PNG of the requested size and reports the real cost from usage', async () => {
    const { context, accepted, progress } = recordingContext();
    const result = await provider().run(request({ quality: 'low' }), context);
    expect(sniffImage(result.bytes)).toEqual({ mediaType: 'image/png', width: 1024, height: 1024 });
    expect(result).toMatchObject({ width: 1024, height: 1024, format: 'png' });
    expect(result.providerTaskId).toMatch(/^req_/);
    // 1024² low is the published $0.006 of output tokens, plus a few prompt tokens at $5/M.
    const promptTokens = Math.ceil('a lighthouse at dusk'.length / 4);
    expect(result.actualCost).toEqual({ amount: OPENAI_PRICES.perImage.low['1024x1024'] + promptTokens * 5e-6, unit: 'USD', estimate: false });
    expect(accepted).toHaveLength(1);
    expect(typeof accepted[0]?.['sentAt']).toBe('string');
    expect(progress).toContainEqual({ type: 'state', state: 'running' });
    expect(server.paidSubmissions('openai')).toBe(1);
    const sent = server.requests[0];
    expect(sent?.route).toBe('openai.generate');
    expect(sent?.body).toMatchObject({ model: 'gpt-image-2', n: 1, size: '1024x1024', quality: 'low', output_format: 'png', moderation: 'auto' });
    expect(sent?.body).not.toHaveProperty('input_fidelity');
    expect(sent?.body).not.toHaveProperty('response_format');
  });

  it('gets a JPEG at a custom size, taking width and height from the bytes', async () => {
    const { context } = recordingContext();
    const result = await provider().run(request({ size: '1536x864', outputFormat: 'jpeg' }), context);
    expect(result).toMatchObject({ width: 1536, height: 864, format: 'jpeg' });
    expect(server.requests[0]?.body).toMatchObject({ output_format: 'jpeg', output_compression: 90 });
  });

  it('sends an edit with two images as image[] parts in order, each with its real content type', async () => {
    const png = makePng(640, 480);
    const jpeg = makeJpeg(320, 320);
    const { context } = recordingContext();
    const result = await provider().run(
      request({ mode: 'edit', size: undefined, images: [{ bytes: png, name: 'photo.png' }, { bytes: jpeg, name: 'style' }] }),
      context,
    );
    expect(result.format).toBe('png');
    const sent = server.requests[0];
    expect(sent?.route).toBe('openai.edit');
    expect(sent?.body).not.toHaveProperty('moderation');
    expect(sent?.images).toMatchObject([
      { field: 'image[]', filename: 'photo.png', contentType: 'image/png', sha256: sha256(png), width: 640, height: 480 },
      { field: 'image[]', filename: 'style.jpg', contentType: 'image/jpeg', sha256: sha256(jpeg), width: 320, height: 320 },
    ]);
    // Reference images are billed as image input tokens.
    expect(result.actualCost?.amount).toBeGreaterThan(OPENAI_PRICES.perImage.low['1024x1024']);
  });

  it('downloads a URL reference with the injected fetch (retrying a free download) before sending it', async () => {
    const png = makePng(512, 512);
    let downloads = 0;
    const { context, notes } = recordingContext({
      fetch: async (input, init) => {
        if (String(input) !== 'https://assets.example.test/cat.png') return fetch(input, init);
        downloads += 1;
        return downloads === 1 ? new Response('busy', { status: 503 }) : new Response(new Uint8Array(png), { headers: { 'content-type': 'application/octet-stream' } });
      },
    });
    await provider().run(request({ mode: 'edit', images: [{ url: 'https://assets.example.test/cat.png' }] }), context);
    expect(downloads).toBe(2);
    expect(notes()).toEqual([expect.stringMatching(/^downloading images\[0\].*retrying in/)]);
    expect(server.requests[0]?.images).toMatchObject([{ field: 'image[]', filename: 'cat.png', contentType: 'image/png', sha256: sha256(png) }]);
  });

  it('streams two partial previews as progress, then the result with its usage', async () => {
    server.setScenario({ openai: { partialIntervalMs: 20 } });
    const { context, progress } = recordingContext();
    const result = await provider({ previews: true }).run(request({ size: '1280x1280' }), context);
    const partials = progress.flatMap((p) => (p.type === 'partial' ? [p] : []));
    expect(partials.map((p) => p.index)).toEqual([0, 1]);
    for (const partial of partials) {
      expect(partial.format).toBe('png');
      expect(sniffImage(partial.bytes)?.mediaType).toBe('image/png');
    }
    // The result came after both previews.
    expect(progress.at(-1)?.type).toBe('partial');
    expect(result).toMatchObject({ width: 1280, height: 1280, format: 'png' });
    expect(result.actualCost?.estimate).toBe(false);
    expect(server.requests[0]?.body).toMatchObject({ stream: true, partial_images: 2 });
  });
});

describe('openai provider: retries', () => {
  it('retries a 429 without Retry-After after a back-off, with one paid submission', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'status', status: 429 } }));
    const { context, waits, notes } = recordingContext();
    await provider().run(request(), context);
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(server.paidSubmissions('openai')).toBe(1);
    // Default policy: the first wait is half of 1 s fixed plus half random (0.5 here).
    expect(waits).toEqual([750]);
    expect(notes()).toEqual(['rate limited; retrying in 750 ms (attempt 2 of 4)']);
  });

  it('honours Retry-After in seconds', async () => {
    server.setScenario(faults('openai.generate', { on: [1, 2], fault: { kind: 'status', status: 429, retryAfter: 3 } }));
    const { context, waits, notes } = recordingContext();
    await provider().run(request(), context);
    expect(waits).toEqual([3000, 3000]);
    expect(notes()[0]).toBe('rate limited; retrying in 3 s (attempt 2 of 4)');
    expect(server.paidSubmissions('openai')).toBe(1);
  });

  it('honours retry-after-ms, really waiting that long', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'status', status: 429, retryAfterMs: 200 } }));
    const { context, waits } = recordingContext({ fastClock: false });
    const started = performance.now();
    await provider().run(request(), context);
    expect(waits).toEqual([200]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(server.requests).toHaveLength(2);
    expect(server.paidSubmissions('openai')).toBe(1);
  });

  it.each([500, 502, 503])('retries a %i (the vendor did not bill it)', async (status) => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'status', status } }));
    const { context, notes } = recordingContext();
    await provider().run(request(), context);
    expect(server.requests.map((r) => r.status)).toEqual([status, 200]);
    expect(server.paidSubmissions('openai')).toBe(1);
    expect(notes()[0]).toMatch(new RegExp(`^OpenAI answered ${status}; retrying in`));
  });

  it('gives up after the policy’s attempts with the typed error of the last answer', async () => {
    server.setScenario(faults('openai.generate', { fault: { kind: 'status', status: 503 } }));
    const { context } = recordingContext();
    const error = await failure(provider().run(request(), context));
    expect(error.kind).toBe('provider_failure');
    expect(server.requests).toHaveLength(4);
    expect(server.paidSubmissions('openai')).toBe(0);
  });

  it('retries a refused connection (nothing was sent), then fails as a network error', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const { context, notes, accepted } = recordingContext();
    const error = await failure(provider({ baseUrl: `http://127.0.0.1:${closedPort}/v1` }).run(request(), context));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/could not be reached at 127\.0\.0\.1:\d+ \(ECONNREFUSED\); nothing was sent/);
    expect(notes()).toHaveLength(3);
    expect(notes()[0]).toMatch(/^OpenAI could not be reached; retrying in/);
    expect(accepted).toHaveLength(1);
    expect(server.paidSubmissions()).toBe(0);
  });
});

describe('openai provider: failures that are not retried', () => {
  it('maps 401 to an auth error without retrying, and never shows the key', async () => {
    const wrongKey = 'sk-proj-WRONGkey-0123456789abcdefXYZ';
    const { context, progress } = recordingContext();
    const error = await failure(createOpenAiProvider({ apiKey: wrongKey, baseUrl: server.openaiBaseUrl }).run(request(), context));
    expect(error.kind).toBe('auth');
    expect(error.detail).toMatchObject({ status: 401, providerCode: 'invalid_api_key' });
    expect(server.requests).toHaveLength(1);
    const everything = JSON.stringify([error.message, error.detail, String(error.cause), progress]);
    expect(everything).not.toContain(wrongKey);
    expect(everything).not.toContain(wrongKey.slice(-4));
  });

  it('refuses to run without a key, sending nothing', async () => {
    const { context } = recordingContext();
    const error = await failure(createOpenAiProvider({ apiKey: ' ', baseUrl: server.openaiBaseUrl }).run(request(), context));
    expect(error.kind).toBe('auth');
    expect(server.requests).toHaveLength(0);
  });

  it('maps a 400 moderation_blocked to content_policy', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'failModeration', stage: 'input' } }));
    const { context } = recordingContext();
    const error = await failure(provider().run(request(), context));
    expect(error.kind).toBe('content_policy');
    expect(error.detail).toMatchObject({ status: 400, providerCode: 'moderation_blocked' });
    expect(error.detail.requestId).toMatch(/^req_/);
    expect(server.requests).toHaveLength(1);
  });

  it('does not resend after the connection is reset mid-body, and says it may have been billed', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'resetMidBody' } }));
    const { context } = recordingContext();
    const error = await failure(provider().run(request(), context));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/may have been billed; it was not sent again/);
    expect(server.requests).toHaveLength(1);
    expect(server.paidSubmissions('openai')).toBe(1);
  });

  it('does not resend after a stream is reset mid-way', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'resetMidBody' } }));
    const { context } = recordingContext();
    const error = await failure(provider({ partialImages: 2 }).run(request(), context));
    expect(error.kind).toBe('network');
    expect(server.requests).toHaveLength(1);
    expect(server.paidSubmissions('openai')).toBe(1);
  });

  it('does not resend after a malformed 200 body: a provider failure', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'malformedJson' } }));
    const { context } = recordingContext();
    const error = await failure(provider().run(request(), context));
    expect(error.kind).toBe('provider_failure');
    expect(error.message).toMatch(/could not be read.*not sent again/);
    expect(server.requests).toHaveLength(1);
    expect(server.paidSubmissions('openai')).toBe(1);
  });

  it('does not resend a malformed streamed event either', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'malformedJson' } }));
    const { context } = recordingContext();
    const error = await failure(provider({ partialImages: 1 }).run(request(), context));
    expect(error.kind).toBe('provider_failure');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a request that hangs, without resending it', async () => {
    server.setScenario(faults('openai.generate', { on: [1], fault: { kind: 'hang', ms: 5000 } }));
    const { context } = recordingContext();
    const started = performance.now();
    const error = await failure(provider({ timeoutMs: 300 }).run(request(), context));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/within 300 ms\. The request may still have been billed; it was not sent again/);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a stream whose body stops coming, too (the SDK timeout ends at the headers)', async () => {
    server.setScenario({ openai: { partialIntervalMs: 5000 } });
    const { context } = recordingContext();
    const error = await failure(provider({ timeoutMs: 300, partialImages: 2 }).run(request(), context));
    expect(error.kind).toBe('timeout');
    expect(server.requests).toHaveLength(1);
  });

  it('cancels within 200 ms of an abort, and the server sees the connection close', async () => {
    server.setScenario({ openai: { responseDelayMs: 600 } });
    const { context, abort } = recordingContext();
    const run = provider().run(request(), context);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const abortedAt = performance.now();
    abort();
    const error = await failure(run);
    expect(performance.now() - abortedAt).toBeLessThan(200);
    expect(error.kind).toBe('cancelled');
    // Had the connection stayed open, the server would have answered 200 after 600 ms.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.status).toBe(0);
  });

  it('cannot resume: the request may have been billed and is not repeated', async () => {
    const { context } = recordingContext();
    const openai = provider();
    expect(openai.resumable).toBe(false);
    const error = await failure(openai.resume({ sentAt: '2026-11-24T10:00:00.000Z' }, summarizeRequest(request(), []), context));
    expect(error.message).toMatch(/sent at 2026-11-24T10:00:00.000Z.*cannot be resumed; it may have been billed and was not sent again/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('openai provider: answers the fake server does not give', () => {
  /** A fetch that answers every request with this event stream. */
  const streamOf = (text: string) => async () =>
    new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_stream' } });

  it('maps an error event inside a 200 stream to a typed error, not retried', async () => {
    let calls = 0;
    const events = streamOf('event: error\ndata: {"type":"error","error":{"type":"image_generation_user_error","code":"moderation_blocked","message":"blocked by output moderation"}}\n\n');
    const { context } = recordingContext({
      fetch: async () => {
        calls += 1;
        return events();
      },
    });
    const error = await failure(provider({ partialImages: 1 }).run(request(), context));
    expect(error.kind).toBe('content_policy');
    expect(error.detail.providerMessage).toBe('blocked by output moderation');
    expect(calls).toBe(1);
  });

  it('fails a stream that ends before its completed event as an unreadable answer', async () => {
    const partial = Buffer.from(makePng(32, 32)).toString('base64');
    const { context, progress } = recordingContext({
      fetch: streamOf(`event: image_generation.partial_image\ndata: {"type":"image_generation.partial_image","partial_image_index":0,"b64_json":"${partial}"}\n\n`),
    });
    const error = await failure(provider({ partialImages: 1 }).run(request(), context));
    expect(error.kind).toBe('provider_failure');
    expect(error.message).toMatch(/ended before the image was complete/);
    expect(progress.filter((p) => p.type === 'partial')).toHaveLength(1);
  });

  it('hides a key a gateway echoes back in full', async () => {
    const { context } = recordingContext({
      fetch: async () =>
        new Response(JSON.stringify({ error: { message: `key ${API_KEY} is not allowed here`, type: 'invalid_request_error', code: null, param: null } }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        }),
    });
    const error = await failure(provider().run(request(), context));
    expect(error.kind).toBe('auth');
    expect(JSON.stringify([error.message, error.detail, String(error.cause)])).not.toContain(API_KEY.slice(8));
    expect(error.message).toContain('[API key hidden]');
  });
});

