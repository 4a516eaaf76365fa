import { describe, expect, it } from 'vitest';
import type { FileIdentity } from '../src/main/file-identity';
import { createPendingStore } from '../src/main/pending-tasks';
import { createSession } from '../src/main/session-claims';
import { FakeClientStorage } from './fakes/fake-client-storage';
import { taskRecord } from './support/builders';
import { TEST_NOW } from './support/open-plugin';

const landingPage: FileIdentity = { id: 'file-landing', name: () => 'Landing page', keep: () => undefined, adopt: () => undefined };

function storeOf(storage: FakeClientStorage, sessionId: string): ReturnType<typeof createPendingStore> {
  return createPendingStore(storage, { file: landingPage, session: createSession(storage, sessionId, () => TEST_NOW) });
}

describe('claiming a task', () => {
  it('decides on the list as stored when claiming: a claim another window wrote since the look-up holds, unless that window is gone', async () => {
    const storage = new FakeClientStorage();
    const [a, b] = [storeOf(storage, 'window-a'), storeOf(storage, 'window-b')];
    // B looked (nothing claimed yet); meanwhile A accepted the task, which claims it.
    await a.save({ placeholderId: null, record: taskRecord() });
    expect(await b.claim(['task-1'], new Set())).toEqual(new Set());
    expect(await b.claim(['task-1'], new Set(['window-a']))).toEqual(new Set(['task-1']));
    expect((await b.tasks()).map((task) => task.claimedBy)).toEqual(['window-b']);
  });
});
