import { Interrupted, TaskClient, canResume, createKieProvider } from '@gpt-image/core';
import { startFakeServer, type FakeServer, type Scenario } from '@gpt-image/core/fake-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PendingTask } from '../src/protocol/shapes';
import { parseTaskRecord, type TaskRecordJson } from '../src/protocol/task-record-check';
import { INITIAL_FORM, type FormState } from '../src/ui/logic/form-state';
import { prepareForFigma } from '../src/ui/logic/request-input';
import { resumePending } from '../src/ui/logic/resume-pending';
import { ResultWaitingError, runGeneration, type Placed } from '../src/ui/logic/run-generation';
import { sizeChoice } from '../src/ui/logic/size-choice';
import type { SourceItem } from '../src/ui/logic/source-item';
import type { ClientSetup } from '../src/ui/logic/task-client-for';
import { pngBytes } from './fakes/image-bytes';
import { frameById, sharedData, startGeneration } from './support/actions';
import { frame, provenanceFor, taskRecord } from './support/builders';
import { openPlugin, TEST_NOW, type PluginSession } from './support/open-plugin';
import { storedAs } from './support/stored-entries';

// The UI's generation flow (run-generation, resume-pending) against the real main thread on the
// fake Figma, and core's fake provider server: what happens to a paid task and its placeholder
// when a run or a collection cannot finish.

const KIE_KEY = 'sk-kie-interrupted-runs-0123456789';
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer();
});
afterAll(async () => {
  await fake?.close();
});

const setupFor = (server: FakeServer): Omit<ClientSetup, 'keys' | 'saveRecord'> => ({
  fetch: (input, init) => globalThis.fetch(input, init),
  endpoints: { openaiBaseUrl: server.openaiBaseUrl, kieBaseUrl: server.kieBaseUrl, uploadBaseUrl: server.uploadBaseUrl },
});

/** Runs one text-only generation from the UI's side, as the form would start it. */
function run(session: PluginSession, form: FormState, keys: ClientSetup['keys'] = {}): Promise<Placed> {
  return runGeneration(session.ui$, { ...setupFor(fake), keys }, { form, choice: sizeChoice(form, null), items: [], signal: new AbortController().signal, onStatus: () => undefined });
}

const kieForm: FormState = { ...INITIAL_FORM, prompt: 'A harbour in the rain', provider: 'kie', aspect: '1:1' };
const creates = (): number => fake.requests.filter((r) => r.route === 'kie.createTask').length;
const captionOf = (placeholder: FrameNode): string => placeholder.children.flatMap((c) => (c.type === 'TEXT' ? [c.characters] : [])).join('\n');
const placeholderIds = (session: PluginSession): string[] =>
  session.figma.currentPage.children.flatMap((node) => (sharedData(node)['placeholder'] ? [node.id] : []));

/**
 * A kie task accepted at the fake server for a placeholder in `session`, as an earlier session
 * would have left it: the run stopped (as on closing) the moment kie accepted the task.
 */
async function acceptedAtKie(session: PluginSession, scenario: Scenario['kie'] = {}): Promise<PendingTask> {
  fake.setScenario({ kie: { queuingMs: 0, generatingMs: 0, ...scenario } });
  const prepared = prepareForFigma(kieForm, sizeChoice(kieForm, null), []);
  if (!prepared.ok) throw new Error(prepared.problems.join('; '));
  const placeholder = await startGeneration(session, []);
  const stop = new AbortController();
  let accepted: TaskRecordJson | null = null;
  const client = new TaskClient({
    providers: { kie: createKieProvider({ apiKey: KIE_KEY, baseUrl: fake.kieBaseUrl, uploadBaseUrl: fake.uploadBaseUrl }) },
    saveRecord: (record) => {
      if (accepted || !canResume(record)) return;
      accepted = parseTaskRecord(record, 'record');
      stop.abort(new Interrupted());
    },
  });
  await client.run(prepared.request, { signal: stop.signal }).catch(() => undefined);
  if (!accepted) throw new Error('kie accepted no task');
  const task = { placeholderId: placeholder.id, record: accepted };
  await session.ui$.request('task-accepted', task);
  return task;
}

/** A kie run whose status polls fail with a broken connection once kie accepted the task. */
async function interruptedKieRun(session: PluginSession, scenario: Scenario['kie'] = {}): Promise<ResultWaitingError> {
  fake.setScenario({ kie: { queuingMs: 0, generatingMs: 100, ...scenario, faults: [{ route: 'kie.recordInfo', fault: { kind: 'resetMidBody' } }] } });
  const error: unknown = await run(session, kieForm, { kie: KIE_KEY }).catch((thrown: unknown) => thrown);
  if (!(error instanceof ResultWaitingError)) throw new Error(`expected the result to wait at kie, got ${String(error)}`);
  return error;
}

