import { describe, expect, it } from 'vitest';
import { FakeClientStorage } from './fakes/fake-client-storage';
import { pngBytes } from './fakes/image-bytes';
import { frame, provenanceFor, taskRecord } from './support/builders';
import { sharedData, startGeneration } from './support/actions';
import { openPlugin, type PluginSession } from './support/open-plugin';
import { storedAs } from './support/stored-entries';

/** Session 1: a generation whose task the provider accepted, then the plugin (or Figma) closes. */
async function acceptedThenClosed(): Promise<{ readonly first: PluginSession; readonly placeholder: FrameNode; readonly sourceId: string }> {
  const first = openPlugin();
  const source = frame(first.figma, { x: 0, y: 0, width: 300, height: 200 });
  const placeholder = await startGeneration(first, [source.id]);
  await first.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord({ id: 'task-7' }) });
  first.close();
  return { first, placeholder, sourceId: source.id };
}

describe('pending tasks survive a restart', () => {
  it('are kept in clientStorage and on the placeholder once the provider accepts them', async () => {
    const session = openPlugin();
    const placeholder = await startGeneration(session, []);
    const record = taskRecord({ id: 'task-3', mode: 'generate' });
    await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record });
    expect(await session.storage.getAsync('pending-tasks')).toEqual([storedAs(session, { placeholderId: placeholder.id, record })]);
    expect(JSON.parse(sharedData(placeholder)['taskRecord'] ?? 'null')).toEqual(record);
  });

  it('after a restart, main hands the pending record to the UI exactly once; placing the result clears it everywhere', async () => {
    const { first, placeholder, sourceId } = await acceptedThenClosed();

    const second = openPlugin({ document: first.document, storage: first.storage });
    const ready = await second.ui$.request('ready', {});
    expect(ready.pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord({ id: 'task-7' }) }]);
    expect((await second.ui$.request('ready', {})).pendingTasks).toEqual([]);

    await second.ui$.request('place-result', {
      placeholderId: placeholder.id,
      bytes: pngBytes(300, 200),
      provenance: provenanceFor('make it blue', [sourceId], 'task-7'),
      edited: null,
    });
    expect(await second.storage.getAsync('pending-tasks')).toBeUndefined();
    expect(placeholder.getSharedPluginData('gpt_image', 'taskRecord')).toBe('');
    expect(placeholder.getSharedPluginData('gpt_image', 'placeholder')).toBe('');
    second.close();

    const third = openPlugin({ document: first.document, storage: first.storage });
    expect((await third.ui$.request('ready', {})).pendingTasks).toEqual([]);
  });

  it('leaves another user’s placeholder alone: it is in the page, not in this user’s store, so it is neither resumed nor removed', async () => {
    const { first, placeholder } = await acceptedThenClosed();
    const collaborator = openPlugin({ document: first.document, storage: new FakeClientStorage() });
    expect((await collaborator.ui$.request('ready', {})).pendingTasks).toEqual([]);
    expect((await collaborator.ui$.request('remove-interrupted-placeholders', {})).notice).toBeNull();
    expect(placeholder.removed).toBe(false);
    // The record stays on the placeholder, with the file, for its owner.
    expect(JSON.parse(sharedData(placeholder)['taskRecord'] ?? 'null')).toEqual(taskRecord({ id: 'task-7' }));
    expect(collaborator.notifications).toEqual([]);
  });

  it('keeps a task whose placeholder is gone, so its paid-for image is not lost; it lands in the viewport', async () => {
    const { first, placeholder } = await acceptedThenClosed();
    placeholder.remove();
    const second = openPlugin({ document: first.document, storage: first.storage, viewportCenter: { x: 5000, y: 5000 } });
    const ready = await second.ui$.request('ready', {});
    expect(ready.pendingTasks).toEqual([{ placeholderId: null, record: taskRecord({ id: 'task-7' }) }]);
    const { nodeId } = await second.ui$.request('place-result', { placeholderId: null, bytes: pngBytes(200, 100), provenance: provenanceFor('x', [], 'task-7'), edited: null });
    const result = await second.figma.getNodeByIdAsync(nodeId);
    expect(result && 'x' in result && [result.x, result.y, result.width, result.height]).toEqual([4900, 4950, 200, 100]);
    expect(await second.storage.getAsync('pending-tasks')).toBeUndefined();
  });

  it('does not resume a task whose result is already in the history (its placeholder came back by an undo)', async () => {
    const { first, placeholder, sourceId } = await acceptedThenClosed();
    const second = openPlugin({ document: first.document, storage: first.storage });
    await second.ui$.request('ready', {});
    const record = placeholder.getSharedPluginData('gpt_image', 'taskRecord');
    const mark = placeholder.getSharedPluginData('gpt_image', 'placeholder');
    await second.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('x', [sourceId], 'task-7'), edited: null });
    second.close();
    // What an undo of the placement restores: the placeholder's marks.
    placeholder.setSharedPluginData('gpt_image', 'taskRecord', record);
    placeholder.setSharedPluginData('gpt_image', 'placeholder', mark);
    const third = openPlugin({ document: first.document, storage: first.storage });
    expect((await third.ui$.request('ready', {})).pendingTasks).toEqual([]);
  });

  it('resumes from this user’s store even when the record on the placeholder is damaged', async () => {
    const { first, placeholder } = await acceptedThenClosed();
    placeholder.setSharedPluginData('gpt_image', 'taskRecord', '{"not":"a record"');
    const second = openPlugin({ document: first.document, storage: first.storage });
    expect((await second.ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord({ id: 'task-7' }) }]);
  });
});
