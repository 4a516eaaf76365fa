import { describe, expect, it } from 'vitest';
import { referenceScale } from '../src/main/references';
import type { SelectedNode } from '../src/protocol/shapes';
import { itemName, moveItem, withSelection, type SourceItem } from '../src/ui/logic/source-item';
import { readImageHeader } from './fakes/image-bytes';
import { reportSelectionTopmostFirst } from './fakes/unordered-selection';
import { frame } from './support/builders';
import { openPlugin } from './support/open-plugin';

describe('the selection', () => {
  it('is sent once the UI is ready, in Figma’s order when the plugin opens (nothing better is known), with small PNG thumbnails', async () => {
    const session = openPlugin();
    reportSelectionTopmostFirst(session.figma.currentPage);
    const a = frame(session.figma, { name: 'A', x: 0, y: 0, width: 400, height: 300 });
    const b = frame(session.figma, { name: 'B', x: 500, y: 0, width: 50, height: 500 });
    session.figma.currentPage.selection = [a, b];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.received).toEqual([]); // never posted before the UI said it listens
    const selection = session.nextNotification('selection');
    await session.ui$.request('ready', {});
    const { nodes, total } = await selection;
    expect(total).toBe(2);
    expect(nodes.map(({ id, name, width, height }) => ({ id, name, width, height }))).toEqual([
      { id: b.id, name: 'B', width: 50, height: 500 },
      { id: a.id, name: 'A', width: 400, height: 300 },
    ]);
    expect(nodes.map((n) => n.thumbnail && readImageHeader(n.thumbnail))).toEqual([
      { format: 'PNG', width: 10, height: 96 },
      { format: 'PNG', width: 96, height: 72 },
    ]);
  });

  it('keeps the order the user selected in, which Figma does not report', async () => {
    const session = openPlugin();
    const page = session.figma.currentPage;
    reportSelectionTopmostFirst(page);
    const [a, b, c] = (['A', 'B', 'C'] as const).map((name, i) => frame(session.figma, { name, x: i * 200 }));
    if (!a || !b || !c) throw new Error('no frames');
    await session.ui$.request('ready', {});
    await session.nextNotification('selection');
    const select = async (nodes: readonly SceneNode[]): Promise<string[]> => {
      const next = session.nextNotification('selection', (p) => p.total === nodes.length);
      page.selection = nodes;
      return (await next).nodes.map((n) => n.name);
    };
    // Select A, then shift-select B, then C: Figma reports them topmost first (C, B, A).
    expect(await select([a])).toEqual(['A']);
    expect(await select([a, b])).toEqual(['A', 'B']);
    expect(page.selection.map((n) => n.name)).toEqual(['B', 'A']); // what Figma reports
    expect(await select([a, b, c])).toEqual(['A', 'B', 'C']);
    expect(await select([a, c])).toEqual(['A', 'C']);
    expect(await select([a, c, b])).toEqual(['A', 'C', 'B']);
  });

  it('follows the order from the start, before the UI is ready', async () => {
    const session = openPlugin();
    const page = session.figma.currentPage;
    reportSelectionTopmostFirst(page);
    const a = frame(session.figma, { name: 'A' });
    const b = frame(session.figma, { name: 'B' });
    page.selection = [a];
    page.selection = [a, b];
    const selection = session.nextNotification('selection');
    await session.ui$.request('ready', {});
    expect((await selection).nodes.map((n) => n.name)).toEqual(['A', 'B']);
  });

  it('starts afresh on another page: back on the first, its selection is in Figma’s order', async () => {
    const session = openPlugin();
    const first = session.figma.currentPage;
    reportSelectionTopmostFirst(first);
    const a = frame(session.figma, { name: 'A' });
    const b = frame(session.figma, { name: 'B' });
    await session.ui$.request('ready', {});
    first.selection = [a];
    const ordered = session.nextNotification('selection', (p) => p.total === 2);
    first.selection = [a, b];
    expect((await ordered).nodes.map((n) => n.name)).toEqual(['A', 'B']);
    // Figma reports a page change as a selection change; the stub does not, so the test does.
    const other = session.figma.createPage();
    await session.figma.setCurrentPageAsync(other);
    const elsewhere = session.nextNotification('selection', (p) => p.total === 0);
    other.selection = [];
    await elsewhere;
    await session.figma.setCurrentPageAsync(first);
    const back = session.nextNotification('selection', (p) => p.total === 2);
    first.selection = [a, b];
    expect((await back).nodes.map((n) => n.name)).toEqual(['B', 'A']);
  });

  it('follows selection changes, keeping at most 16 nodes and saying how many there were', async () => {
    const session = openPlugin();
    await session.ui$.request('ready', {});
    const nodes = Array.from({ length: 18 }, (_, i) => frame(session.figma, { name: `F${i}`, x: i * 120, y: 0 }));
    const next = session.nextNotification('selection', (p) => p.total === 18);
    session.figma.currentPage.selection = nodes;
    const payload = await next;
    expect(payload.nodes.map((n) => n.name)).toEqual(nodes.slice(0, 16).map((n) => n.name));
  });

  it('stops being reported when the plugin closes', async () => {
    const session = openPlugin();
    await session.ui$.request('ready', {});
    await session.nextNotification('selection');
    const node = frame(session.figma, {});
    const count = session.received.length;
    session.close();
    session.figma.currentPage.selection = [node];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.received).toHaveLength(count);
  });
});

