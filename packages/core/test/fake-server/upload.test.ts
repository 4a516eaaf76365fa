import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/internal/hash';
import { sniffImage } from '../../src/images/sniff-image';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { makeJpeg, makePng } from '../support/build-images';
import { createKieTask, download, KEY, obj, postJson, recordInfo, resultUrlOf, taskIdOf, VirtualClock } from './helpers';

let server: FakeServer;
const clock = new VirtualClock();

beforeAll(async () => {
  server = await startFakeServer({ clock });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.setScenario({});
});

/** Uploads bytes through the multipart stream endpoint. */
async function uploadStream(bytes: Uint8Array, fileName: string, type: string, key: string | null = KEY) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)], { type }), fileName);
  form.append('uploadPath', 'gpt-image/refs');
  form.append('fileName', fileName);
  const res = await fetch(`${server.uploadBaseUrl}/api/file-stream-upload`, {
    method: 'POST',
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
    body: form,
  });
  return { status: res.status, json: obj(await res.json()) };
}

const downloadUrlOf = (json: Record<string, unknown>): string => String(obj(json['data'])['downloadUrl']);

describe('kie upload service', () => {
  it('stores a multipart upload and serves it back at its download URL', async () => {
    const bytes = makePng(200, 100);
    const { status, json } = await uploadStream(bytes, 'ref.png', 'image/png');
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, code: 200 });
    expect(obj(json['data'])).toMatchObject({ fileName: 'ref.png', filePath: 'gpt-image/refs/ref.png', fileSize: bytes.length, mimeType: 'image/png' });
    expect(String(obj(json['data'])['uploadedAt'])).toMatch(/^\d{4}-\d\d-\d\dT/);
    const served = await download(downloadUrlOf(json));
    expect(served.contentType).toBe('image/png');
    expect(Buffer.from(served.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(server.requests[0]?.images?.[0]).toMatchObject({ field: 'file', filename: 'ref.png', width: 200, height: 100, sha256: await sha256Hex(bytes) });
    // Uploads are not generations.
    expect(server.paidSubmissions()).toBe(0);
  });

  it('takes base64, including a data: URL, and types the file by its bytes', async () => {
    const bytes = makeJpeg(64, 48);
    const { json } = await postJson(`${server.uploadBaseUrl}/api/file-base64-upload`, {
      base64Data: `data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}`,
      uploadPath: 'refs',
      fileName: 'photo.jpg',
    });
    expect(obj(json['data'])).toMatchObject({ mimeType: 'image/jpeg', fileSize: bytes.length, fileName: 'photo.jpg' });
    expect(sniffImage((await download(downloadUrlOf(json))).bytes)).toMatchObject({ width: 64, height: 48 });
    // The log keeps a summary, not the whole base64 payload.
    expect(JSON.stringify(server.requests[0]?.body).length).toBeLessThan(400);
  });

  it('refuses uploads without a key or without a file', async () => {
    expect((await uploadStream(makePng(10, 10), 'a.png', 'image/png', null)).status).toBe(401);
    const missing = await postJson(`${server.uploadBaseUrl}/api/file-base64-upload`, { uploadPath: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ success: false, code: 400 });
  });

  it('runs image-to-image with uploaded URLs, receiving them in order', async () => {
    const first = makePng(300, 200);
    const second = makePng(120, 120);
    const urls = [downloadUrlOf((await uploadStream(first, 'first.png', 'image/png')).json), downloadUrlOf((await uploadStream(second, 'second.png', 'image/png')).json)];
    const created = await createKieTask(server, { image_urls: urls, aspect_ratio: '3:2' }, 'gpt-image-2-image-to-image');
    const taskId = taskIdOf(created);
    const log = server.requests.find((r) => r.taskId === taskId && r.route === 'kie.createTask');
    expect(log?.images?.map((i) => i.sha256)).toEqual([await sha256Hex(first), await sha256Hex(second)]);
    expect(log?.images?.map((i) => i.field)).toEqual(['image_urls', 'image_urls']);

    clock.advance(1_000);
    const info = await recordInfo(server, taskId);
    expect(info['state']).toBe('success');
    expect(sniffImage((await download(resultUrlOf(info))).bytes)).toMatchObject({ width: 1280, height: 848 });
  });

  it('fails a task whose reference URL the server never issued', async () => {
    const taskId = taskIdOf(await createKieTask(server, { image_urls: ['https://example.com/cat.png'] }, 'gpt-image-2-image-to-image'));
    clock.advance(1_000);
    const info = await recordInfo(server, taskId);
    expect(info).toMatchObject({ state: 'fail', failCode: '422', creditsConsumed: 0, resultJson: '' });
    expect(String(info['failMsg'])).toContain('https://example.com/cat.png');
  });

  it('reads references only from the configured field', async () => {
    server.setScenario({ kie: { referenceField: 'input_urls' } });
    const url = downloadUrlOf((await uploadStream(makePng(50, 50), 'a.png', 'image/png')).json);
    const wrongName = await createKieTask(server, { image_urls: [url] }, 'gpt-image-2-image-to-image');
    expect(wrongName.json['code']).toBe(422);
    expect(String(wrongName.json['msg'])).toContain('input_urls');
    const rightName = await createKieTask(server, { input_urls: [url] }, 'gpt-image-2-image-to-image');
    expect(rightName.json['code']).toBe(200);
    expect(server.paidSubmissions('kie')).toBe(1);
  });
});
