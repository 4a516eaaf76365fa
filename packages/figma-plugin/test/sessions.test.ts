import { describe, expect, it } from 'vitest';
import { FILE_ID_KEY } from '../src/main/file-identity';
import { waitingInFileNotice } from '../src/protocol/waiting-elsewhere';
import { FakeClientStorage } from './fakes/fake-client-storage';
import { pngBytes } from './fakes/image-bytes';
import { provenanceFor, taskRecord } from './support/builders';
import { openClockedSession, type ClockedSession } from './support/clocked-session';
import { TEST_NOW } from './support/open-plugin';

// One user, several plugin windows (other files, or the same file twice), one clientStorage: which
// window collects a task, and which clears a placeholder whose run was cut short.

const SECOND = 1_000;
const DAY = 24 * 60 * 60 * SECOND;

/**
 * clientStorage whose reads take a moment to come back, as Figma's do (they cross to the host):
 * long enough for another window's write to land between a read and the write that follows it.
 */
class SlowStorage extends FakeClientStorage {
  override async getAsync(key: string): Promise<unknown> {
    const value = await super.getAsync(key);
    await new Promise((resolve) => setTimeout(resolve, 2));
    return value;
  }
}

/** A session on a new file of this name, sharing `storage` with earlier sessions when given. */
function fileNamed(name: string, ms: number, storage?: ClockedSession['storage']): ClockedSession {
  const session = openClockedSession(ms, storage ? { storage } : {});
  session.figma.root.name = name;
  return session;
}

/** The same file (and user) opened again in another window, or later. */
function reopen(earlier: ClockedSession, ms: number): ClockedSession {
  return openClockedSession(ms, { storage: earlier.storage, document: earlier.document });
}

async function placeholderIn(session: ClockedSession): Promise<FrameNode> {
  const { placeholderId } = await session.ui$.request('start-generation', { prompt: 'A harbour', mode: 'generate', sourceNodeIds: [], size: null, resolution: '1K' });
  const node = await session.figma.getNodeByIdAsync(placeholderId);
  if (!node || node.type !== 'FRAME') throw new Error(`no placeholder ${placeholderId}`);
  return node;
}

async function acceptedIn(session: ClockedSession, id = 'task-1'): Promise<FrameNode> {
  const placeholder = await placeholderIn(session);
  await session.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord({ id }) });
  return placeholder;
}

const storedTaskIds = async (session: ClockedSession): Promise<unknown[]> =>
  ((await session.storage.getAsync('pending-tasks')) as { record: { id: string } }[] | undefined ?? []).map((task) => task.record.id);

describe('two open windows of one user', () => {
  it('a window on another file is not handed a task the first window is collecting, nor told it waits', async () => {
    const a = fileNamed('Landing page', 0);
    await acceptedIn(a);
    const b = fileNamed('Pricing', 0, a.storage);
    expect(await b.ui$.request('ready', {})).toMatchObject({ pendingTasks: [], waitingElsewhere: [] });
  });

  it('a second window on the same file neither collects the first one’s task nor removes its running placeholder', async () => {
    const a = fileNamed('Landing page', 0);
    const accepted = await acceptedIn(a);
    const running = await placeholderIn(a);
    const b = reopen(a, 0);
    expect((await b.ui$.request('ready', {})).pendingTasks).toEqual([]);
    expect((await b.ui$.request('remove-interrupted-placeholders', {})).notice).toBeNull();
    expect([accepted.removed, running.removed]).toEqual([false, false]);
    expect(await a.storage.getAsync('started-generations')).toHaveLength(1);
  });

  it('two windows accepting tasks at the same moment both keep theirs', async () => {
    const a = fileNamed('Landing page', 0, new SlowStorage());
    const b = fileNamed('Pricing', 0, a.storage);
    const [pa, pb] = [await placeholderIn(a), await placeholderIn(b)];
    await Promise.all([
      a.ui$.request('task-accepted', { placeholderId: pa.id, record: taskRecord({ id: 'task-a' }) }),
      b.ui$.request('task-accepted', { placeholderId: pb.id, record: taskRecord({ id: 'task-b' }) }),
    ]);
    expect((await storedTaskIds(a)).sort()).toEqual(['task-a', 'task-b']);
  });
});

