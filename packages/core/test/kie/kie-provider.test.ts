import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { sniffImage } from '../../src/images/sniff-image';
import { DEFAULT_RETRY_POLICY } from '../../src/policies/retry-policy';
import { createAdaptivePollPolicy } from '../../src/providers/kie/index';
import { Interrupted, TaskClient, type TaskEvent } from '../../src/tasks/task-client';
import type { TaskRecord } from '../../src/tasks/task-record';
import { summarizeRequest } from '../../src/tasks/request-summary';
import { makeJpeg, makePng } from '../support/build-images';
import { KEY, kieFor, kieRequest, recordingContext, rejectionOf, requestsOn, VirtualClock } from './kie-helpers';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let server: FakeServer;
const clock = new VirtualClock();

beforeAll(async () => {
  server = await startFakeServer({ clock, apiKeys: [KEY] });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.setScenario({ kie: { waitingMs: 1_000, queuingMs: 2_000, generatingMs: 20_000 } });
});

describe('kie provider: text to image', () => {
  it('submits, polls, downloads a PNG of the preset size and reports the credits kie charged', async () => {
    let recordInfosWhenAccepted = -1;
    const { context, accepted, events, notes } = recordingContext(clock, {
      onAccepted: () => (recordInfosWhenAccepted = requestsOn(server, 'kie.recordInfo').length),
    });
    const request = kieRequest({ prompt: 'a lighthouse at dusk', resolution: '2K', aspectRatio: '16:9' });
    const result = await kieFor(server).run(request, context);

    expect(result).toMatchObject({
      width: 2048,
      height: 1152,
      format: 'png',
      actualCost: { amount: 10, unit: 'credits', estimate: false },
      providerDurationMs: 23_000,
    });
    expect(sniffImage(result.bytes)).toEqual({ mediaType: 'image/png', width: 2048, height: 1152 });
    expect(accepted).toEqual([{ taskId: result.providerTaskId, acceptedAt: expect.any(Number), tier: '2K', referenceUrls: [] }]);
    // The record is saved before the first status request.
    expect(recordInfosWhenAccepted).toBe(0);
    const creates = requestsOn(server, 'kie.createTask');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.body).toEqual({ model: 'gpt-image-2-text-to-image', input: { prompt: 'a lighthouse at dusk', aspect_ratio: '16:9', resolution: '2K' } });
    expect(server.paidSubmissions('kie')).toBe(1);
    expect(events.flatMap((e) => (e.type === 'state' ? [e.state] : []))).toContain('running');
    // The key goes to the API only, never to the storage host of the result.
    expect(requestsOn(server, 'kie.download').map((r) => r.authorization)).toEqual([undefined]);
    expect(JSON.stringify([accepted, notes()])).not.toContain(KEY);
  });

  it('learns from costTime: the next plan for the tier starts later than the prior said', async () => {
    const { context } = recordingContext(clock);
    const policy = createAdaptivePollPolicy();
    const before = policy.schedule('1K').times[0] ?? 0;
    server.setScenario({ kie: { generatingMs: 40_000 } });
    await kieFor(server, { pollPolicy: policy }).run(kieRequest({ prompt: 'slow one' }), context);
    // costTime is 40.05 s (queuing 50 ms + generating 40 s).
    expect(policy.history.durations('1K')).toEqual([40_050]);
    expect(policy.schedule('1K').times[0]).toBeGreaterThan(before);
  });
});