describe('a paid task is never lost', () => {
  it('a broken connection after kie accepted the task keeps the placeholder and the pending task; "Collect now" places it later', async () => {
    const session = openPlugin();
    await session.ui$.request('store-key', { provider: 'kie', key: KIE_KEY });
    const before = creates();
    const waiting = await interruptedKieRun(session);
    expect(waiting.message).toBe('The result is waiting at kie (the connection was lost). It is paid for and will be collected when the plugin opens again.');
    const placeholder = await frameById(session, waiting.task.placeholderId ?? '');
    expect(placeholder.removed).toBe(false);
    expect(captionOf(placeholder)).toBe('waiting at the provider: the result will be collected when the plugin opens again\nA harbour in the rain');
    expect(await session.storage.getAsync('pending-tasks')).toEqual([storedAs(session, waiting.task)]);
    expect(session.notifications).toEqual([{ message: waiting.message, error: false }]);

    // The connection is back: collecting in the same session fills the placeholder, with no new task.
    fake.setScenario({});
    const outcome = await resumePending(session.ui$, setupFor(fake), waiting.task);
    expect(outcome).toEqual({ kind: 'placed', nodeId: placeholder.id });
    expect(creates()).toBe(before + 1);
    expect(sharedData(placeholder)['taskId']).toBe(waiting.task.record.id);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
  });

  it('on resume, the provider’s verdict (kie failed the task) removes the placeholder and forgets the task', async () => {
    const session = openPlugin();
    const task = await acceptedAtKie(session, { faults: [{ route: 'kie.createTask', fault: { kind: 'failModeration' } }] });
    await session.ui$.request('store-key', { provider: 'kie', key: KIE_KEY });
    const outcome = await resumePending(session.ui$, setupFor(fake), task);
    expect(outcome.kind).toBe('failed');
    expect(placeholderIds(session)).toEqual([]);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
    expect(session.notifications).toEqual([{ message: outcome.kind === 'failed' ? outcome.message : '', error: true }]);
  });

  it('on resume, a missing key keeps the task and its placeholder; once the key is saved, it is collected', async () => {
    const session = openPlugin();
    const task = await acceptedAtKie(session);
    const outcome = await resumePending(session.ui$, setupFor(fake), task);
    expect(outcome).toEqual({ kind: 'waiting', message: 'The result is waiting at kie (no kie API key is stored here). It is paid for and will be collected when the plugin opens again.' });
    expect(placeholderIds(session)).toEqual([task.placeholderId]);
    expect(captionOf(await frameById(session, task.placeholderId ?? ''))).toMatch(/^waiting at the provider/);
    expect(await session.storage.getAsync('pending-tasks')).toEqual([storedAs(session, task)]);

    await session.ui$.request('store-key', { provider: 'kie', key: KIE_KEY });
    expect(await resumePending(session.ui$, setupFor(fake), task)).toEqual({ kind: 'placed', nodeId: task.placeholderId });
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
  });

  it('on resume, a record of another version is forgotten with its placeholder', async () => {
    const session = openPlugin();
    const placeholder = await startGeneration(session, []);
    const record = { ...taskRecord({ id: 'task-old' }), request: { ...taskRecord().request, options: { ...taskRecord().request.options, quality: 'ultra' } } };
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record });
    const outcome = await resumePending(session.ui$, setupFor(fake), { placeholderId: placeholder.id, record });
    expect(outcome).toEqual({ kind: 'failed', message: 'Task task-old was saved by another version of the plugin and cannot be collected here.' });
    expect(placeholder.removed).toBe(true);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
  });
});

