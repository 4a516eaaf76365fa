import { describe, expect, it } from 'vitest';
import type { RequestParams } from '../src/protocol/index';
import { describeNode } from './fakes/node-snapshot';
import { pngBytes } from './fakes/image-bytes';
import { frameById, startGeneration } from './support/actions';
import { frame, provenanceFor, taskRecord } from './support/builders';
import { openPlugin, type PluginSession } from './support/open-plugin';

const GAP = 40;

/** Starts an edit of a file from disk (the nodes are references) whose placeholder expects `size`. */
async function startFileEdit(session: PluginSession, sourceNodeIds: readonly string[], size: { width: number; height: number }): Promise<FrameNode> {
  const { placeholderId } = await session.ui$.request('start-generation', { prompt: 'Make it blue', mode: 'edit-file', sourceNodeIds, size, resolution: '1K' });
  return frameById(session, placeholderId);
}

/** Places a 1536×1024 result for `placeholderId` as the UI would, telling main what was edited. */
async function place(session: PluginSession, placeholderId: string, sourceNodeIds: readonly string[], edited: RequestParams<'place-result'>['edited']): Promise<FrameNode> {
  const { nodeId } = await session.ui$.request('place-result', { placeholderId, bytes: pngBytes(1536, 1024), provenance: provenanceFor('Make it blue', sourceNodeIds), edited });
  return frameById(session, nodeId);
}

const boxOf = (node: FrameNode) => ({ x: node.x, y: node.y, width: node.width, height: node.height });

describe('a result of another size than its placeholder', () => {
  it('is moved beside the board, in the same undo step, when at its size it would be clipped inside it', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 1300, height: 1000 });
    const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: board });
    const before = describeNode(card);
    const placeholder = await startFileEdit(session, [card.id], { width: 1000, height: 800 });
    expect(placeholder.parent).toBe(board);
    expect(boxOf(placeholder)).toEqual({ x: 50 + 100 + GAP, y: 60, width: 1000, height: 800 });
    const commitsBefore = session.undo.checkpoints.length;

    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(result).toBe(placeholder);
    // Beside the board on the page, top edges aligned, at the image's own size.
    expect(result.parent).toBe(session.figma.currentPage);
    expect(boxOf(result)).toEqual({ x: 1300 + GAP, y: 0, width: 1536, height: 1024 });
    expect(board.children).toEqual([card]);
    expect(describeNode(card)).toEqual(before);
    // The move and the fill are one step, closed on both sides.
    expect(session.undo.checkpoints.length - commitsBefore).toBe(2);
    expect(session.undo.checkpoints.at(-1)).toBe(session.undo.current());
  });

  it('stays where its placeholder stood when it still lies within the board', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 4000, height: 3000 });
    const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: board });
    const placeholder = await startFileEdit(session, [card.id], { width: 1000, height: 800 });
    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(result.parent).toBe(board);
    expect(boxOf(result)).toEqual({ x: 50 + 100 + GAP, y: 60, width: 1536, height: 1024 });
  });

  it('leaves a section it would reach past, and skips what is already beside it', async () => {
    const session = openPlugin();
    const section = session.figma.createSection();
    section.resizeWithoutConstraints(1300, 1000);
    const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: section });
    const earlier = frame(session.figma, { name: 'Earlier result', x: 1300 + GAP, y: 0, width: 500, height: 500 });
    const placeholder = await startFileEdit(session, [card.id], { width: 1000, height: 800 });
    expect(placeholder.parent).toBe(section);
    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(result.parent).toBe(session.figma.currentPage);
    expect(boxOf(result)).toEqual({ x: earlier.x + earlier.width + GAP, y: 0, width: 1536, height: 1024 });
    expect(section.children).toEqual([card]);
  });

  it('takes the first spot beside the source, its own old spot no longer in the way', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 2000, height: 1200 });
    const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: board });
    const earlier = frame(session.figma, { name: 'Earlier result', x: 50 + 100 + GAP, y: 60, width: 600, height: 400, parent: board });
    const placeholder = await startFileEdit(session, [card.id], { width: 1000, height: 800 });
    expect(placeholder.x).toBe(earlier.x + earlier.width + GAP);
    // The earlier result is deleted while this one is made: the spot right of the card is free again.
    earlier.remove();
    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(result.parent).toBe(board);
    expect(boxOf(result)).toEqual({ x: 50 + 100 + GAP, y: 60, width: 1536, height: 1024 });
  });

  it('goes beside where its placeholder stood when the source is gone', async () => {
    const session = openPlugin({ viewportCenter: { x: -5000, y: -5000 } });
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 1300, height: 1000 });
    const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: board });
    const placeholder = await startFileEdit(session, [card.id], { width: 1000, height: 800 });
    card.remove();
    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(result.parent).toBe(session.figma.currentPage);
    expect(boxOf(result)).toEqual({ x: 1300 + GAP, y: 0, width: 1536, height: 1024 });
  });

  it('stays on the page its placeholder was moved to, beside the placeholder’s spot', async () => {
    const session = openPlugin();
    const card = frame(session.figma, { name: 'Card', x: 0, y: 0, width: 100, height: 80 });
    const placeholder = await startFileEdit(session, [card.id], { width: 1000, height: 800 });
    const elsewhere = session.figma.createPage();
    const board = frame(session.figma, { name: 'Board', x: 5000, y: 0, width: 1300, height: 1000 });
    elsewhere.appendChild(board);
    board.appendChild(placeholder);
    placeholder.x = 100;
    placeholder.y = 100;
    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(result.parent).toBe(elsewhere);
    expect(boxOf(result)).toEqual({ x: 5000 + 1300 + GAP, y: 0, width: 1536, height: 1024 });
  });
});

