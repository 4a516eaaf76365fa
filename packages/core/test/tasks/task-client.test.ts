import { describe, expect, it } from 'vitest';
import {
  GptImageError,
  Interrupted,
  TaskClient,
  prepareRequestOrThrow,
  type ProviderResult,
  type ProviderRuntime,
  type TaskContext,
  type TaskEvent,
  type TaskRecord,
} from '../../src/index';

const KEY = 'sk-task-client-secret-0123456789';
const request = prepareRequestOrThrow({ prompt: 'a fox', aspectRatio: '16:9', resolution: '1K' }, 'kie');
const result: ProviderResult = { bytes: new Uint8Array([1]), width: 1280, height: 720, format: 'png', actualCost: { amount: 6, unit: 'credits', estimate: false }, providerTaskId: 't-1' };

/** A provider scripted step by step, standing in for the network ones. */
function scripted(steps: (ctx: TaskContext) => Promise<ProviderResult>, onResume?: (ctx: TaskContext) => Promise<ProviderResult>): ProviderRuntime & { runs: number; resumes: number } {
  const provider = {
    id: 'kie' as const,
    resumable: true,
    runs: 0,
    resumes: 0,
    async run(_: unknown, ctx: TaskContext) {
      provider.runs++;
      return steps(ctx);
    },
    async resume(_: unknown, __: unknown, ctx: TaskContext) {
      provider.resumes++;
      if (!onResume) throw new Error('no resume');
      return onResume(ctx);
    },
  };
  return provider;
}

function client(provider: ProviderRuntime, saved: TaskRecord[]) {
  return new TaskClient({ providers: { kie: provider }, saveRecord: (r) => void saved.push(r), secrets: [KEY], newId: () => 'task-1' });
}

describe('TaskClient', () => {
  it('walks submitted → queued → running → succeeded, saving the record before going on once accepted', async () => {
    const saved: TaskRecord[] = [];
    const provider = scripted(async (ctx) => {
      await ctx.accepted({ taskId: 't-1' });
      // The record with the task id is already saved when accepted() resolves.
      expect(saved.at(-1)?.resume).toEqual({ taskId: 't-1' });
      ctx.progress({ type: 'state', state: 'queued' });
      ctx.progress({ type: 'state', state: 'running' });
      return result;
    });
    const events: TaskEvent[] = [];
    const outcome = await client(provider, saved).run(request, { onEvent: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'state').map((e) => (e.type === 'state' ? e.state : ''))).toEqual(['submitted', 'queued', 'running', 'succeeded']);
    expect(outcome.image).toMatchObject({ width: 1280, height: 720, provider: 'kie', model: 'gpt-image-2', taskId: 't-1', actualCost: { amount: 6 } });
    expect(outcome.record).toMatchObject({ id: 'task-1', state: 'succeeded', resume: { taskId: 't-1' }, error: null });
    expect(outcome.record.request.options.prompt).toBe('a fox');
    expect(JSON.parse(JSON.stringify(outcome.record))).toEqual(outcome.record);
  });

  it('marks a provider verdict failed and keeps the typed error', async () => {
    const saved: TaskRecord[] = [];
    const provider = scripted(async (ctx) => {
      await ctx.accepted({ taskId: 't-1' });
      throw new GptImageError('content_policy', 'refused');
    });
    await expect(client(provider, saved).run(request)).rejects.toMatchObject({ kind: 'content_policy' });
    expect(saved.at(-1)).toMatchObject({ state: 'failed', error: { kind: 'content_policy' } });
  });

  it('leaves an accepted task resumable after an interruption, a timeout or a lost connection', async () => {
    for (const cause of ['interrupt', 'timeout', 'network'] as const) {
      const saved: TaskRecord[] = [];
      const controller = new AbortController();
      const provider = scripted(async (ctx) => {
        await ctx.accepted({ taskId: 't-1' });
        ctx.progress({ type: 'state', state: 'running' });
        if (cause === 'interrupt') {
          controller.abort(new Interrupted());
          throw new GptImageError('cancelled', 'stopped');
        }
        throw new GptImageError(cause, 'gone');
      });
      await expect(client(provider, saved).run(request, { signal: controller.signal })).rejects.toBeInstanceOf(GptImageError);
      expect(saved.at(-1)).toMatchObject({ state: 'running', resume: { taskId: 't-1' }, error: null });
    }
  });

  it('marks a task the user cancelled as cancelled', async () => {
    const saved: TaskRecord[] = [];
    const controller = new AbortController();
    const provider = scripted(async (ctx) => {
      await ctx.accepted({ taskId: 't-1' });
      controller.abort();
      return ctx.clock.sleep(10_000, ctx.signal).then(() => result);
    });
    await expect(client(provider, saved).run(request, { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(saved.at(-1)?.state).toBe('cancelled');
  });

  it('resumes from a record without running again', async () => {
    const saved: TaskRecord[] = [];
    const provider = scripted(
      async (ctx) => {
        await ctx.accepted({ taskId: 't-1' });
        throw new GptImageError('network', 'gone');
      },
      async () => result,
    );
    const tasks = client(provider, saved);
    await expect(tasks.run(request)).rejects.toThrow();
    const record = saved.at(-1);
    if (!record) throw new Error('no record');
    const outcome = await tasks.resume(JSON.parse(JSON.stringify(record)));
    expect(provider.runs).toBe(1);
    expect(provider.resumes).toBe(1);
    expect(outcome.record.state).toBe('succeeded');
    await expect(tasks.resume(outcome.record)).rejects.toThrow(/nothing left to resume/);
  });

  it('scrubs the key from errors and notes, and never puts it in a record', async () => {
    const saved: TaskRecord[] = [];
    const notes: string[] = [];
    const provider = scripted(async (ctx) => {
      await ctx.accepted({ taskId: 't-1' });
      ctx.progress({ type: 'note', message: `retrying with ${KEY}` });
      throw new GptImageError('auth', `Incorrect API key provided: ${KEY}`, { detail: { providerMessage: `key ${KEY}` } });
    });
    const error = await client(provider, saved)
      .run(request, { onEvent: (e) => e.type === 'note' && notes.push(e.message) })
      .catch((e: GptImageError) => e);
    expect(error).toBeInstanceOf(GptImageError);
    const everything = JSON.stringify({ notes, saved, message: (error as GptImageError).message, detail: (error as GptImageError).detail, cause: String((error as GptImageError).cause) });
    expect(everything).not.toContain(KEY);
    expect(everything).toContain('[API key hidden]');
  });

  it('says which provider has no key', async () => {
    const tasks = new TaskClient({ providers: {} });
    await expect(tasks.run(request)).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/KIE_API_KEY/) });
  });
});