describe('main keeps or forgets a task as the UI says', () => {
  async function accepted(session: PluginSession, id = 'task-7'): Promise<FrameNode> {
    const placeholder = await startGeneration(session, []);
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord({ id }) });
    return placeholder;
  }

  it('interrupt-generation keeps both, recaptions the placeholder in one undo step of its own, and tells Figma', async () => {
    const session = openPlugin();
    const placeholder = await accepted(session);
    const before = session.undo.current();
    const commits = session.undo.checkpoints.length;
    await session.ui$.request('interrupt-generation', { placeholderId: placeholder.id, message: 'The result is waiting at kie.' });
    expect(placeholder.removed).toBe(false);
    expect(captionOf(placeholder)).toMatch(/^waiting at the provider/);
    const steps = session.undo.checkpoints.slice(commits);
    expect(steps).toEqual([before, session.undo.current()]);
    expect(session.notifications).toEqual([{ message: 'The result is waiting at kie.', error: false }]);
    session.close();

    const next = openPlugin({ document: session.document, storage: session.storage });
    expect((await next.ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord({ id: 'task-7' }) }]);
  });

  it('interrupt-generation on a placeholder that already says it waits (told again at the next start) changes nothing and adds no undo step', async () => {
    const first = openPlugin();
    const placeholder = await accepted(first);
    await first.ui$.request('interrupt-generation', { placeholderId: placeholder.id, message: 'The result is waiting at kie.' });
    first.close();
    const next = openPlugin({ document: first.document, storage: first.storage });
    const before = next.undo.current();
    await next.ui$.request('interrupt-generation', { placeholderId: placeholder.id, message: 'The result is waiting at kie.' });
    expect(next.undo.checkpoints).toEqual([]);
    expect(next.undo.current()).toBe(before);
    expect(captionOf(placeholder)).toMatch(/^waiting at the provider/);
    expect(next.notifications).toEqual([{ message: 'The result is waiting at kie.', error: false }]);
  });

  it('fail-generation with a task id removes the placeholder and forgets the task', async () => {
    const session = openPlugin();
    const placeholder = await accepted(session);
    await session.ui$.request('fail-generation', { placeholderId: placeholder.id, taskId: 'task-7', message: 'kie failed the task.' });
    expect(placeholder.removed).toBe(true);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
  });

  it('a task without a placeholder that fails with a verdict is forgotten, not retried at every start', async () => {
    const first = openPlugin();
    (await accepted(first)).remove();
    first.close();
    const second = openPlugin({ document: first.document, storage: first.storage });
    expect((await second.ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: null, record: taskRecord({ id: 'task-7' }) }]);
    await second.ui$.request('fail-generation', { placeholderId: null, taskId: 'task-7', message: 'kie failed the task.' });
    expect(await second.storage.getAsync('pending-tasks')).toBeUndefined();
    second.close();
    const third = openPlugin({ document: first.document, storage: first.storage });
    expect((await third.ui$.request('ready', {})).pendingTasks).toEqual([]);
  });
});

describe('placeholders whose run was cut short before the provider accepted it', () => {
  it('are removed at the next start, in one undo step, and the user is told', async () => {
    const first = openPlugin();
    const source = frame(first.figma, { x: 0, y: 0, width: 300, height: 200 });
    const orphans = [await startGeneration(first, [source.id]), await startGeneration(first, [])];
    expect(await first.storage.getAsync('started-generations')).toEqual(orphans.map((orphan) => storedAs(first, { placeholderId: orphan.id, startedAt: TEST_NOW.toISOString() })));
    first.close();

    const second = openPlugin({ document: first.document, storage: first.storage });
    const before = second.undo.current();
    const { notice } = await second.ui$.request('remove-interrupted-placeholders', {});
    expect(notice).toBe('2 earlier generations were interrupted before their results arrived, so their placeholders were removed.');
    expect(orphans.map((orphan) => orphan.removed)).toEqual([true, true]);
    expect(second.figma.currentPage.children).toEqual([source]);
    expect(second.undo.checkpoints.slice(-2)).toEqual([before, second.undo.current()]);
    expect(second.notifications).toEqual([{ message: notice, error: false }]);
    expect(await second.storage.getAsync('started-generations')).toBeUndefined();
  });

  it('leaves this session’s own running placeholders, and accepted ones, alone', async () => {
    const first = openPlugin();
    const accepted = await startGeneration(first, []);
    await first.ui$.request('task-accepted', { placeholderId: accepted.id, record: taskRecord() });
    first.close();
    const second = openPlugin({ document: first.document, storage: first.storage });
    const running = await startGeneration(second, []);
    expect((await second.ui$.request('remove-interrupted-placeholders', {})).notice).toBeNull();
    expect([accepted.removed, running.removed]).toEqual([false, false]);
    expect(await second.storage.getAsync('started-generations')).toEqual([storedAs(second, { placeholderId: running.id, startedAt: TEST_NOW.toISOString() })]);
  });

  it('keeps the note of a placeholder in another file for that file; drops a month-old one of an earlier version, which names no file', async () => {
    const first = openPlugin();
    const elsewhere = await startGeneration(first, []);
    first.close();
    const month = 30 * 24 * 60 * 60 * 1000;
    const old = { placeholderId: '77:1', startedAt: new Date(TEST_NOW.getTime() - month - 1).toISOString() };
    await first.storage.setAsync('started-generations', [...((await first.storage.getAsync('started-generations')) as unknown[]), old]);

    const other = openPlugin({ storage: first.storage });
    // Node ids repeat across files: this file's placeholder with the other one's id (someone
    // else's, started at another time) is not the noted one.
    const namesake = frame(other.figma, {});
    expect(namesake.id).toBe(elsewhere.id);
    const mark = JSON.parse(sharedData(elsewhere)['placeholder'] ?? '{}') as Record<string, unknown>;
    namesake.setSharedPluginData('gpt_image', 'placeholder', JSON.stringify({ ...mark, startedAt: '2026-11-24T09:00:00.000Z' }));
    expect((await other.ui$.request('remove-interrupted-placeholders', {})).notice).toBeNull();
    expect(namesake.removed).toBe(false);
    expect(await other.storage.getAsync('started-generations')).toEqual([storedAs(first, { placeholderId: elsewhere.id, startedAt: TEST_NOW.toISOString() })]);
  });

  it('are no longer noted once filled, cancelled or failed', async () => {
    const session = openPlugin();
    const filled = await startGeneration(session, []);
    const cancelled = await startGeneration(session, []);
    const failed = await startGeneration(session, []);
    await session.ui$.request('place-result', { placeholderId: filled.id, bytes: pngBytes(100, 100), provenance: provenanceFor('x', [], null), edited: 'none' });
    await session.ui$.request('cancel-generation', { placeholderId: cancelled.id });
    await session.ui$.request('fail-generation', { placeholderId: failed.id, taskId: null, message: 'refused' });
    expect(await session.storage.getAsync('started-generations')).toBeUndefined();
  });
});

