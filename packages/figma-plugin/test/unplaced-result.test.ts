import { Interrupted, TaskClient, canResume, createKieProvider } from '@gpt-image/core';
import { startFakeServer, type FakeServer } from '@gpt-image/core/fake-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTaskRecord, type TaskRecordJson } from '../src/protocol/task-record-check';
import { INITIAL_FORM, type FormState } from '../src/ui/logic/form-state';
import { prepareForFigma } from '../src/ui/logic/request-input';
import { resumeNotice, resumePending } from '../src/ui/logic/resume-pending';
import { sizeChoice } from '../src/ui/logic/size-choice';
import type { ClientSetup } from '../src/ui/logic/task-client-for';
import { startGeneration } from './support/actions';
import { openPlugin } from './support/open-plugin';

// A result collected for a task kept at the provider, which main then refuses to place: main has
// already forgotten the task, so the UI's copy of the bytes is the only one left of a paid image.

const KIE_KEY = 'sk-kie-unplaced-result-0123456789';
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer();
});
afterAll(async () => {
  await fake?.close();
});

describe('a collected result main refuses to place', () => {
  it('comes back with its bytes, for the user to save, and main has forgotten the task', async () => {
    const session = openPlugin();
    await session.ui$.request('store-key', { provider: 'kie', key: KIE_KEY });
    const setup: Omit<ClientSetup, 'keys' | 'saveRecord'> = {
      fetch: (input, init) => globalThis.fetch(input, init),
      endpoints: { openaiBaseUrl: fake.openaiBaseUrl, kieBaseUrl: fake.kieBaseUrl, uploadBaseUrl: fake.uploadBaseUrl },
    };
    // As an earlier session left it: the run stopped (as on closing) the moment kie accepted the task.
    fake.setScenario({ kie: { queuingMs: 0, generatingMs: 0 } });
    const form: FormState = { ...INITIAL_FORM, prompt: 'A harbour in the rain', provider: 'kie', aspect: '1:1' };
    const prepared = prepareForFigma(form, sizeChoice(form, null), []);
    if (!prepared.ok) throw new Error(prepared.problems.join('; '));
    const placeholder = await startGeneration(session, []);
    const stop = new AbortController();
    let record: TaskRecordJson | null = null;
    const client = new TaskClient({
      providers: { kie: createKieProvider({ apiKey: KIE_KEY, baseUrl: fake.kieBaseUrl, uploadBaseUrl: fake.uploadBaseUrl }) },
      saveRecord: (saved) => {
        if (record || !canResume(saved)) return;
        record = parseTaskRecord(saved, 'record');
        stop.abort(new Interrupted());
      },
    });
    await client.run(prepared.request, { signal: stop.signal }).catch(() => undefined);
    if (!record) throw new Error('kie accepted no task');
    const task = { placeholderId: placeholder.id, record };
    await session.ui$.request('task-accepted', task);

    fake.setScenario({});
    session.figma.createImage = () => {
      throw new Error('Image could not be decoded');
    };
    const outcome = await resumePending(session.ui$, setup, task);
    if (outcome.kind !== 'unplaced') throw new Error(`expected the image back, got ${JSON.stringify(outcome)}`);
    expect(outcome.message).toMatch(/^The image was made but could not be placed on the canvas: .*Image could not be decoded/);
    expect([...outcome.image.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([outcome.image.width, outcome.image.height]).toEqual([1280, 1280]);
    expect(resumeNotice(outcome)).toBe(`An earlier result was collected. ${outcome.message}`);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
    expect(session.figma.currentPage.children).toEqual([]);
  });
});