describe('the UI’s list of images', () => {
  const node = (id: string): SelectedNode => ({ id, name: id, type: 'FRAME', width: 100, height: 100, thumbnail: null });
  const file: SourceItem = { kind: 'file', key: 'file:1', name: 'photo.png', bytes: new Uint8Array([1]), mediaType: 'image/png', width: 10, height: 10 };
  const names = (items: readonly SourceItem[]): string[] => items.map(itemName);

  it('lists the first report in main’s order, before the files already added', () => {
    expect(names(withSelection([file], [node('A'), node('B')]))).toEqual(['A', 'B', 'photo.png']);
  });

  it('keeps an order set by hand when the selection changes elsewhere, and adds new nodes after the listed ones', () => {
    const listed = withSelection([file], [node('A'), node('B')]);
    const byHand = moveItem(listed, 1, -1); // B first
    expect(names(withSelection(byHand, [node('A'), node('B'), node('C')]))).toEqual(['B', 'A', 'C', 'photo.png']);
    expect(names(withSelection(byHand, [node('A')]))).toEqual(['A', 'photo.png']);
    // A file moved to the top stays there.
    expect(names(withSelection(moveItem(listed, 2, -2), [node('B'), node('A'), node('C')]))).toEqual(['photo.png', 'A', 'B', 'C']);
  });

  it('takes main’s latest data for a node still listed', () => {
    const [first] = withSelection([], [{ ...node('A'), name: 'Renamed', width: 300 }]);
    expect(withSelection([{ kind: 'node', key: 'node:A', node: node('A') }], [{ ...node('A'), name: 'Renamed', width: 300 }])).toEqual([first]);
  });
});

describe('exporting references', () => {
  it('chooses the scale from the node’s size: longest side at most 2048 px, small nodes at 2×', () => {
    expect(referenceScale(5000, 2500)).toBeCloseTo(2048 / 5000);
    expect(referenceScale(300, 200)).toBe(2);
    expect(referenceScale(1500, 1000)).toBeCloseTo(2048 / 1500);
  });

  it('exports each node as PNG within the limits, in the order asked, as bytes for the UI', async () => {
    const session = openPlugin();
    const big = frame(session.figma, { name: 'Big', width: 5000, height: 2500 });
    const small = frame(session.figma, { name: 'Small', width: 300, height: 200 });
    const { references } = await session.ui$.request('export-references', { nodeIds: [small.id, big.id] });
    expect(references.map(({ nodeId, name, width, height, mediaType }) => ({ nodeId, name, width, height, mediaType }))).toEqual([
      { nodeId: small.id, name: 'Small', width: 600, height: 400, mediaType: 'image/png' },
      { nodeId: big.id, name: 'Big', width: 2048, height: 1024, mediaType: 'image/png' },
    ]);
    expect(references.map((r) => readImageHeader(r.bytes))).toEqual([
      { format: 'PNG', width: 600, height: 400 },
      { format: 'PNG', width: 2048, height: 1024 },
    ]);
  });

  it('says which layer is gone or cannot be exported', async () => {
    const session = openPlugin();
    await expect(session.ui$.request('export-references', { nodeIds: ['42:42'] })).rejects.toThrow('A selected layer (42:42) is no longer in the file');
    await expect(session.ui$.request('export-references', { nodeIds: [session.figma.currentPage.id] })).rejects.toThrow('is not a layer that can be exported');
  });
});