describe('the placeholder has the shape of the result to come', () => {
  const fileItem = (width: number, height: number): SourceItem => ({ kind: 'file', key: 'file:photo', name: 'photo.png', bytes: pngBytes(width, height), mediaType: 'image/png', width, height });
  const nodeItem = (node: FrameNode): SourceItem => ({ kind: 'node', key: `node:${node.id}`, node: { id: node.id, name: node.name, type: 'FRAME', width: node.width, height: node.height, thumbnail: null } });

  /** Runs a generation and reads the placeholder's box the moment main put it down. */
  async function placeholderBox(session: PluginSession, form: FormState, items: readonly SourceItem[] = []): Promise<{ box: number[]; placed: Placed }> {
    const before = new Set(session.figma.currentPage.children);
    let box: number[] = [];
    const placed = await runGeneration(session.ui$, { ...setupFor(fake), keys: {} }, {
      form,
      choice: sizeChoice(form, items[0] ? (items[0].kind === 'node' ? items[0].node : items[0]) : null),
      items,
      signal: new AbortController().signal,
      onStatus: (status) => {
        if (status !== 'Sending to the provider…') return;
        const placeholder = session.figma.currentPage.children.find((node) => !before.has(node));
        box = placeholder ? [placeholder.x, placeholder.y, placeholder.width, placeholder.height] : [];
      },
    });
    return { box, placed };
  }

  it('a preset aspect with nothing selected: the preset’s pixels, not the tier’s square', async () => {
    const session = openPlugin({ viewportCenter: { x: 0, y: 0 } });
    const { box } = await placeholderBox(session, { ...INITIAL_FORM, prompt: 'A wide harbour', aspect: '16:9' });
    expect(box).toEqual([-640, -360, 1280, 720]);
  });

  it('an image added from disk, with nothing selected: an edit, centred in the viewport at the file’s own size', async () => {
    const session = openPlugin({ viewportCenter: { x: 1000, y: 1000 } });
    const request = vi.spyOn(session.ui$, 'request');
    const { box, placed } = await placeholderBox(session, { ...INITIAL_FORM, prompt: 'Make it blue' }, [fileItem(1600, 1200)]);
    expect(request.mock.calls.find(([name]) => name === 'start-generation')?.[1]).toMatchObject({ mode: 'edit-file', sourceNodeIds: [] });
    expect(box).toEqual([200, 400, 1600, 1200]);
    // The result fills the placeholder at its place, at the image's own size.
    const result = await frameById(session, placed.nodeId);
    expect([result.x, result.y, result.width, result.height]).toEqual([200, 400, placed.image.width, placed.image.height]);
  });

  it('an image from disk first, then a node: beside the node, at the file’s size, not the node’s', async () => {
    const session = openPlugin();
    const reference = frame(session.figma, { name: 'Card', x: 0, y: 0, width: 300, height: 200 });
    const request = vi.spyOn(session.ui$, 'request');
    const { box } = await placeholderBox(session, { ...INITIAL_FORM, prompt: 'Make it blue' }, [fileItem(1000, 800), nodeItem(reference)]);
    expect(request.mock.calls.find(([name]) => name === 'start-generation')?.[1]).toMatchObject({ mode: 'edit-file', sourceNodeIds: [reference.id] });
    expect(box.slice(1)).toEqual([0, 1000, 800]);
    expect(box[0]).toBeGreaterThan(300);
  });

  it('a file larger than Figma takes stands in at 4096 px a side', async () => {
    const session = openPlugin({ viewportCenter: { x: 0, y: 0 } });
    const { placeholderId } = await session.ui$.request('start-generation', { prompt: 'Make it blue', mode: 'edit-file', sourceNodeIds: [], size: { width: 8192, height: 2048 }, resolution: '1K' });
    const placeholder = await frameById(session, placeholderId);
    expect([placeholder.width, placeholder.height]).toEqual([4096, 1024]);
  });
});