describe('the size of a result whose placeholder was deleted', () => {
  it('is the image’s own for an edited file, though core calls it an edit (the nodes were references)', async () => {
    const session = openPlugin();
    const card = frame(session.figma, { name: 'Card', x: 0, y: 0, width: 100, height: 80 });
    const placeholder = await startFileEdit(session, [card.id], { width: 1000, height: 800 });
    placeholder.remove();
    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(boxOf(result)).toEqual({ x: 100 + GAP, y: 0, width: 1536, height: 1024 });
  });

  it('is the edited node’s when the UI says a node was edited', async () => {
    const session = openPlugin();
    const card = frame(session.figma, { name: 'Card', x: 0, y: 0, width: 100, height: 80 });
    const { placeholderId } = await session.ui$.request('start-generation', { prompt: 'Make it blue', mode: 'edit', sourceNodeIds: [card.id], size: null, resolution: '1K' });
    (await frameById(session, placeholderId)).remove();
    const result = await place(session, placeholderId, [card.id], 'node');
    expect(boxOf(result)).toEqual({ x: 100 + GAP, y: 0, width: 100, height: 80 });
  });

  it('is the image’s own when nothing says what was edited (a resumed task): never a crop', async () => {
    const session = openPlugin();
    const card = frame(session.figma, { name: 'Card', x: 0, y: 0, width: 100, height: 80 });
    const result = await place(session, '99:99', [card.id], null);
    expect([result.width, result.height]).toEqual([1536, 1024]);
  });
});

describe('a resumed task, whose UI does not know what was edited', () => {
  it('takes the size its placeholder says: the node’s for an edit of a node', async () => {
    const first = openPlugin();
    const card = frame(first.figma, { name: 'Card', x: 0, y: 0, width: 100, height: 80 });
    const { placeholderId } = await first.ui$.request('start-generation', { prompt: 'Make it blue', mode: 'edit', sourceNodeIds: [card.id], size: null, resolution: '1K' });
    await first.ui$.request('task-accepted', { placeholderId, record: taskRecord() });
    first.close();
    const session = openPlugin({ document: first.document, storage: first.storage });
    const result = await place(session, placeholderId, [], null);
    expect([result.width, result.height]).toEqual([100, 80]);
  });

  it('and the image’s own for an edit of a file', async () => {
    const first = openPlugin();
    const card = frame(first.figma, { name: 'Card', x: 0, y: 0, width: 100, height: 80 });
    const placeholder = await startFileEdit(first, [card.id], { width: 1000, height: 800 });
    await first.ui$.request('task-accepted', { placeholderId: placeholder.id, record: taskRecord() });
    first.close();
    const session = openPlugin({ document: first.document, storage: first.storage });
    const result = await place(session, placeholder.id, [], null);
    expect(boxOf(result)).toEqual({ x: 100 + GAP, y: 0, width: 1536, height: 1024 });
  });
});

