import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { systemClock } from '../../src/internal/clock';
import { createFixedPollPolicy } from '../../src/providers/kie/index';
import { GptImageError } from '../../src/errors/gpt-image-error';
import { fetchUrl, type FetchLike } from '../../src/tasks/provider-runtime';
import { makePng } from '../support/build-images';
import { KEY, kieFor, kieRequest, recordingContext, rejectionOf, requestsOn, VirtualClock } from './kie-helpers';

let server: FakeServer;
const clock = new VirtualClock();

beforeAll(async () => {
  server = await startFakeServer({ clock, apiKeys: [KEY] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Runs a 1K text-to-image request and returns what it threw, with the context's records. */
async function failedRun(config: Parameters<typeof kieFor>[1] = {}) {
  const recording = recordingContext(clock);
  const error = await rejectionOf(kieFor(server, config).run(kieRequest({ prompt: 'a quiet harbour' }), recording.context));
  expect(error.message).not.toContain(KEY);
  return { error, ...recording };
}

describe.each([
  ['in a 200 envelope', false],
  ['in the status line', true],
])('kie errors on submission, %s', (_, errorsInStatusLine) => {
  it.each([
    [401, 'auth', 1],
    [402, 'insufficient_credits', 1],
    [422, 'invalid_request', 1],
    [429, 'rate_limited', 2],
    [455, 'provider_failure', 1],
    [500, 'provider_failure', 2],
    [501, 'provider_failure', 2],
  ] as const)('%i → %s (attempts: %i)', async (status, kind, attempts) => {
    server.setScenario({ kie: { errorsInStatusLine, faults: [{ route: 'kie.createTask', fault: { kind: 'status', status } }] } });
    const { error, accepted } = await failedRun();
    expect(error).toMatchObject({ kind, detail: { status } });
    const creates = requestsOn(server, 'kie.createTask');
    // Refusals that prove nothing started (429, 5xx) are repeated; the others are final.
    expect(creates).toHaveLength(attempts);
    expect(creates.every((c) => c.status === (errorsInStatusLine ? status : 200))).toBe(true);
    expect(accepted).toEqual([]);
    expect(server.paidSubmissions('kie')).toBe(0);
  });
});

describe('kie failures', () => {
  it('never repeats the key kie echoes back', async () => {
    server.setScenario({ kie: { faults: [{ route: 'kie.createTask', fault: { kind: 'status', status: 401, message: `invalid key ${KEY}` } }] } });
    const { error } = await failedRun();
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('[API key hidden]');
    expect(JSON.stringify(error.detail)).not.toContain(KEY);
  });

  it('reports an error on a status request with the task id, and that the task can be resumed', async () => {
    server.setScenario({ kie: { errorsInStatusLine: true, faults: [{ route: 'kie.recordInfo', fault: { kind: 'status', status: 401 } }] } });
    const { error, accepted } = await failedRun();
    expect(error.kind).toBe('auth');
    expect(error.message).toContain(String(accepted[0]?.['taskId']));
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('retries a status answer that is not valid JSON (status requests are free)', async () => {
    server.setScenario({ kie: { faults: [{ route: 'kie.recordInfo', on: [1], fault: { kind: 'malformedJson' } }] } });
    const { context, notes } = recordingContext(clock);
    const result = await kieFor(server).run(kieRequest({ prompt: 'a quiet harbour' }), context);
    expect(result.format).toBe('png');
    const polls = requestsOn(server, 'kie.recordInfo');
    expect(polls[0]?.fault).toBe('malformedJson');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(notes().some((n) => n.startsWith("the connection to kie failed or its answer was unreadable while asking for the task's status; retrying"))).toBe(true);
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('does not repeat a submission whose answer was unreadable, and says the task id is unknown', async () => {
    server.setScenario({ kie: { faults: [{ route: 'kie.createTask', on: [1], fault: { kind: 'malformedJson' } }] } });
    const { error, accepted } = await failedRun();
    expect(error.kind).toBe('provider_failure');
    expect(error.message).toMatch(/no task id came back.*not submitted again/);
    expect(accepted).toEqual([]);
    expect(requestsOn(server, 'kie.createTask')).toHaveLength(1);
    expect(server.paidSubmissions('kie')).toBe(1);
  });

  it('maps a moderation failure to content_policy, naming the task', async () => {
    server.setScenario({ kie: { faults: [{ route: 'kie.createTask', fault: { kind: 'failModeration' } }] } });
    const { error, accepted } = await failedRun();
    const taskId = String(accepted[0]?.['taskId']);
    expect(error).toMatchObject({ kind: 'content_policy', detail: { requestId: taskId, providerCode: '400' } });
    expect(error.message).toContain(taskId);
  });

  it('gives up at the deadline on a task that never finishes, saying it may still finish', async () => {
    server.setScenario({ kie: { faults: [{ route: 'kie.createTask', fault: { kind: 'neverFinish' } }] } });
    const started = clock.now();
    const { error } = await failedRun();
    const waited = clock.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/still generating after 15 min 0 s.*may still finish: resume it/);
    expect(waited).toBeGreaterThanOrEqual(15 * 60_000);
    expect(waited).toBeLessThan(15 * 60_000 + 1_000);
    // The back-off after the planned part: under half the 360 requests of fixed 2.5 s polling.
    expect(requestsOn(server, 'kie.recordInfo').length).toBeLessThan(180);
  });

  it.each([404, 403] as const)('reports an expired result link (%i) as a provider failure with the task id', async (status) => {
    server.setScenario({ kie: { faults: [{ route: 'kie.createTask', fault: { kind: 'expiredResultUrl', status } }] } });
    const { error, accepted } = await failedRun();
    const taskId = String(accepted[0]?.['taskId']);
    expect(error).toMatchObject({ kind: 'provider_failure', detail: { status, requestId: taskId } });
    expect(error.message).toContain(`result link of kie task ${taskId} has expired`);
    // Expired links do not come back: one download, no retries.
    expect(requestsOn(server, 'kie.download')).toHaveLength(1);
  });

  it('takes a typed refusal from the host’s fetch as final: the download is not retried', async () => {
    const refusal = new GptImageError('network', 'Could not download from the storage host: not allowed here.');
    const fetchRefusingDownloads: FetchLike = (input, init) =>
      new URL(fetchUrl(input)).pathname.startsWith('/files/') ? Promise.reject(refusal) : fetch(input, init);
    const recording = recordingContext(clock, { fetch: fetchRefusingDownloads });
    const error = await rejectionOf(kieFor(server).run(kieRequest({ prompt: 'a quiet harbour' }), recording.context));
    expect(error).toBe(refusal);
    expect(recording.notes().filter((note) => /retrying/i.test(note))).toEqual([]);
    expect(server.paidSubmissions('kie')).toBe(1);
    expect(recording.accepted).toHaveLength(1);
  });

  it.each(['status', 'envelope'] as const)('stops before submitting when a reference upload fails (%s)', async (style) => {
    server.setScenario({ kie: { faults: [{ route: 'upload.stream', fault: { kind: 'uploadFailure', style } }] } });
    const recording = recordingContext(clock);
    const request = kieRequest({ mode: 'edit', prompt: 'edit it', images: [{ bytes: makePng(32, 32), name: 'ref.png' }] });
    const error = await rejectionOf(kieFor(server).run(request, recording.context));
    expect(error).toMatchObject({ kind: 'provider_failure', detail: { status: 500 } });
    expect(error.message).toMatch(/reference image 1 \(ref\.png\).*No task was submitted, so nothing was charged/);
    expect(requestsOn(server, 'upload.stream')).toHaveLength(2);
    expect(requestsOn(server, 'kie.createTask')).toHaveLength(0);
    expect(server.paidSubmissions('kie')).toBe(0);
    expect(recording.accepted).toEqual([]);
  });
});

describe('kie failures on real time', () => {
  let live: FakeServer;
  beforeAll(async () => {
    live = await startFakeServer({ apiKeys: [KEY] });
  });
  afterAll(() => live.close());
  beforeEach(() => live.reset());

  it('does not repeat a submission whose answer broke off, and says the task id was lost', async () => {
    live.setScenario({ kie: { faults: [{ route: 'kie.createTask', on: [1], fault: { kind: 'resetMidBody' } }] } });
    const { context, accepted } = recordingContext(systemClock);
    const error = await rejectionOf(kieFor(live).run(kieRequest({ prompt: 'a quiet harbour' }), context));
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.message).toMatch(/broke while it was answering the task submission.*task id was lost.*not submitted again/);
    expect(accepted).toEqual([]);
    expect(requestsOn(live, 'kie.createTask')).toHaveLength(1);
    expect(live.paidSubmissions('kie')).toBe(1);
  });

  it('stops polling within 200 ms of an abort, while waiting or while a request is in flight', async () => {
    // The third status request hangs, so the abort lands either in a wait or in that request.
    live.setScenario({ kie: { generatingMs: 60_000, faults: [{ route: 'kie.recordInfo', on: [3], fault: { kind: 'hang', ms: 30_000 } }] } });
    for (const abortAfterPolls of [2, 3]) {
      live.reset();
      const controller = new AbortController();
      const { context } = recordingContext(systemClock, { signal: controller.signal });
      const running = rejectionOf(kieFor(live, { pollPolicy: createFixedPollPolicy({ intervalMs: 150 }) }).run(kieRequest({ prompt: 'stop me' }), context));
      while (requestsOn(live, 'kie.recordInfo').length < abortAfterPolls) await new Promise((r) => setTimeout(r, 5));
      const abortedAt = performance.now();
      controller.abort();
      const error = await running;
      expect(performance.now() - abortedAt).toBeLessThan(200);
      expect(error).toMatchObject({ kind: 'cancelled' });
      expect(live.paidSubmissions('kie')).toBe(1);
    }
  });
});