describe('claims', () => {
  it('a window whose heartbeat stopped more than 90 s ago (Figma crashed) no longer holds its task: the next window on that file collects it', async () => {
    const a = fileNamed('Landing page', 0);
    const placeholder = await acceptedIn(a);
    expect((await reopen(a, 89 * SECOND).ui$.request('ready', {})).pendingTasks).toEqual([]);
    expect((await reopen(a, 91 * SECOND).ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord() }]);
  });

  it('a crashed window’s heartbeat is cleared by a later window; a live one’s is not', async () => {
    const crashed = fileNamed('Landing page', 0);
    await placeholderIn(crashed);
    await placeholderIn(fileNamed('Pricing', 60 * SECOND, crashed.storage));
    const later = fileNamed('Blog', 100 * SECOND, crashed.storage);
    await placeholderIn(later);
    const heartbeats = await Promise.all((await crashed.storage.keysAsync()).filter((key) => key.startsWith('session:')).map((key) => crashed.storage.getAsync(key)));
    const at = (ms: number): { heartbeatAt: string } => ({ heartbeatAt: new Date(TEST_NOW.getTime() + ms).toISOString() });
    expect(heartbeats).toEqual(expect.arrayContaining([at(60 * SECOND), at(100 * SECOND)]));
    expect(heartbeats).toHaveLength(2);
  });

  it('the heartbeat, every 30 s, keeps a claim alive', async () => {
    const a = fileNamed('Landing page', 0);
    const placeholder = await acceptedIn(a);
    a.at(60 * SECOND);
    await a.beat();
    expect((await reopen(a, 149 * SECOND).ui$.request('ready', {})).pendingTasks).toEqual([]);
    expect((await reopen(a, 151 * SECOND).ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord() }]);
  });

  it('closing releases the claims at once: the next window collects the task and clears the interrupted placeholder', async () => {
    const a = fileNamed('Landing page', 0);
    const accepted = await acceptedIn(a);
    const interrupted = await placeholderIn(a);
    a.close();
    const b = reopen(a, SECOND);
    expect((await b.ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: accepted.id, record: taskRecord() }]);
    expect((await b.ui$.request('remove-interrupted-placeholders', {})).notice).toMatch(/^An earlier generation was interrupted/);
    expect([accepted.removed, interrupted.removed]).toEqual([false, true]);
  });
});

describe('a task is collected in the file it was started in', () => {
  it('another file leaves it and names the file; opened there, the result fills its placeholder', async () => {
    const x = fileNamed('Landing page', 0);
    const placeholder = await acceptedIn(x);
    x.close();
    const y = fileNamed('Pricing', 0, x.storage);
    expect(await y.ui$.request('ready', {})).toMatchObject({ pendingTasks: [], waitingElsewhere: [{ fileName: 'Landing page', count: 1 }] });
    y.close();

    const again = reopen(x, 0);
    expect((await again.ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord() }]);
    const { nodeId } = await again.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(64, 64), provenance: provenanceFor('A harbour', [], 'task-1'), edited: null });
    expect(nodeId).toBe(placeholder.id);
    expect(await again.storage.getAsync('pending-tasks')).toBeUndefined();
  });

  it('tells the waiting results per file, in one sentence each', async () => {
    const x = fileNamed('Landing page', 0);
    await acceptedIn(x, 'task-1');
    await acceptedIn(x, 'task-2');
    x.close();
    const z = fileNamed('Pricing', 0, x.storage);
    await acceptedIn(z, 'task-3');
    z.close();
    const { waitingElsewhere } = await fileNamed('Blog', 0, x.storage).ui$.request('ready', {});
    expect(waitingElsewhere.map(waitingInFileNotice)).toEqual([
      '2 results are waiting in “Landing page”; open that file to collect them.',
      '1 result is waiting in “Pricing”; open that file to collect it.',
    ]);
  });

  it('a task whose placeholder is gone lands in its own file’s viewport, not in another file', async () => {
    const x = fileNamed('Landing page', 0);
    (await acceptedIn(x)).remove();
    x.close();
    expect((await fileNamed('Pricing', 0, x.storage).ui$.request('ready', {})).pendingTasks).toEqual([]);
    expect((await reopen(x, 0).ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: null, record: taskRecord() }]);
  });

  it('a task whose placeholder is here is collected here even when the file’s id was undone away with the first placeholder’s step', async () => {
    const x = fileNamed('Landing page', 0);
    const placeholder = await acceptedIn(x);
    x.close();
    x.figma.root.setPluginData(FILE_ID_KEY, '');
    expect((await reopen(x, 0).ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord() }]);
  });

  it('a file whose id was undone away takes it back from one of its placeholders still waiting, and collects both tasks', async () => {
    const x = fileNamed('Landing page', 0);
    const kept = await acceptedIn(x, 'task-1');
    const fileId = x.figma.root.getPluginData(FILE_ID_KEY);
    // The document loses the id while one of the file's placeholders still waits (and another
    // task's placeholder is gone): that placeholder is the evidence whose id this file is.
    const undone = await acceptedIn(x, 'task-2');
    undone.remove();
    x.figma.root.setPluginData(FILE_ID_KEY, '');
    x.close();
    const again = reopen(x, 0);
    const ready = await again.ui$.request('ready', {});
    expect(ready.pendingTasks.map((task) => [task.placeholderId, task.record.id])).toEqual([[kept.id, 'task-1'], [null, 'task-2']]);
    expect(ready.waitingElsewhere).toEqual([]);
    // The id taken back is written with the result, in its undo step.
    await again.ui$.request('place-result', { placeholderId: kept.id, bytes: pngBytes(64, 64), provenance: provenanceFor('A harbour', [], 'task-1'), edited: null });
    expect(again.figma.root.getPluginData(FILE_ID_KEY)).toBe(fileId);
  });

  it('a new file named like one with results waiting ("Untitled") never takes that file’s results', async () => {
    const x = fileNamed('Untitled', 0);
    await acceptedIn(x);
    x.close();
    const y = fileNamed('Untitled', 0, x.storage);
    expect(await y.ui$.request('ready', {})).toMatchObject({ pendingTasks: [], waitingElsewhere: [{ fileName: 'Untitled', count: 1 }] });
    expect(y.figma.root.getPluginData(FILE_ID_KEY)).toBe('');
    expect(await storedTaskIds(x)).toEqual(['task-1']);
  });

  it('a file without an id is not guessed to be one of two files of its name that have results waiting', async () => {
    const x = fileNamed('Landing page', 0);
    await acceptedIn(x, 'task-1');
    x.close();
    const y = fileNamed('Landing page', 0, x.storage);
    await acceptedIn(y, 'task-2');
    y.close();
    const z = fileNamed('Landing page', 0, x.storage);
    expect(await z.ui$.request('ready', {})).toMatchObject({ pendingTasks: [], waitingElsewhere: [{ fileName: 'Landing page', count: 1 }, { fileName: 'Landing page', count: 1 }] });
  });

  it('a task of another file is announced for 30 days after it was accepted, then no more, and is still collected in its file', async () => {
    const x = fileNamed('Landing page', 0);
    const placeholder = await acceptedIn(x);
    x.close();
    expect((await fileNamed('Pricing', 29 * DAY, x.storage).ui$.request('ready', {})).waitingElsewhere).toEqual([{ fileName: 'Landing page', count: 1 }]);
    expect((await fileNamed('Blog', 31 * DAY, x.storage).ui$.request('ready', {})).waitingElsewhere).toEqual([]);
    expect(await storedTaskIds(x)).toEqual(['task-1']);
    expect((await reopen(x, 31 * DAY).ui$.request('ready', {})).pendingTasks).toEqual([{ placeholderId: placeholder.id, record: taskRecord() }]);
  });

  it('the file’s id is written on the document in the placeholder’s own undo step, and named in what is stored', async () => {
    const x = fileNamed('Landing page', 0);
    const before = x.undo.checkpoints.length;
    const placeholder = await acceptedIn(x);
    const fileId = x.figma.root.getPluginData(FILE_ID_KEY);
    expect(fileId).toMatch(/.+/);
    // One step opened (the placeholder's), whose checkpoint before it has no id yet: no step of its own.
    expect(x.undo.checkpoints.slice(before).map((checkpoint) => JSON.parse(checkpoint).pluginData)).toEqual([undefined]);
    expect(await x.storage.getAsync('pending-tasks')).toEqual([
      { placeholderId: placeholder.id, record: taskRecord(), fileId, fileName: 'Landing page', claimedBy: expect.any(String) },
    ]);
  });
});

