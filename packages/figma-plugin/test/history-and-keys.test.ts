import { describe, expect, it } from 'vitest';
import { createHistoryStore, HISTORY_BUDGET_BYTES, MAX_HISTORY_ENTRIES, type StoredHistoryEntry } from '../src/main/history';
import { FakeClientStorage } from './fakes/fake-client-storage';
import { FakeDocument } from './fakes/fake-document';
import { pngBytes, readImageHeader } from './fakes/image-bytes';
import { frame, provenanceFor } from './support/builders';
import { sharedData, startGeneration } from './support/actions';
import { openPlugin } from './support/open-plugin';

describe('history', () => {
  it('remembers each placed result with a small thumbnail, and places it again in the viewport’s centre', async () => {
    const session = openPlugin({ viewportCenter: { x: 1000, y: 1000 } });
    const source = frame(session.figma, { x: 0, y: 0, width: 300, height: 200 });
    const placeholder = await startGeneration(session, [source.id]);
    const { historyId } = await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(600, 400), provenance: provenanceFor('make it blue', [source.id]), edited: 'node' });
    const { entries } = await session.ui$.request('list-history', {});
    expect(entries).toEqual([expect.objectContaining({ id: historyId, prompt: 'make it blue', provider: 'kie', width: 600, height: 400, available: true })]);
    expect(entries[0]?.thumbnail && readImageHeader(entries[0].thumbnail)).toEqual({ format: 'PNG', width: 96, height: 64 });

    const { nodeId } = await session.ui$.request('place-again', { entryId: historyId ?? '' });
    const again = await session.figma.getNodeByIdAsync(nodeId);
    if (!again || again.type !== 'FRAME') throw new Error('not placed');
    expect([again.x, again.y, again.width, again.height]).toEqual([700, 800, 600, 400]);
    expect(again.fills).toEqual(placeholder.fills);
    expect(sharedData(again)).toEqual(sharedData(placeholder));
    expect(session.figma.currentPage.selection).toEqual([again]);
  });

  it('marks entries whose image is not in this file, and refuses to place them', async () => {
    const first = openPlugin();
    const placeholder = await startGeneration(first, []);
    const { historyId } = await first.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(64, 64), provenance: provenanceFor('x', []), edited: 'none' });
    first.close();
    const otherFile = openPlugin({ storage: first.storage, document: new FakeDocument() });
    expect((await otherFile.ui$.request('list-history', {})).entries.map((e) => e.available)).toEqual([false]);
    await expect(otherFile.ui$.request('place-again', { entryId: historyId ?? '' })).rejects.toThrow('not in this file any more');
  });

  it('stays within its budget (well under the 5 MB quota), dropping the oldest entries', async () => {
    const storage = new FakeClientStorage();
    const history = createHistoryStore(storage);
    const entry = (i: number): StoredHistoryEntry => ({
      id: `e${i}`, imageHash: `hash${i}`, width: 1024, height: 1024, thumbnail: new Uint8Array(150_000), provenance: provenanceFor(`prompt ${i}`, []),
    });
    for (let i = 0; i < 40; i++) await history.add(entry(i));
    const kept = await history.list();
    expect(storage.usedBytes()).toBeLessThanOrEqual(HISTORY_BUDGET_BYTES + 1_000);
    expect(storage.usedBytes()).toBeLessThan(4 * 1024 * 1024);
    expect(kept[0]?.id).toBe('e39');
    expect(kept.length).toBeLessThan(40);
    expect(kept.map((e) => e.id)).toEqual(Array.from({ length: kept.length }, (_, i) => `e${39 - i}`));
  });

  it('keeps at most 200 entries however small', async () => {
    const history = createHistoryStore(new FakeClientStorage());
    for (let i = 0; i < MAX_HISTORY_ENTRIES + 5; i++) {
      await history.add({ id: `e${i}`, imageHash: 'h', width: 1, height: 1, thumbnail: null, provenance: provenanceFor('p', []) });
    }
    expect(await history.list()).toHaveLength(MAX_HISTORY_ENTRIES);
  });
});

describe('API keys', () => {
  it('are stored per provider in clientStorage, with a plain sentence that they are stored unencrypted on this computer', async () => {
    const session = openPlugin();
    expect(await session.ui$.request('read-key', { provider: 'kie' })).toEqual({ key: null, storageNote: expect.stringContaining('unencrypted on this computer') });
    const stored = await session.ui$.request('store-key', { provider: 'kie', key: '  kie-123  ' });
    expect(stored.storageNote).toMatch(/^Your API key is stored unencrypted on this computer/);
    expect(await session.storage.getAsync('api-key:kie')).toBe('kie-123');
    expect(await session.ui$.request('read-key', { provider: 'kie' })).toMatchObject({ key: 'kie-123' });
    expect(await session.ui$.request('read-key', { provider: 'openai' })).toMatchObject({ key: null });
    await session.ui$.request('delete-key', { provider: 'kie' });
    expect(await session.storage.keysAsync()).toEqual([]);
  });

  it('refuses an empty key', async () => {
    const session = openPlugin();
    await expect(session.ui$.request('store-key', { provider: 'openai', key: '   ' })).rejects.toThrow('The key is empty');
  });
});