describe('kie provider: image to image', () => {
  const base = makePng(64, 48);
  const second = makeJpeg(40, 32);
  const edit = () => kieRequest({ mode: 'edit', prompt: 'make it night', images: [{ bytes: base, name: 'folder/base.png' }, { bytes: second }] });

  it('uploads local references in order (multipart) and sends their URLs as image_urls', async () => {
    const { context, accepted } = recordingContext(clock);
    const result = await kieFor(server).run(edit(), context);
    expect(result.format).toBe('png');

    const uploads = requestsOn(server, 'upload.stream');
    expect(uploads.map((u) => u.images?.[0]?.sha256)).toEqual([sha256(base), sha256(second)]);
    expect(uploads.map((u) => u.body)).toEqual([
      { uploadPath: 'gpt-image/references', fileName: 'base.png' },
      { uploadPath: 'gpt-image/references', fileName: 'reference-2.jpg' },
    ]);
    const [create] = requestsOn(server, 'kie.createTask');
    expect(create?.body).toMatchObject({ model: 'gpt-image-2-image-to-image', input: { image_urls: accepted[0]?.['referenceUrls'] } });
    // What kie fetched for the task: the two uploads, in order, under the configured field.
    expect(create?.images?.map((i) => [i.field, i.sha256])).toEqual([
      ['image_urls', sha256(base)],
      ['image_urls', sha256(second)],
    ]);
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('uses input_urls when configured (and the base64 upload)', async () => {
    server.setScenario({ kie: { referenceField: 'input_urls' } });
    const { context } = recordingContext(clock);
    await kieFor(server, { referenceField: 'input_urls', uploadMethod: 'base64' }).run(edit(), context);
    expect(requestsOn(server, 'upload.base64')).toHaveLength(2);
    expect(requestsOn(server, 'upload.stream')).toHaveLength(0);
    const [create] = requestsOn(server, 'kie.createTask');
    expect(create?.body).toEqual({
      model: 'gpt-image-2-image-to-image',
      input: { prompt: 'make it night', aspect_ratio: 'auto', resolution: '1K', input_urls: [expect.any(String), expect.any(String)] },
    });
    expect(create?.images?.map((i) => [i.field, i.sha256])).toEqual([
      ['input_urls', sha256(base)],
      ['input_urls', sha256(second)],
    ]);
  });

  it('passes URL references through without uploading', async () => {
    // An earlier upload stands in for a URL the user gave.
    const { context: first, accepted } = recordingContext(clock);
    await kieFor(server).run(edit(), first);
    const urls = accepted[0]?.['referenceUrls'];
    const url = Array.isArray(urls) ? String(urls[0]) : '';
    const { context } = recordingContext(clock);
    await kieFor(server).run(kieRequest({ mode: 'edit', prompt: 'again', images: [{ url }] }), context);
    expect(requestsOn(server, 'upload.stream')).toHaveLength(2);
    expect(requestsOn(server, 'kie.createTask')[1]?.body).toMatchObject({ input: { image_urls: [url] } });
  });
});

describe('kie provider: rate limits and resume', () => {
  it('retries a 429 on submission after Retry-After, with exactly one paid submission', async () => {
    server.setScenario({ kie: { faults: [{ route: 'kie.createTask', on: [1], fault: { kind: 'status', status: 429, retryAfter: 1 } }] } });
    const { context, notes } = recordingContext(clock);
    const result = await kieFor(server, { retryPolicy: DEFAULT_RETRY_POLICY }).run(kieRequest({ prompt: 'busy' }), context);
    expect(result.width).toBe(1280);
    const creates = requestsOn(server, 'kie.createTask');
    expect(creates.map((c) => c.fault ?? null)).toEqual(['status', null]);
    expect((creates[1]?.at ?? 0) - (creates[0]?.at ?? 0)).toBe(1_000);
    expect(server.paidSubmissions('kie')).toBe(1);
    expect(notes()).toContain('kie answered 429 while submitting the task; retrying in 1.0 s (attempt 2 of 4)');
  });

  it('spaces 25 submissions under the create limit so kie never answers 429', async () => {
    server.setScenario({ kie: { generatingMs: 5_000 } });
    const kie = kieFor(server);
    const runs = Array.from({ length: 25 }, (_, i) => {
      const { context } = recordingContext(clock);
      return kie.run(kieRequest({ prompt: `batch ${i}`, aspectRatio: '21:9' }), context);
    });
    const results = await Promise.all(runs);
    expect(results).toHaveLength(25);
    const creates = requestsOn(server, 'kie.createTask');
    expect(creates).toHaveLength(25);
    expect(creates.every((c) => c.error === undefined)).toBe(true);
    expect(server.requests.some((r) => r.error?.startsWith('Rate limited'))).toBe(false);
    expect((creates[20]?.at ?? 0) - (creates[0]?.at ?? 0)).toBeGreaterThanOrEqual(10_000);
    expect(server.paidSubmissions('kie')).toBe(25);
  });

  it('resumes from a saved task id without submitting again', async () => {
    const controller = new AbortController();
    const request = kieRequest({ prompt: 'interrupted', resolution: '4K', aspectRatio: '3:2' });
    const first = recordingContext(clock, { signal: controller.signal, onAccepted: () => controller.abort() });
    expect(await rejectionOf(kieFor(server).run(request, first.context))).toMatchObject({ kind: 'cancelled' });
    const taskId = first.accepted[0]?.['taskId'];
    expect(typeof taskId).toBe('string');

    // A new process: a new provider instance, only the task id and the request summary.
    const { context } = recordingContext(clock);
    const policy = createAdaptivePollPolicy();
    const result = await kieFor(server, { pollPolicy: policy }).resume({ taskId: String(taskId) }, summarizeRequest(request, []), context);
    expect(result).toMatchObject({ providerTaskId: taskId, width: 3520, height: 2336, actualCost: { amount: 16 } });
    expect(requestsOn(server, 'kie.createTask')).toHaveLength(1);
    expect(server.paidSubmissions('kie')).toBe(1);
    // Without the acceptance time there is no duration to learn from.
    expect(policy.history.durations('4K')).toEqual([]);
  });

  it('waits as long as a Retry-After on a rate-limited status request asks', async () => {
    server.setScenario({ kie: { faults: [{ route: 'kie.recordInfo', on: [1], fault: { kind: 'status', status: 429, retryAfter: 3 } }] } });
    const { context } = recordingContext(clock);
    await kieFor(server).run(kieRequest({ prompt: 'slow down' }), context);
    const polls = requestsOn(server, 'kie.recordInfo');
    expect(polls[0]?.fault).toBe('status');
    expect((polls[1]?.at ?? 0) - (polls[0]?.at ?? 0)).toBe(3_000);
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('runs under the task client: saved record, life cycle, and a resume in a new client', async () => {
    const records: TaskRecord[] = [];
    const states: string[] = [];
    const controller = new AbortController();
    const client = (saveRecord: (record: TaskRecord) => void) =>
      new TaskClient({ providers: { kie: kieFor(server) }, clock, fetch: clock.wrapFetch(), saveRecord, secrets: [KEY] });
    const onEvent = (event: TaskEvent) => {
      if (event.type !== 'state') return;
      states.push(event.state);
      // The process goes away once the task is accepted (a window reload, Ctrl-C).
      if (event.state === 'queued') controller.abort(new Interrupted());
    };
    const request = kieRequest({ prompt: 'under the client', resolution: '2K', aspectRatio: '4:5' });
    await expect(client((record) => void records.push(record)).run(request, { signal: controller.signal, onEvent })).rejects.toMatchObject({ kind: 'cancelled' });
    const saved = records[records.length - 1];
    if (!saved) throw new Error('no record was saved');
    expect(saved).toMatchObject({ state: 'queued', resume: { taskId: expect.any(String), tier: '2K' } });
    expect(JSON.stringify(records)).not.toContain(KEY);

    const outcome = await client(() => {}).resume(saved, { onEvent: (e) => void (e.type === 'state' && states.push(e.state)) });
    expect(outcome.image).toMatchObject({ width: 1632, height: 2048, provider: 'kie', taskId: saved.resume?.['taskId'], actualCost: { amount: 10, unit: 'credits' } });
    expect(states).toEqual(['submitted', 'queued', 'queued', 'running', 'succeeded']);
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('says so when kie does not know a task being resumed ("record is null")', async () => {
    const { context } = recordingContext(clock);
    const error = await rejectionOf(kieFor(server).resume({ taskId: 'task_unknown' }, summarizeRequest(kieRequest({ prompt: 'x' }), []), context));
    expect(error).toMatchObject({ kind: 'invalid_request', detail: { status: 422, providerMessage: 'record is null', requestId: 'task_unknown' } });
    expect(error.message).toContain('task_unknown');
    expect(server.paidSubmissions('kie')).toBe(0);
  });
});
