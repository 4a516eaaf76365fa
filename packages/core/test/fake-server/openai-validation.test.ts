import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/images/sniff-image';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { makePng } from '../support/build-images';
import { fromBase64, KEY, obj, postJson } from './helpers';

let server: FakeServer;
let generations: string;

beforeAll(async () => {
  server = await startFakeServer();
  generations = `${server.openaiBaseUrl}/images/generations`;
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const valid = { model: 'gpt-image-2', prompt: 'a quiet harbour', size: '1024x1024', quality: 'low' };

/** The `error` object of an answer. */
const errorOf = (json: Record<string, unknown>) => obj(json['error']);

/** POSTs a multipart edit with the given parts. */
async function postEdit(parts: { name: string; value: string | Blob; filename?: string }[], key = KEY) {
  const form = new FormData();
  for (const part of parts) {
    if (typeof part.value === 'string') form.append(part.name, part.value);
    else form.append(part.name, part.value, part.filename ?? 'x.png');
  }
  const res = await fetch(`${server.openaiBaseUrl}/images/edits`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: res.status, json: obj(await res.json()) };
}

const png = (w: number, h: number, type = 'image/png') => new Blob([Buffer.from(makePng(w, h))], { type });

describe('OpenAI validation, as the vendor does it', () => {
  it('requires a Bearer key and answers 401 in the vendor shape', async () => {
    const { status, json } = await postJson(generations, valid, null);
    expect(status).toBe(401);
    expect(errorOf(json)).toMatchObject({ type: 'invalid_request_error', param: null, code: 'invalid_api_key' });
    expect(server.requests[0]).toMatchObject({ route: 'openai.generate', status: 401, paid: false });
  });

  it('answers with an x-request-id and the applied settings', async () => {
    const { status, headers, json } = await postJson(generations, { ...valid, size: 'auto', quality: 'high', output_format: 'jpeg', output_compression: 80 });
    expect(status).toBe(200);
    expect(headers.get('x-request-id')).toMatch(/^req_/);
    // `auto` is the 1K square here.
    expect(json).toMatchObject({ size: '1280x1280', quality: 'high', output_format: 'jpeg', background: 'opaque' });
    const data = json['data'];
    expect(Array.isArray(data) && sniffImage(fromBase64(obj(data[0])['b64_json']))).toEqual({ mediaType: 'image/jpeg', width: 1280, height: 1280 });
  });

  it('returns a PNG for a WebP request (Node cannot encode WebP) and says so in output_format', async () => {
    const { json } = await postJson(generations, { ...valid, output_format: 'webp' });
    expect(json['output_format']).toBe('png');
    const data = json['data'];
    expect(Array.isArray(data) && sniffImage(fromBase64(obj(data[0])['b64_json']))?.mediaType).toBe('image/png');
  });

  it.each([
    [{ model: 'gpt-image-1' }, 'model', 'invalid_value'],
    [{ model: undefined }, 'model', 'missing_required_parameter'],
    [{ prompt: '   ' }, 'prompt', 'missing_required_parameter'],
    [{ size: '1000x1000' }, 'size', 'invalid_value'],
    [{ size: '4096x4096' }, 'size', 'invalid_value'],
    [{ size: 'big' }, 'size', 'invalid_value'],
    [{ quality: 'hd' }, 'quality', 'invalid_value'],
    [{ n: 0 }, 'n', 'invalid_value'],
    [{ partial_images: 4 }, 'partial_images', 'invalid_value'],
    [{ output_compression: 50 }, 'output_compression', 'invalid_value'],
    [{ input_fidelity: 'high' }, 'input_fidelity', 'unsupported_parameter'],
    [{ response_format: 'b64_json' }, 'response_format', 'unsupported_parameter'],
    [{ style: 'vivid' }, 'style', 'unknown_parameter'],
  ])('refuses %j with a 400 naming %s, unpaid', async (change, param, code) => {
    const { status, json } = await postJson(generations, { ...valid, ...change });
    expect(status).toBe(400);
    expect(errorOf(json)).toMatchObject({ type: 'invalid_request_error', param, code });
    expect(server.paidSubmissions()).toBe(0);
  });

  it('names the broken size rule in the message', async () => {
    const { json } = await postJson(generations, { ...valid, size: '1000x1000' });
    expect(String(errorOf(json)['message'])).toContain('divisible by 16');
  });

  it('refuses a transparent background for this model', async () => {
    const { status, json } = await postJson(generations, { ...valid, background: 'transparent' });
    expect(status).toBe(400);
    expect(errorOf(json)).toMatchObject({ param: 'background', message: 'Transparent background is not supported for this model.' });
  });

  it('takes image and image[] parts, refuses other content types and a moderation field on edits', async () => {
    const fields = [
      { name: 'model', value: 'gpt-image-2' },
      { name: 'prompt', value: 'make it night' },
    ];
    const single = await postEdit([...fields, { name: 'image', value: png(800, 600) }]);
    expect(single.status).toBe(200);
    // `auto` on an edit keeps the first image's shape (4:3) at the 1K budget.
    const [w, h] = String(single.json['size']).split('x').map(Number);
    expect((w ?? 0) / (h ?? 1)).toBeCloseTo(4 / 3, 1);

    const gif = await postEdit([...fields, { name: 'image[]', value: png(64, 64, 'image/gif') }]);
    expect(gif.status).toBe(400);
    expect(errorOf(gif.json)).toMatchObject({ code: 'unsupported_file_mimetype', param: 'image' });

    const moderation = await postEdit([...fields, { name: 'moderation', value: 'low' }, { name: 'image[]', value: png(64, 64) }]);
    expect(errorOf(moderation.json)).toMatchObject({ code: 'unknown_parameter', param: 'moderation' });

    const none = await postEdit(fields);
    expect(errorOf(none.json)).toMatchObject({ code: 'missing_required_parameter', param: 'image' });
    expect(server.paidSubmissions('openai')).toBe(1);
  });

  it('reads numbers and booleans from form fields', async () => {
    const { status, json } = await postEdit([
      { name: 'model', value: 'gpt-image-2' },
      { name: 'prompt', value: 'x' },
      { name: 'n', value: '2' },
      { name: 'size', value: '1536x1024' },
      { name: 'stream', value: 'false' },
      { name: 'image[]', value: png(100, 100) },
    ]);
    expect(status).toBe(200);
    expect(json['data']).toHaveLength(2);
    const recorded = server.requests[0];
    expect(recorded?.body).toMatchObject({ n: '2', size: '1536x1024' });
    expect(recorded?.images?.[0]).toMatchObject({ field: 'image[]', contentType: 'image/png', width: 100, height: 100, sniffedType: 'image/png' });
  });

  it('answers an unknown path with a 404 in the vendor shape', async () => {
    const { status, json } = await postJson(`${server.openaiBaseUrl}/images/variations`, valid);
    expect(status).toBe(404);
    expect(String(errorOf(json)['message'])).toContain('/v1/images/variations');
    expect(server.requests[0]?.route).toBeNull();
  });
});
