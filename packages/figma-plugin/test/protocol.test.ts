import { ERROR_KINDS, MAX_IMAGE_BYTES, MAX_IMAGES, PROVIDER_IDS } from '@gpt-image/core/contract';
import { TASK_STATES as CORE_TASK_STATES } from '@gpt-image/core';
import { describe, expect, it } from 'vitest';
import { array, bytes, json, object, string } from '../src/protocol/checks';
import {
  connectToMain, parseTaskRecord, ProtocolError, PROTOCOL_VERSION, REQUESTS, serveUi, TASK_STATES, type RequestHandlers, type Transport,
} from '../src/protocol/index';
import { MAX_IMAGE_BYTES as PROTOCOL_MAX_BYTES, MAX_IMAGES as PROTOCOL_MAX_IMAGES } from '../src/protocol/limits';
import { taskRecord } from './support/builders';
import { openPlugin } from './support/open-plugin';

/** Waits until main has posted an answer to request `id`. */
async function answerTo(posted: unknown[], id: number): Promise<unknown> {
  for (let i = 0; i < 100; i++) {
    const hit = posted.find((m) => typeof m === 'object' && m !== null && Reflect.get(m, 'kind') === 'response' && Reflect.get(m, 'id') === id);
    if (hit) return hit;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no answer to ${id}`);
}

const request = (id: number, name: string, params: unknown): unknown => ({ protocol: PROTOCOL_VERSION, kind: 'request', id, name, params });

describe('main checks every message on arrival', () => {
  it('answers an unknown request name with an error, not silence', async () => {
    const session = openPlugin();
    session.ui.sendFromWindow(request(901, 'delete-everything', {}));
    expect(await answerTo(session.ui.posted, 901)).toEqual({
      protocol: PROTOCOL_VERSION, kind: 'response', id: 901, ok: false, error: '"delete-everything" is not a request main knows',
    });
  });

  it.each([
    ['a missing field', { nodeIds: undefined }, 'params.nodeIds must be an array (got undefined)'],
    ['an unexpected field', { nodeIds: ['1:2'], all: true }, 'params.all is not an expected field'],
    ['too many nodes', { nodeIds: Array.from({ length: 17 }, (_, i) => `1:${i}`) }, 'params.nodeIds must have at most 16 items (it has 17)'],
    ['a mistyped item', { nodeIds: ['1:2', 7] }, 'params.nodeIds[1] must be a string (got number)'],
    ['no object at all', 'nodes please', 'params must be an object (got string)'],
  ])('answers malformed params (%s) with an error naming the field', async (_, params, message) => {
    const session = openPlugin();
    session.ui.sendFromWindow(request(902, 'export-references', params));
    expect(await answerTo(session.ui.posted, 902)).toMatchObject({ ok: false, error: message });
  });

  it('reports a message without the protocol tag as a problem', async () => {
    const session = openPlugin();
    const problem = session.nextNotification('problem');
    session.ui.sendFromWindow({ type: 'start', prompt: 'hi' });
    expect((await problem).message).toContain('message.protocol must be "gpt-image/1"');
  });

  it('refuses a task record that carries a key', async () => {
    const session = openPlugin();
    const { placeholderId } = await session.ui$.request('start-generation', { prompt: 'p', mode: 'generate', sourceNodeIds: [], size: null, resolution: '1K' });
    const record = { ...taskRecord(), resume: { taskId: 'k', apiKey: 'sk-secret' } };
    session.ui.sendFromWindow(request(903, 'task-accepted', { placeholderId, record }));
    expect(await answerTo(session.ui.posted, 903)).toMatchObject({ ok: false, error: 'params.record.resume.apiKey looks like a secret; a task record must never contain a key' });
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
  });
});

describe('the UI checks every message from main', () => {
  function wiredUi(): { readonly deliver: (message: unknown) => void; readonly problems: ProtocolError[]; readonly sent: unknown[]; readonly ui: ReturnType<typeof connectToMain> } {
    const listeners = new Set<(message: unknown) => void>();
    const sent: unknown[] = [];
    const transport: Transport = { post: (m) => sent.push(m), listen: (l) => (listeners.add(l), () => listeners.delete(l)) };
    const problems: ProtocolError[] = [];
    const ui = connectToMain(transport, { onProblem: (e) => problems.push(e) });
    return { deliver: (m) => listeners.forEach((l) => l(m)), problems, sent, ui };
  }

  it('reports an unknown notification name instead of dropping it', () => {
    const { deliver, problems } = wiredUi();
    deliver({ protocol: PROTOCOL_VERSION, kind: 'notification', name: 'surprise', payload: {} });
    expect(problems.map((p) => p.message)).toEqual(['"surprise" is not a notification the UI knows']);
  });

  it('reports a malformed notification and does not deliver it', () => {
    const { deliver, problems, ui } = wiredUi();
    const seen: unknown[] = [];
    ui.on('selection', (payload) => seen.push(payload));
    deliver({ protocol: PROTOCOL_VERSION, kind: 'notification', name: 'selection', payload: { nodes: 'all of them', total: 1 } });
    expect(seen).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(['selection.payload.nodes must be an array (got string)']);
  });

  it('rejects a request whose answer does not match the catalogue', async () => {
    const { deliver, problems, sent, ui } = wiredUi();
    const pending = ui.request('read-key', { provider: 'openai' });
    const id = Reflect.get(Object(sent[0]), 'id');
    deliver({ protocol: PROTOCOL_VERSION, kind: 'response', id, ok: true, result: { key: 42, storageNote: 'x' } });
    await expect(pending).rejects.toThrow('read-key.result.key must be a string (got number)');
    expect(problems).toHaveLength(1);
  });

  it('reports an answer to a request nobody made', () => {
    const { deliver, problems } = wiredUi();
    deliver({ protocol: PROTOCOL_VERSION, kind: 'response', id: 77, ok: true, result: {} });
    expect(problems.map((p) => p.message)).toEqual(['an answer to request 77, which is not waiting']);
  });

  it('checks its own params before sending', async () => {
    const { sent, ui } = wiredUi();
    await expect(ui.request('store-key', { provider: 'openai', key: '' })).rejects.toThrow('params.key must not be empty');
    expect(sent).toEqual([]);
    expect(() => REQUESTS['read-key'].params({ provider: 'placeholder' }, 'params')).toThrow('params.provider must be one of "openai", "kie" (got string)');
  });

  it('rejects what is still waiting when disposed', async () => {
    const { ui } = wiredUi();
    const pending = ui.request('list-history', {});
    ui.dispose();
    await expect(pending).rejects.toThrow('closed');
  });
});

describe('both sides together', () => {
  it('a handler’s error reaches the UI as a RequestFailedError with its message', async () => {
    const channel = { toMain: new Set<(m: unknown) => void>(), toUi: new Set<(m: unknown) => void>() };
    const failing = async (): Promise<never> => {
      throw new Error('no such thing');
    };
    const handlers: RequestHandlers = {
      ready: failing, 'export-references': failing, 'start-generation': failing, 'task-accepted': failing, 'place-result': failing,
      'cancel-generation': failing, 'fail-generation': failing, 'interrupt-generation': failing, 'remove-interrupted-placeholders': failing, 'list-history': failing, 'place-again': failing, 'read-key': failing,
      'store-key': failing, 'delete-key': failing,
    };
    serveUi({ post: (m) => channel.toUi.forEach((l) => l(structuredClone(m))), listen: (l) => (channel.toMain.add(l), () => channel.toMain.delete(l)) }, handlers);
    const ui = connectToMain({ post: (m) => channel.toMain.forEach((l) => l(structuredClone(m))), listen: (l) => (channel.toUi.add(l), () => channel.toUi.delete(l)) }, { onProblem: () => undefined });
    await expect(ui.request('list-history', {})).rejects.toMatchObject({ name: 'RequestFailedError', request: 'list-history', message: 'no such thing' });
  });
});

describe('the checks', () => {
  it('object() rejects fields it does not know, array() counts, bytes() wants a Uint8Array', () => {
    const check = object({ a: string({ max: 3 }), list: array(bytes({ max: 4 }), { max: 2 }) });
    expect(check({ a: 'abc', list: [new Uint8Array(4)] }, 'x')).toEqual({ a: 'abc', list: [new Uint8Array(4)] });
    expect(() => check({ a: 'abcd', list: [] }, 'x')).toThrow('x.a must have at most 3 characters (it has 4)');
    expect(() => check({ a: 'a', list: [[1, 2]] }, 'x')).toThrow('x.list[0] must be a Uint8Array (got an array)');
    expect(() => check({ a: 'a', list: [new Uint8Array(5)] }, 'x')).toThrow('x.list[0] must be at most 4 bytes (it is 5)');
  });

  it('json() takes only JSON', () => {
    expect(json()({ a: [1, 'b', null, true, { c: 2 }] }, 'v')).toEqual({ a: [1, 'b', null, true, { c: 2 }] });
    expect(() => json()({ a: Number.NaN }, 'v')).toThrow('v.a must be a finite number');
    expect(() => json()({ a: new Date(0) }, 'v')).toThrow('v.a must be JSON (got an object)');
    expect(() => json(2)({ a: { b: { c: {} } } }, 'v')).toThrow('nests deeper than 2 levels');
  });

  it('parseTaskRecord() takes core’s record and refuses broken ones', () => {
    expect(parseTaskRecord(taskRecord(), 'r')).toEqual(taskRecord());
    expect(() => parseTaskRecord({ ...taskRecord(), state: 'paused' }, 'r')).toThrow('r.state is not what a task record holds');
    expect(() => parseTaskRecord({ ...taskRecord(), request: { ...taskRecord().request, provider: 'midjourney' } }, 'r')).toThrow('r.request.provider');
    expect(() => parseTaskRecord({ ...taskRecord(), resume: { blob: 'x'.repeat(40_000) } }, 'r')).toThrow('a task record may have at most 32000');
  });

  it('shares its limits and task states with core', () => {
    expect(TASK_STATES).toEqual(CORE_TASK_STATES);
    expect([PROTOCOL_MAX_IMAGES, PROTOCOL_MAX_BYTES]).toEqual([MAX_IMAGES, MAX_IMAGE_BYTES]);
    expect(PROVIDER_IDS).toEqual(['placeholder', 'openai', 'kie']);
    expect(Object.keys(ERROR_KINDS)).toHaveLength(12);
  });
});
