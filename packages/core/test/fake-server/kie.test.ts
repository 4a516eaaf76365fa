import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/images/sniff-image';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { createKieTask, download, getJson, postJson, recordInfo, resultUrlOf, taskIdOf, VirtualClock } from './helpers';

let server: FakeServer;
const clock = new VirtualClock();
const timing = { kie: { waitingMs: 1_000, queuingMs: 2_000, generatingMs: 30_000 } };

beforeAll(async () => {
  server = await startFakeServer({ clock });
});
afterAll(() => server.close());
beforeEach(() => {
  // reset() keeps the scenario; each test starts from the same one.
  server.reset();
  server.setScenario(timing);
});

describe('kie task API', () => {
  it('walks a task through its states on virtual time, then serves a PNG of the preset size', async () => {
    const created = await createKieTask(server, { aspect_ratio: '16:9', resolution: '2K' });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ code: 200, msg: 'success' });
    const taskId = taskIdOf(created);

    const states: string[] = [];
    for (const step of [0, 1_000, 2_000, 29_999, 1]) {
      clock.advance(step);
      states.push(String((await recordInfo(server, taskId))['state']));
    }
    expect(states).toEqual(['waiting', 'queuing', 'generating', 'generating', 'success']);

    const info = await recordInfo(server, taskId);
    expect(info).toMatchObject({ taskId, model: 'gpt-image-2-text-to-image', costTime: 33_000, creditsConsumed: 10, failCode: '', failMsg: '' });
    expect(info['completeTime']).toBe(Number(info['createTime']) + 33_000);
    expect(JSON.parse(String(info['param']))).toMatchObject({ model: 'gpt-image-2-text-to-image', input: { aspect_ratio: '16:9', resolution: '2K' } });

    const file = await download(resultUrlOf(info));
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('image/png');
    // 16:9 at 2K is the 9:16 preset turned sideways.
    expect(sniffImage(file.bytes)).toEqual({ mediaType: 'image/png', width: 2048, height: 1152 });
    expect(server.paidSubmissions('kie')).toBe(1);
    expect(server.paidSubmissions('openai')).toBe(0);
  });

  it('has no result URL before success, and auto means 1:1 at 1K for 6 credits', async () => {
    const taskId = taskIdOf(await createKieTask(server));
    const running = await recordInfo(server, taskId);
    expect(running).toMatchObject({ resultJson: '', costTime: null, creditsConsumed: null, completeTime: null });
    clock.advance(60_000);
    const done = await recordInfo(server, taskId);
    expect(done['creditsConsumed']).toBe(6);
    expect(sniffImage((await download(resultUrlOf(done))).bytes)).toMatchObject({ width: 1280, height: 1280 });
  });

  it('answers an unknown task with 422 "record is null" inside HTTP 200', async () => {
    const answer = await getJson(`${server.kieBaseUrl}/api/v1/jobs/recordInfo?taskId=nope`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ code: 422, msg: 'record is null', data: null });
  });

  it('puts errors in the 200 envelope by default and in the status line when the scenario says so', async () => {
    const inBody = await postJson(`${server.kieBaseUrl}/api/v1/jobs/createTask`, { model: 'x', input: {} }, null);
    expect(inBody.status).toBe(200);
    expect(inBody.json).toMatchObject({ code: 401 });

    server.setScenario({ kie: { ...timing.kie, errorsInStatusLine: true } });
    const inStatus = await postJson(`${server.kieBaseUrl}/api/v1/jobs/createTask`, { model: 'x', input: {} }, null);
    expect(inStatus.status).toBe(401);
    expect(inStatus.json).toMatchObject({ code: 401, data: null });
    const unknown = await getJson(`${server.kieBaseUrl}/api/v1/jobs/recordInfo?taskId=nope`);
    expect(unknown.status).toBe(422);
    expect(server.paidSubmissions()).toBe(0);
  });

  it.each([
    [{ model: 'gpt-image-1', input: { prompt: 'x' } }, 'model'],
    [{ model: 'gpt-image-2-text-to-image', input: { prompt: '' } }, 'prompt'],
    [{ model: 'gpt-image-2-text-to-image', input: { prompt: 'x', resolution: '8K' } }, 'resolution'],
    [{ model: 'gpt-image-2-text-to-image', input: { prompt: 'x', resolution: '4K', aspect_ratio: '1:1' } }, '1:1 is not available at 4K'],
    [{ model: 'gpt-image-2-text-to-image', input: { prompt: 'x', resolution: '2K', aspect_ratio: 'auto' } }, 'auto is not available at 2K'],
    [{ model: 'gpt-image-2-image-to-image', input: { prompt: 'x' } }, 'image_urls is required'],
    [{ model: 'gpt-image-2-text-to-image', input: { prompt: 'x', image_urls: ['http://a/b.png'] } }, 'takes no input.image_urls'],
  ])('refuses %j with 422 (%s) and bills nothing', async (body, fragment) => {
    const { status, json } = await postJson(`${server.kieBaseUrl}/api/v1/jobs/createTask`, body);
    expect(status).toBe(200);
    expect(json['code']).toBe(422);
    expect(String(json['msg'])).toContain(fragment);
    expect(server.paidSubmissions()).toBe(0);
  });

  it('refuses the 21st task within 10 s with 429, does not queue it, and frees slots as time passes', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 21; i++) {
      codes.push((await createKieTask(server)).json['code']);
      clock.advance(100);
    }
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes[20]).toBe(429);
    expect(server.paidSubmissions('kie')).toBe(20);
    expect(server.requests.filter((r) => r.route === 'kie.createTask' && r.taskId !== undefined)).toHaveLength(20);

    // The first task's slot frees 10 s after it was taken.
    clock.advance(10_000 - 2_100 + 1);
    expect((await createKieTask(server)).json['code']).toBe(200);
  });

  it('counts the limit per key', async () => {
    for (let i = 0; i < 20; i++) await createKieTask(server);
    const other = await postJson(`${server.kieBaseUrl}/api/v1/jobs/createTask`, { model: 'gpt-image-2-text-to-image', input: { prompt: 'x' } }, 'sk-another-key-0000');
    expect(other.json['code']).toBe(200);
  });
});