describe('notes of runs cut short, by file', () => {
  it('another file’s note is kept whatever its age; that file clears its placeholder when opened', async () => {
    const x = fileNamed('Landing page', 0);
    const placeholder = await placeholderIn(x);
    x.close();
    const y = fileNamed('Pricing', 31 * DAY, x.storage);
    expect((await y.ui$.request('remove-interrupted-placeholders', {})).notice).toBeNull();
    y.close();
    const again = reopen(x, 32 * DAY);
    expect((await again.ui$.request('remove-interrupted-placeholders', {})).notice).toMatch(/^An earlier generation was interrupted/);
    expect(placeholder.removed).toBe(true);
  });

  it('this file’s note that matches no placeholder is kept 30 days (a redo can bring it back), then dropped', async () => {
    const x = fileNamed('Landing page', 0);
    (await placeholderIn(x)).remove();
    x.close();
    expect((await reopen(x, 29 * DAY).ui$.request('remove-interrupted-placeholders', {})).notice).toBeNull();
    expect(await x.storage.getAsync('started-generations')).toHaveLength(1);
    expect((await reopen(x, 31 * DAY).ui$.request('remove-interrupted-placeholders', {})).notice).toBeNull();
    expect(await x.storage.getAsync('started-generations')).toBeUndefined();
  });
});

describe('entries an earlier version stored (no file, no claim)', () => {
  it('are still read: a task is collected, into its placeholder when it is here; a note clears its placeholder', async () => {
    const x = fileNamed('Landing page', 0);
    const accepted = await acceptedIn(x, 'task-old');
    const interrupted = await placeholderIn(x);
    x.close();
    await x.storage.setAsync('pending-tasks', [{ placeholderId: accepted.id, record: taskRecord({ id: 'task-old' }) }, { placeholderId: null, record: taskRecord({ id: 'task-lost' }) }]);
    await x.storage.setAsync('started-generations', [{ placeholderId: interrupted.id, startedAt: JSON.parse(interrupted.getSharedPluginData('gpt_image', 'placeholder')).startedAt }]);
    const again = reopen(x, 0);
    expect((await again.ui$.request('ready', {})).pendingTasks).toEqual([
      { placeholderId: accepted.id, record: taskRecord({ id: 'task-old' }) },
      { placeholderId: null, record: taskRecord({ id: 'task-lost' }) },
    ]);
    expect((await again.ui$.request('remove-interrupted-placeholders', {})).notice).toMatch(/^An earlier generation was interrupted/);
    expect(interrupted.removed).toBe(true);
  });
});
