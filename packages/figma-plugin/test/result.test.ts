import { describe, expect, it, vi } from 'vitest';
import { HISTORY_KEY } from '../src/main/history';
import { FILE_ID_KEY } from '../src/main/file-identity';
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
      edited: 'node',
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
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: jpegBytes(1536, 1024), provenance: provenanceFor('a fox', []), edited: 'none' });
    expect({ x: placeholder.x, y: placeholder.y, width: placeholder.width, height: placeholder.height }).toEqual({ x, y, width: 1536, height: 1024 });
  });

  it('writes the provenance as shared plugin data and the relaunch buttons, and clears the placeholder marks', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const reference = frame(session.figma, { x: 0, y: 500, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id, reference.id]);
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    const provenance = provenanceFor('make the sky stormy', [source.id, reference.id]);
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance, edited: 'node' });
    expect(sharedData(placeholder)).toEqual({
      prompt: 'make the sky stormy',
      options: JSON.stringify(provenance.options),
      provider: 'kie',
      model: 'gpt-image-2',
      taskId: 'task-1',
      cost: JSON.stringify({ amount: 6, unit: 'credits', estimate: false }),
      sourceNodeIds: JSON.stringify([source.id, reference.id]),
      createdAt: TEST_NOW.toISOString(),
      fileId: session.figma.root.getPluginData(FILE_ID_KEY),
      edited: 'node',
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
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('x', [source.id]), edited: 'node' });
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
    await session.ui$.request('place-result', { placeholderId: first.id, bytes: pngBytes(300, 200), provenance: provenanceFor('one', [source.id]), edited: 'node' });
    const afterFirst = session.undo.current();
    await session.ui$.request('place-result', { placeholderId: second.id, bytes: pngBytes(300, 200), provenance: provenanceFor('two', [source.id]), edited: 'node' });
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
    const answer = session.ui$.request('place-result', { placeholderId: placeholder.id, bytes, provenance: provenanceFor('x', [source.id]), edited: 'node' });
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
    const answer = await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(600, 400), provenance: provenanceFor('x', [source.id]), edited: 'node' });
    const result = await frameById(session, answer.nodeId);
    expect({ x: result.x, y: result.y, width: result.width, height: result.height }).toEqual({ x: 340, y: 0, width: 300, height: 200 });
  });
});

describe('placing a result the user is no longer looking at', () => {
  it('fills the placeholder on its own page and selects it there when the user switched pages', async () => {
    const session = openPlugin();
    const pageA = session.figma.currentPage;
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id]);
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    const pageB = session.figma.createPage();
    await session.figma.setCurrentPageAsync(pageB);
    const elsewhere = frame(session.figma, { name: 'Elsewhere', x: 0, y: 0 });
    pageB.selection = [elsewhere];
    const answer = await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('x', [source.id]), edited: 'node' });
    expect(answer.nodeId).toBe(placeholder.id);
    expect(placeholder.parent).toBe(pageA);
    expect(placeholder.fills).toEqual([expect.objectContaining({ type: 'IMAGE' })]);
    expect(pageA.selection).toEqual([placeholder]);
    expect(pageB.selection).toEqual([elsewhere]);
    expect(session.figma.currentPage).toBe(pageB);
    expect(session.viewport.scrolledTo).toEqual([]);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
    expect(await session.storage.getAsync(HISTORY_KEY)).toHaveLength(1);
    // As in Figma, the page in view cannot select another page's node.
    expect(() => (pageB.selection = [placeholder])).toThrow('can only include nodes in that page');
  });

  it('still counts as placed, forgotten and remembered once, when showing the result fails', async () => {
    const session = openPlugin();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id]);
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    session.viewport.scrollAndZoomIntoView = () => {
      throw new Error('the viewport is gone');
    };
    const answer = await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('x', [source.id]), edited: 'node' });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('the viewport is gone'));
    errors.mockRestore();
    expect(answer).toEqual({ nodeId: placeholder.id, historyId: expect.any(String) });
    expect(session.notifications).toEqual([]);
    expect(await session.storage.getAsync('pending-tasks')).toBeUndefined();
    expect(await session.storage.getAsync(HISTORY_KEY)).toHaveLength(1);
  });

  it('keeps a resumed result’s source ids, which the UI no longer has, from its placeholder', async () => {
    const first = openPlugin();
    const source = frame(first.figma, { x: 0, y: 0, width: 300, height: 200 });
    const reference = frame(first.figma, { x: 0, y: 500, width: 300, height: 200 });
    const placeholder = await startGeneration(first, [source.id, reference.id]);
    await first.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    first.close();
    const session = openPlugin({ document: first.document, storage: first.storage });
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('make it blue', []), edited: null });
    expect(sharedData(placeholder)['sourceNodeIds']).toBe(JSON.stringify([source.id, reference.id]));
    const history: unknown = await session.storage.getAsync(HISTORY_KEY);
    expect(history).toEqual([expect.objectContaining({ provenance: expect.objectContaining({ sourceNodeIds: [source.id, reference.id] }) })]);
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
    await session.ui$.request('fail-generation', { placeholderId: source.id, taskId: null, message: 'nope' });
    expect(source.removed).toBe(false);
    expect(session.figma.currentPage.children).toEqual([source]);
  });

  it('a failed generation removes the placeholder and tells the user in Figma', async () => {
    const session = openPlugin();
    const placeholder = await startGeneration(session, []);
    await session.ui$.request('fail-generation', { placeholderId: placeholder.id, taskId: null, message: 'The provider refused the prompt.' });
    expect(placeholder.removed).toBe(true);
    expect(session.notifications).toEqual([{ message: 'The provider refused the prompt.', error: true }]);
  });
});
