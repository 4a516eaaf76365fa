import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer, type Scenario } from '../../src/fake-server/index';
import { makePng } from '../support/build-images';
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

const generate = { model: 'gpt-image-2', prompt: 'a boat', size: '1024x1024', quality: 'low' };
const createUrl = () => `${server.kieBaseUrl}/api/v1/jobs/createTask`;
const generateUrl = () => `${server.openaiBaseUrl}/images/generations`;
const t2i = { model: 'gpt-image-2-text-to-image', input: { prompt: 'a boat' } };

/** Raw POST, returning the Response so a test can see how the body breaks. */
function rawPost(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

function kieFaults(faults: NonNullable<NonNullable<Scenario['kie']>['faults']>, more: Omit<NonNullable<Scenario['kie']>, 'faults'> = {}): Scenario {
  return { kie: { ...more, faults } };
}

describe('status faults', () => {
  it('kie: 429 with retry-after in the envelope, only on the listed request, unpaid', async () => {
    server.setScenario(kieFaults([{ route: 'kie.createTask', on: [2], fault: { kind: 'status', status: 429, retryAfter: 7 } }]));
    const first = await createKieTask(server);
    const second = await createKieTask(server);
    const third = await createKieTask(server);
    expect([first.json['code'], second.json['code'], third.json['code']]).toEqual([200, 429, 200]);
    expect(second.status).toBe(200);
    expect(second.headers.get('retry-after')).toBe('7');
    expect(first.headers.get('retry-after')).toBeNull();
    expect(server.paidSubmissions('kie')).toBe(2);
    expect(server.requests.map((r) => r.fault ?? null)).toEqual([null, 'status', null]);
  });

  it('kie: 429 without retry-after, 402, 455 and 500, in the status line when asked', async () => {
    server.setScenario(
      kieFaults(
        [
          { route: 'kie.createTask', on: [1], fault: { kind: 'status', status: 429 } },
          { route: 'kie.createTask', on: [2], fault: { kind: 'status', status: 402 } },
          { route: 'kie.createTask', on: [3], fault: { kind: 'status', status: 455 } },
          { route: 'kie.recordInfo', fault: { kind: 'status', status: 500 } },
        ],
        { errorsInStatusLine: true },
      ),
    );
    const limited = await createKieTask(server);
    expect([limited.status, limited.json['code'], limited.headers.get('retry-after')]).toEqual([429, 429, null]);
    const broke = await createKieTask(server);
    expect(broke).toMatchObject({ status: 402, json: { code: 402, msg: 'Insufficient credits' } });
    expect((await createKieTask(server)).status).toBe(455);
    const taskId = taskIdOf(await createKieTask(server));
    const info = await fetch(`${server.kieBaseUrl}/api/v1/jobs/recordInfo?taskId=${taskId}`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(info.status).toBe(500);
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('openai: 500, 502, 503 and a revoked key (401) in the vendor shape, with retry-after-ms', async () => {
    server.setScenario({
      openai: {
        faults: [
          { route: 'openai.generate', on: [1], fault: { kind: 'status', status: 500 } },
          { route: 'openai.generate', on: [2], fault: { kind: 'status', status: 502 } },
          { route: 'openai.generate', on: [3], fault: { kind: 'status', status: 503, retryAfterMs: 1200 } },
          { route: 'openai.generate', on: [4], fault: { kind: 'status', status: 401 } },
        ],
      },
    });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await postJson(generateUrl(), generate));
    expect(answers.map((a) => a.status)).toEqual([500, 502, 503, 401]);
    expect(obj(answers[0]?.json['error'])).toMatchObject({ type: 'server_error', param: null, code: null });
    expect(answers[2]?.headers.get('retry-after-ms')).toBe('1200');
    expect(obj(answers[3]?.json['error'])['code']).toBe('invalid_api_key');
    expect(server.paidSubmissions()).toBe(0);
    expect((await postJson(generateUrl(), generate)).status).toBe(200);
  });
});

describe('transport faults', () => {
  it('resetMidBody: the JSON is cut off with the connection, after the task was created and billed', async () => {
    server.setScenario(kieFaults([{ route: 'kie.createTask', fault: { kind: 'resetMidBody' } }]));
    const failure = await rawPost(createUrl(), t2i).then((res) => res.json()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(server.paidSubmissions('kie')).toBe(1);
    expect(server.requests[0]).toMatchObject({ fault: 'resetMidBody', status: 200, paid: true });
  });

  it('resetMidBody on an openai generate loses the image but bills it', async () => {
    server.setScenario({ openai: { faults: [{ route: 'openai.generate', fault: { kind: 'resetMidBody' } }] } });
    const failure = await rawPost(generateUrl(), generate).then((res) => res.arrayBuffer()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(server.paidSubmissions('openai')).toBe(1);
  });

  it('malformedJson: a complete 200 whose body does not parse', async () => {
    server.setScenario({
      openai: { faults: [{ route: 'openai.generate', fault: { kind: 'malformedJson' } }] },
      kie: { faults: [{ route: 'kie.recordInfo', fault: { kind: 'malformedJson' } }] },
    });
    const res = await rawPost(generateUrl(), generate);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toBeInstanceOf(SyntaxError);
    expect(server.paidSubmissions('openai')).toBe(1);

    const taskId = taskIdOf(await createKieTask(server));
    const info = await fetch(`${server.kieBaseUrl}/api/v1/jobs/recordInfo?taskId=${taskId}`, { headers: { authorization: `Bearer ${KEY}` } });
    await expect(info.json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it('hang: the client times out, the server still created (and billed) the task', async () => {
    server.setScenario(kieFaults([{ route: 'kie.createTask', fault: { kind: 'hang', ms: 10_000 } }]));
    const started = Date.now();
    const failure = await rawPost(createUrl(), t2i, AbortSignal.timeout(200)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.paidSubmissions('kie')).toBe(1);
    // The answer never went out.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests[0]?.status).toBe(0);
  });

  it('hang with a short wait answers late but whole', async () => {
    server.setScenario(kieFaults([{ route: 'kie.recordInfo', fault: { kind: 'hang', ms: 150 } }]));
    const taskId = taskIdOf(await createKieTask(server));
    const started = Date.now();
    expect((await recordInfo(server, taskId))['taskId']).toBe(taskId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('task faults', () => {
  it('neverFinish: the task stays generating however long one waits', async () => {
    server.setScenario(kieFaults([{ route: 'kie.createTask', fault: { kind: 'neverFinish' } }]));
    const taskId = taskIdOf(await createKieTask(server));
    clock.advance(24 * 60 * 60 * 1000);
    expect(await recordInfo(server, taskId)).toMatchObject({ state: 'generating', completeTime: null, resultJson: '' });
  });

  it('failModeration: the task ends in fail with a moderation message and no credits', async () => {
    server.setScenario(kieFaults([{ route: 'kie.createTask', fault: { kind: 'failModeration' } }]));
    const taskId = taskIdOf(await createKieTask(server));
    clock.advance(60_000);
    const info = await recordInfo(server, taskId);
    expect(info).toMatchObject({ state: 'fail', failCode: '400', creditsConsumed: 0 });
    expect(String(info['failMsg'])).toMatch(/moderation/);
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('expiredResultUrl on createTask: the result URL is dead at once (404) or after a while (403)', async () => {
    server.setScenario(
      kieFaults([
        { route: 'kie.createTask', on: [1], fault: { kind: 'expiredResultUrl' } },
        { route: 'kie.createTask', on: [2], fault: { kind: 'expiredResultUrl', afterMs: 5_000, status: 403 } },
      ]),
    );
    const dead = taskIdOf(await createKieTask(server));
    const later = taskIdOf(await createKieTask(server));
    // Default timing: a task succeeds 200 ms after creation.
    clock.advance(300);
    expect((await download(resultUrlOf(await recordInfo(server, dead)))).status).toBe(404);
    const laterUrl = resultUrlOf(await recordInfo(server, later));
    expect((await download(laterUrl)).status).toBe(200);
    clock.advance(5_000);
    expect((await download(laterUrl)).status).toBe(403);
  });

  it('resultUrlTtlMs: results work until the TTL passes, then 404', async () => {
    server.setScenario({ kie: { waitingMs: 0, queuingMs: 0, generatingMs: 1_000, resultUrlTtlMs: 10_000 } });
    const taskId = taskIdOf(await createKieTask(server));
    clock.advance(1_000);
    const url = resultUrlOf(await recordInfo(server, taskId));
    expect((await download(url)).status).toBe(200);
    clock.advance(10_000);
    expect((await download(url)).status).toBe(404);
  });

  it('expiredResultUrl on kie.download: that one download fails, the next works', async () => {
    server.setScenario(kieFaults([{ route: 'kie.download', on: [1], fault: { kind: 'expiredResultUrl', status: 403 } }]));
    const taskId = taskIdOf(await createKieTask(server));
    clock.advance(1_000);
    const url = resultUrlOf(await recordInfo(server, taskId));
    expect((await download(url)).status).toBe(403);
    expect((await download(url)).status).toBe(200);
  });

  it('uploadFailure: a 500, or a 200 envelope with success false', async () => {
    server.setScenario(
      kieFaults([
        { route: 'upload.base64', on: [1], fault: { kind: 'uploadFailure' } },
        { route: 'upload.base64', on: [2], fault: { kind: 'uploadFailure', style: 'envelope' } },
      ]),
    );
    const body = { base64Data: Buffer.from(makePng(20, 20)).toString('base64'), uploadPath: 'refs', fileName: 'a.png' };
    const url = `${server.uploadBaseUrl}/api/file-base64-upload`;
    const status = await postJson(url, body);
    expect(status).toMatchObject({ status: 500, json: { success: false, code: 500 } });
    const envelope = await postJson(url, body);
    expect(envelope).toMatchObject({ status: 200, json: { success: false, code: 500 } });
    expect((await postJson(url, body)).json['success']).toBe(true);
  });
});

describe('fault selection', () => {
  it('draws probabilities from the seed, so the same scenario meets the same faults', async () => {
    const scenario: Scenario = { seed: 42, kie: { faults: [{ route: 'kie.createTask', probability: 0.5, fault: { kind: 'status', status: 500 } }] } };
    const run = async () => {
      server.reset();
      server.setScenario(scenario);
      const codes = [];
      for (let i = 0; i < 12; i++) codes.push((await createKieTask(server)).json['code']);
      clock.advance(20_000);
      return codes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('refuses a fault on a route it cannot apply to', () => {
    expect(() => server.setScenario(kieFaults([{ route: 'kie.recordInfo', fault: { kind: 'neverFinish' } }]))).toThrow(/does not apply to kie.recordInfo/);
    expect(() => server.setScenario({ openai: { faults: [{ route: 'openai.generate', on: [1], probability: 1, fault: { kind: 'resetMidBody' } }] } })).toThrow(/either/);
  });
});
