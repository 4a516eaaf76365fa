import { describe, expect, it } from 'vitest';
import { RequestFailedError } from '../src/protocol/index';
import { pngBytes, jpegBytes, webpBytes } from './fakes/image-bytes';
import { frame, provenanceFor, taskRecord } from './support/builders';
import { frameById, sharedData, startGeneration } from './support/actions';
import { openPlugin, TEST_NOW } from './support/open-plugin';

describe('placing a result', () => {
  it('fills the placeholder with the image: same position, the source’s size for an edit, renamed, selected, scrolled to', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 100, y: 200, width: 320, height: 240 });
    const placeholder = await startGeneration(session, [source.id], { prompt: 'a  stormy\nsky over the hills' });
    const { x, y } = placeholder;
    const answer = await session.ui$.request('place-result', {
      placeholderId: placeholder.id,
      bytes: pngBytes(1024, 768),
      provenance: provenanceFor('a  stormy\nsky over the hills', [source.id]),
    });
    const result = await frameById(session, answer.nodeId);
    expect(result).toBe(placeholder);
    expect({ x: result.x, y: result.y, width: result.width, height: result.height }).toEqual({ x, y, width: 320, height: 240 });
    expect(result.children).toHaveLength(0);
    expect(result.name).toBe('a stormy sky over the hills');
    const fills = result.fills;
    expect(fills).toHaveLength(1);
    const [fill] = Array.isArray(fills) ? fills : [];
    expect(fill).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' });
    expect(fill?.type === 'IMAGE' && fill.imageHash && session.figma.getImageByHash(fill.imageHash)).toBeTruthy();
    expect(session.figma.currentPage.selection).toEqual([result]);
    expect(session.viewport.scrolledTo).toEqual([[result.id]]);
  });

  it('takes the image’s own size for text-only generation (JPEG too)', async () => {
    const session = openPlugin({ viewportCenter: { x: 0, y: 0 } });
    const placeholder = await startGeneration(session, []);
    const { x, y } = placeholder;
    expect([placeholder.width, placeholder.height]).toEqual([1280, 1280]);
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: jpegBytes(1536, 1024), provenance: provenanceFor('a fox', []) });
    expect({ x: placeholder.x, y: placeholder.y, width: placeholder.width, height: placeholder.height }).toEqual({ x, y, width: 1536, height: 1024 });
  });

  it('writes the provenance as shared plugin data and the relaunch buttons, and clears the placeholder marks', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const reference = frame(session.figma, { x: 0, y: 500, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id, reference.id]);
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    const provenance = provenanceFor('make the sky stormy', [source.id, reference.id]);
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance });
    expect(sharedData(placeholder)).toEqual({
      prompt: 'make the sky stormy',
      options: JSON.stringify(provenance.options),
      provider: 'kie',
      model: 'gpt-image-2',
      taskId: 'task-1',
      cost: JSON.stringify({ amount: 6, unit: 'credits', estimate: false }),
      sourceNodeIds: JSON.stringify([source.id, reference.id]),
      createdAt: TEST_NOW.toISOString(),
    });
    expect(placeholder.getRelaunchData()).toEqual({
      regenerate: 'Run this prompt again with the same options and images.',
      edit: 'Edit this image with a new prompt.',
    });
  });

  it('is ONE undo step, and the placeholder with its task record is one step before it', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const beforeStart = session.undo.current();
    const placeholder = await startGeneration(session, [source.id]);
    const startCheckpoint = session.undo.checkpoints.length - 1;
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    const waiting = session.undo.current();
    const commitsBefore = session.undo.checkpoints.length;
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('x', [source.id]) });
    const steps = session.undo.checkpoints;
    // Placement is closed on both sides: exactly two commits.
    expect(steps.length - commitsBefore).toBe(2);
    // The first closes the open placeholder step (placeholder + task record together)…
    expect(steps[steps.length - 2]).toBe(waiting);
    // …the second closes the placement, so nothing is left open to merge with later edits.
    expect(steps[steps.length - 1]).toBe(session.undo.current());
    // And the placeholder's step began from the document before Generate.
    expect(steps[startCheckpoint]).toBe(beforeStart);
    expect(steps.slice(startCheckpoint + 1, -2)).toEqual([]);
  });

  it('keeps two results placed one after the other in two separate steps', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const first = await startGeneration(session, [source.id]);
    const second = await startGeneration(session, [source.id]);
    await session.ui$.request('place-result', { placeholderId: first.id, bytes: pngBytes(300, 200), provenance: provenanceFor('one', [source.id]) });
    const afterFirst = session.undo.current();
    await session.ui$.request('place-result', { placeholderId: second.id, bytes: pngBytes(300, 200), provenance: provenanceFor('two', [source.id]) });
    const steps = session.undo.checkpoints;
    expect(steps[steps.length - 2]).toBe(afterFirst);
    expect(steps[steps.length - 1]).toBe(session.undo.current());
  });

  it.each([
    ['WebP', webpBytes(1024, 1024), 'WebP'],
    ['more than 4096 px a side', pngBytes(5000, 100), '5000×100 px'],
    ['not an image', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'not a PNG or JPEG'],
  ])('refuses a result that is %s: the placeholder goes, the error comes back, nothing is placed', async (_, bytes, words) => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id]);
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    const answer = session.ui$.request('place-result', { placeholderId: placeholder.id, bytes, provenance: provenanceFor('x', [source.id]) });
    await expect(answer).rejects.toThrow(RequestFailedError);
    await expect(answer).rejects.toThrow(words);
    expect(placeholder.removed).toBe(true);
    expect(session.figma.currentPage.children).toEqual([source]);
    expect(session.document.images.size).toBe(0);
    expect(session.notifications).toEqual([{ message: expect.stringContaining(words), error: true }]);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
  });

  it('places a new frame beside the source when the placeholder was deleted meanwhile', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id]);
    placeholder.remove();
    const answer = await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(600, 400), provenance: provenanceFor('x', [source.id]) });
    const result = await frameById(session, answer.nodeId);
    expect({ x: result.x, y: result.y, width: result.width, height: result.height }).toEqual({ x: 340, y: 0, width: 300, height: 200 });
  });
});

