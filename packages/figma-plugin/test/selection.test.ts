import { describe, expect, it } from 'vitest';
import { referenceScale } from '../src/main/references';
import { readImageHeader } from './fakes/image-bytes';
import { frame } from './support/builders';
import { openPlugin } from './support/open-plugin';

describe('the selection', () => {
  it('is sent once the UI is ready, in selection order, with small PNG thumbnails', async () => {
    const session = openPlugin();
    const a = frame(session.figma, { name: 'A', x: 0, y: 0, width: 400, height: 300 });
    const b = frame(session.figma, { name: 'B', x: 500, y: 0, width: 50, height: 500 });
    session.figma.currentPage.selection = [b, a];
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
