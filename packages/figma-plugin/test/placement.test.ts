import { describe, expect, it } from 'vitest';
import { NAMESPACE } from '../src/main/shared-data';
import { describeNode } from './fakes/node-snapshot';
import { pngBytes } from './fakes/image-bytes';
import { frame, provenanceFor } from './support/builders';
import { startGeneration } from './support/actions';
import { openPlugin } from './support/open-plugin';

/** The gap the brief asks for, written out so a changed constant fails here. */
const PLACEMENT_GAP = 40;

describe('the placeholder goes on the canvas at once', () => {
  it('beside the source, to its right with the gap, top edges aligned, at the source size', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { name: 'Hero', x: 100, y: 200, width: 320, height: 240 });
    const placeholder = await startGeneration(session, [source.id]);
    expect(placeholder.parent).toBe(session.figma.currentPage);
    expect({ x: placeholder.x, y: placeholder.y, width: placeholder.width, height: placeholder.height }).toEqual({
      x: 100 + 320 + PLACEMENT_GAP,
      y: 200,
      width: 320,
      height: 240,
    });
    expect(placeholder.name).toBe('GPT Image — generating… — make the sky stormy');
  });

  it('shows "generating…" and the prompt in a text loaded with Inter Regular first', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0 });
    const placeholder = await startGeneration(session, [source.id], { prompt: 'a lighthouse at dusk' });
    const [caption] = placeholder.children;
    expect(caption?.type).toBe('TEXT');
    expect(caption?.type === 'TEXT' && caption.characters).toBe('generating…\na lighthouse at dusk');
    expect(session.loadedFonts).toContainEqual({ family: 'Inter', style: 'Regular' });
  });

  it('still marks the spot, without a caption, when the font cannot be loaded', async () => {
    const session = openPlugin({ missingFonts: [{ family: 'Inter', style: 'Regular' }] });
    const source = frame(session.figma, { x: 0, y: 0 });
    const placeholder = await startGeneration(session, [source.id]);
    expect(placeholder.children).toHaveLength(0);
    expect(placeholder.getSharedPluginData(NAMESPACE, 'placeholder')).not.toBe('');
  });

  it('skips past earlier results beside the same source', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { x: 0, y: 0, width: 200, height: 100 });
    const first = await startGeneration(session, [source.id]);
    const second = await startGeneration(session, [source.id]);
    // Something unrelated in the way further right is skipped too.
    frame(session.figma, { name: 'Notes', x: 2 * (200 + PLACEMENT_GAP) + 200 + 10, y: 50, width: 60, height: 60 });
    const third = await startGeneration(session, [source.id]);
    expect(first.x).toBe(240);
    expect(second.x).toBe(240 + 200 + PLACEMENT_GAP);
    expect(third.x).toBe(2 * (200 + PLACEMENT_GAP) + 200 + 10 + 60 + PLACEMENT_GAP);
    expect([first.y, second.y, third.y]).toEqual([0, 0, 0]);
  });

  it('goes inside the source’s parent frame when that frame has no auto layout', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 1000, y: 1000, width: 2000, height: 1000 });
    const source = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: board });
    const placeholder = await startGeneration(session, [source.id]);
    expect(placeholder.parent).toBe(board);
    expect([placeholder.x, placeholder.y]).toEqual([50 + 100 + PLACEMENT_GAP, 60]);
  });

  it('goes beside a frame it would not fit in, on the page, where a clipping frame would hide it', async () => {
    const session = openPlugin();
    const screen = frame(session.figma, { name: 'Screen', x: 100, y: 50, width: 375, height: 812 });
    const image = frame(session.figma, { name: 'Image', x: 0, y: 0, width: 375, height: 200, parent: screen });
    expect(screen.clipsContent).toBe(true);
    const first = await startGeneration(session, [image.id]);
    const second = await startGeneration(session, [image.id]);
    expect([first.parent, second.parent]).toEqual([session.figma.currentPage, session.figma.currentPage]);
    // Beside the Screen, top edges aligned; the second skips past the first at that level.
    expect([first.x, first.y]).toEqual([100 + 375 + PLACEMENT_GAP, 50]);
    expect([second.x, second.y]).toEqual([100 + 2 * (375 + PLACEMENT_GAP), 50]);
    expect(screen.children).toEqual([image]);
  });

  it('still goes inside a large frame when the spot beside the source lies within it', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 2000, height: 1200 });
    const source = frame(session.figma, { name: 'Card', x: 900, y: 500, width: 200, height: 100, parent: board });
    const placeholder = await startGeneration(session, [source.id]);
    expect(placeholder.parent).toBe(board);
    expect([placeholder.x, placeholder.y]).toEqual([900 + 200 + PLACEMENT_GAP, 500]);
  });

  it('steps out one level at a time: too small an inner frame, an outer frame that fits', async () => {
    const session = openPlugin();
    const outer = frame(session.figma, { name: 'Outer', x: 0, y: 0, width: 2000, height: 1000 });
    const inner = frame(session.figma, { name: 'Inner', x: 100, y: 100, width: 400, height: 300, parent: outer });
    const source = frame(session.figma, { name: 'Photo', x: 50, y: 50, width: 300, height: 200, parent: inner });
    const placeholder = await startGeneration(session, [source.id]);
    expect(placeholder.parent).toBe(outer);
    expect([placeholder.x, placeholder.y]).toEqual([100 + 400 + PLACEMENT_GAP, 100]);
    expect(inner.children).toEqual([source]);
  });

  it('goes inside a section where it fits, else beside the section on the page', async () => {
    const session = openPlugin();
    const section = session.figma.createSection();
    section.resizeWithoutConstraints(800, 600);
    section.x = 0;
    section.y = 0;
    const roomy = frame(session.figma, { name: 'Left', x: 100, y: 100, width: 200, height: 150, parent: section });
    const cramped = frame(session.figma, { name: 'Right', x: 500, y: 300, width: 200, height: 150, parent: section });
    const inside = await startGeneration(session, [roomy.id]);
    const beside = await startGeneration(session, [cramped.id]);
    expect(inside.parent).toBe(section);
    expect([inside.x, inside.y]).toEqual([100 + 200 + PLACEMENT_GAP, 100]);
    expect(beside.parent).toBe(session.figma.currentPage);
    expect([beside.x, beside.y]).toEqual([800 + PLACEMENT_GAP, 0]);
  });

  it('goes beside an auto-layout parent, on that parent’s parent, never into the auto layout', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 3000, height: 2000 });
    const stack = frame(session.figma, { name: 'Stack', x: 100, y: 100, width: 400, height: 300, parent: board });
    stack.layoutMode = 'VERTICAL';
    const source = frame(session.figma, { name: 'Item', x: 0, y: 0, width: 400, height: 100, parent: stack });
    const before = describeNode(stack);
    const placeholder = await startGeneration(session, [source.id]);
    expect(placeholder.parent).toBe(board);
    expect([placeholder.x, placeholder.y]).toEqual([100 + 400 + PLACEMENT_GAP, 100]);
    expect(describeNode(stack)).toEqual(before);
  });

  it('goes on the page, beside the source’s position on the canvas, when an ancestor is locked', async () => {
    const session = openPlugin();
    const locked = frame(session.figma, { name: 'Locked board', x: 500, y: 300, width: 800, height: 600 });
    locked.locked = true;
    const inner = frame(session.figma, { name: 'Section', x: 20, y: 30, width: 600, height: 500, parent: locked });
    const source = frame(session.figma, { name: 'Photo', x: 10, y: 10, width: 100, height: 100, parent: inner });
    const placeholder = await startGeneration(session, [source.id]);
    expect(placeholder.parent).toBe(session.figma.currentPage);
    // Right of the source (at 530,340 on the canvas) would overlap the locked board: it walks past it.
    expect([placeholder.x, placeholder.y]).toEqual([500 + 800 + PLACEMENT_GAP, 300 + 30 + 10]);
    expect(locked.children).toEqual([inner]);
  });

  it('centres a text-only generation in the viewport, at the requested size', async () => {
    const session = openPlugin({ viewportCenter: { x: 1500, y: -200 } });
    const placeholder = await startGeneration(session, [], { size: { width: 1536, height: 1024 } });
    expect(placeholder.parent).toBe(session.figma.currentPage);
    expect({ x: placeholder.x, y: placeholder.y, width: placeholder.width, height: placeholder.height }).toEqual({
      x: 1500 - 768,
      y: -200 - 512,
      width: 1536,
      height: 1024,
    });
  });

  it('puts a second text-only generation right of the first, not on top of it', async () => {
    const session = openPlugin({ viewportCenter: { x: 0, y: 0 } });
    const size = { width: 1024, height: 1024 };
    const first = await startGeneration(session, [], { size });
    const second = await startGeneration(session, [], { size });
    expect([first.x, first.y]).toEqual([-512, -512]);
    expect([second.x, second.y]).toEqual([-512 + 1024 + PLACEMENT_GAP, -512]);
  });

  it('uses the tier’s square for `auto` without a source', async () => {
    const session = openPlugin();
    const placeholder = await startGeneration(session, [], { size: null });
    expect([placeholder.width, placeholder.height]).toEqual([1280, 1280]);
  });

  it('never modifies the source: same properties, fills, children, position, data', async () => {
    const session = openPlugin();
    const source = frame(session.figma, { name: 'Hero', x: 10, y: 20, width: 300, height: 200 });
    source.fills = [{ type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 } }];
    frame(session.figma, { name: 'Child', x: 5, y: 5, width: 50, height: 50, parent: source });
    const reference = frame(session.figma, { name: 'Ref', x: 10, y: 400, width: 100, height: 100 });
    const before = [describeNode(source), describeNode(reference)];
    const placeholder = await startGeneration(session, [source.id, reference.id]);
    await session.ui$.request('export-references', { nodeIds: [source.id, reference.id] });
    await session.ui$.request('place-result', {
      placeholderId: placeholder.id,
      bytes: pngBytes(300, 200),
      provenance: provenanceFor('make the sky stormy', [source.id, reference.id]),
      edited: 'node',
    });
    expect([describeNode(source), describeNode(reference)]).toEqual(before);
  });

  it('refuses an edit without a source, and sources that are gone', async () => {
    const session = openPlugin();
    await expect(startGeneration(session, [], { mode: 'edit' })).rejects.toThrow('Select the frame or image to edit first.');
    await expect(startGeneration(session, ['99:99'])).rejects.toThrow('no longer in the file');
  });
});