describe('a result larger than its placeholder, where it would cover a layer beside it', () => {
  const overlap = (a: ReturnType<typeof boxOf>, b: ReturnType<typeof boxOf>): boolean =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('of a text-only run (aspect auto: a square placeholder) does not cover the next one, in one undo step', async () => {
    const session = openPlugin({ viewportCenter: { x: 0, y: 0 } });
    const first = await startGeneration(session, [], { prompt: 'a cat' });
    const second = await startGeneration(session, [], { prompt: 'a dog' });
    expect(second.x).toBe(first.x + first.width + GAP);
    expect(first.width).toBeLessThan(1536);
    const commitsBefore = session.undo.checkpoints.length;
    // OpenAI's size "auto" answered 1536×1024.
    const { nodeId } = await session.ui$.request('place-result', { placeholderId: first.id, bytes: pngBytes(1536, 1024), provenance: provenanceFor('a cat', [], 't1'), edited: 'none' });
    const result = await frameById(session, nodeId);
    expect(result).toBe(first);
    // Centred where the placeholder was (at the viewport's centre), then past the next placeholder.
    expect(boxOf(result)).toEqual({ x: second.x + second.width + GAP, y: -512, width: 1536, height: 1024 });
    expect(overlap(boxOf(result), boxOf(second))).toBe(false);
    expect(session.undo.checkpoints.length - commitsBefore).toBe(2);
    expect(session.undo.checkpoints.at(-1)).toBe(session.undo.current());
  });

  it('of a text-only run stays centred where its placeholder was when that spot is free', async () => {
    const session = openPlugin({ viewportCenter: { x: 0, y: 0 } });
    const placeholder = await startGeneration(session, [], { prompt: 'a cat' });
    // Right of the placeholder, within reach of the wider image grown rightwards but not centred.
    const note = frame(session.figma, { name: 'Note', x: 800, y: -500, width: 100, height: 100 });
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(1536, 1024), provenance: provenanceFor('a cat', [], 't1'), edited: 'none' });
    expect(boxOf(placeholder)).toEqual({ x: -768, y: -512, width: 1536, height: 1024 });
    expect(overlap(boxOf(placeholder), boxOf(note))).toBe(false);
  });

  it('of an edited file does not cover the designer’s layer beside it in the same board', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 4000, height: 3000 });
    const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: board });
    const logo = frame(session.figma, { name: 'Logo', x: 50 + 100 + GAP + 512 + GAP, y: 60, width: 200, height: 200, parent: board });
    const placeholder = await startFileEdit(session, [card.id], { width: 512, height: 512 });
    expect(placeholder.x).toBe(50 + 100 + GAP);
    const result = await place(session, placeholder.id, [card.id], 'file');
    expect(result.parent).toBe(board);
    // Beside the card, past the logo.
    expect(boxOf(result)).toEqual({ x: logo.x + logo.width + GAP, y: 60, width: 1536, height: 1024 });
  });

  it('stays put over a layer the placeholder already covered (one the designer dropped on it)', async () => {
    const session = openPlugin({ viewportCenter: { x: 0, y: 0 } });
    const placeholder = await startGeneration(session, [], { prompt: 'a cat' });
    const spot = { x: placeholder.x, y: placeholder.y };
    const logo = frame(session.figma, { name: 'Logo', x: 10, y: 10, width: 50, height: 50, parent: placeholder });
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(1536, 1024), provenance: provenanceFor('a cat', [], 't1'), edited: 'none' });
    expect(boxOf(placeholder)).toEqual({ ...spot, width: 1536, height: 1024 });
    expect(logo.parent).toBe(session.figma.currentPage);
    expect(boxOf(logo)).toEqual({ x: spot.x + 10, y: spot.y + 10, width: 50, height: 50 });
  });
});