describe('cancel and failure', () => {
  it('cancel removes the placeholder and forgets the task', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0 });
    const placeholder = await startGeneration(session, [source.id]);
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    expect(await session.storage.getAsync('pending-tasks')).toHaveLength(1);
    await session.ui$.request('cancel-generation', { placeholderId: placeholder.id });
    expect(placeholder.removed).toBe(true);
    expect(session.figma.currentPage.children).toEqual([source]);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
  });

  it('never removes a node that is not one of its placeholders', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0 });
    await session.ui$.request('cancel-generation', { placeholderId: source.id });
    await session.ui$.request('fail-generation', { placeholderId: source.id, message: 'nope' });
    expect(source.removed).toBe(false);
    expect(session.figma.currentPage.children).toEqual([source]);
  });

  it('a failed generation removes the placeholder and tells the user in Figma', async () => {
    const session = openPlugin();
    const placeholder = await startGeneration(session, []);
    await session.ui$.request('fail-generation', { placeholderId: placeholder.id, message: 'The provider refused the prompt.' });
    expect(placeholder.removed).toBe(true);
    expect(session.notifications).toEqual([{ message: 'The provider refused the prompt.', error: true }]);
  });
});

describe('relaunch buttons', () => {
  async function placedResult(): Promise<{ readonly session: ReturnType<typeof openPlugin>; readonly result: FrameNode; readonly sourceId: string }> {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id]);
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('make it blue', [source.id]) });
    session.close();
    return { session, result: placeholder, sourceId: source.id };
  }

  it.each(['regenerate', 'edit'] as const)('started with "%s", main sends the selected result’s provenance to prefill the UI', async (command) => {
    const { session: first, result, sourceId } = await placedResult();
    const session = openPlugin({ document: first.document, storage: first.storage, command });
    session.figma.currentPage.selection = [result];
    const ready = await session.ui$.request('ready', {});
    expect(ready.command).toBe(command);
    expect(ready.prefill).toEqual({ command, resultNodeId: result.id, provenance: provenanceFor('make it blue', [sourceId]) });
  });

  it('started from the menu, nothing is prefilled', async () => {
    const { session: first, result } = await placedResult();
    const session = openPlugin({ document: first.document, storage: first.storage });
    session.figma.currentPage.selection = [result];
    expect(await session.ui$.request('ready', {})).toMatchObject({ command: 'open', prefill: null });
  });
});
