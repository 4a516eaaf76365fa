import { describe, expect, it } from 'vitest';
import { pngBytes } from './fakes/image-bytes';
import { frameById, startGeneration } from './support/actions';
import { frame, provenanceFor } from './support/builders';
import { openPlugin, type PluginSession } from './support/open-plugin';

// The placeholder is a frame that sits beside the source for minutes: a layer the designer drags
// over it drops into it. Whatever happens to the placeholder, that layer is the designer's.

const boxOf = (node: SceneNode) => ({ x: node.x, y: node.y, width: node.width, height: node.height });
const texts = (parent: ChildrenMixin): string[] => parent.children.flatMap((node) => (node.type === 'TEXT' ? [node.characters] : []));

/** A board with a card, a placeholder beside it and the designer's logo dropped into the placeholder. */
async function logoInPlaceholder(session: PluginSession): Promise<{ board: FrameNode; card: FrameNode; placeholder: FrameNode; logo: FrameNode }> {
  const board = frame(session.figma, { name: 'Board', x: 1000, y: 500, width: 2000, height: 1000 });
  const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 400, height: 300, parent: board });
  const placeholder = await startGeneration(session, [card.id]);
  expect(boxOf(placeholder)).toEqual({ x: 490, y: 60, width: 400, height: 300 });
  const logo = frame(session.figma, { name: 'Logo', x: 10, y: 20, width: 50, height: 50, parent: placeholder });
  return { board, card, placeholder, logo };
}

/** The logo was at (10, 20) in the placeholder at (490, 60): it stays there on the canvas, now in the board. */
function expectLogoKept(logo: FrameNode, board: FrameNode): void {
  expect(logo.removed).toBe(false);
  expect(logo.parent).toBe(board);
  expect(boxOf(logo)).toEqual({ x: 500, y: 80, width: 50, height: 50 });
}

describe('a layer the designer dropped into a placeholder', () => {
  it('stays where it is, above the result, when the result fills the placeholder; the caption goes', async () => {
    const session = openPlugin();
    const { board, card, placeholder, logo } = await logoInPlaceholder(session);
    const commitsBefore = session.undo.checkpoints.length;
    const { nodeId } = await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(400, 300), provenance: provenanceFor('make the sky stormy', [card.id]), edited: 'node' });
    expect(nodeId).toBe(placeholder.id);
    expect(placeholder.children).toEqual([]);
    expectLogoKept(logo, board);
    expect(board.children).toEqual([card, placeholder, logo]);
    expect(texts(board)).toEqual([]);
    // One undo step, closed on both sides: one Cmd+Z brings the logo back into the placeholder.
    expect(session.undo.checkpoints.length - commitsBefore).toBe(2);
    expect(session.undo.checkpoints.at(-1)).toBe(session.undo.current());
  });

  it('stays where it is when the result, larger, moves away from the placeholder’s spot', async () => {
    const session = openPlugin();
    const board = frame(session.figma, { name: 'Board', x: 0, y: 0, width: 1300, height: 1000 });
    const card = frame(session.figma, { name: 'Card', x: 50, y: 60, width: 100, height: 80, parent: board });
    const { placeholderId } = await session.ui$.request('start-generation', { prompt: 'p', mode: 'edit-file', sourceNodeIds: [card.id], size: { width: 1000, height: 800 }, resolution: '1K' });
    const placeholder = await frameById(session, placeholderId);
    const logo = frame(session.figma, { name: 'Logo', x: 10, y: 20, width: 50, height: 50, parent: placeholder });
    await session.ui$.request('place-result', { placeholderId, bytes: pngBytes(1536, 1024), provenance: provenanceFor('p', [card.id]), edited: 'file' });
    expect(placeholder.parent).toBe(session.figma.currentPage);
    expect(logo.parent).toBe(board);
    expect(boxOf(logo)).toEqual({ x: 190 + 10, y: 60 + 20, width: 50, height: 50 });
  });

  it('is kept, at the same place in the placeholder’s parent, on Cancel, in one undo step', async () => {
    const session = openPlugin();
    const { board, card, placeholder, logo } = await logoInPlaceholder(session);
    const commitsBefore = session.undo.checkpoints.length;
    await session.ui$.request('cancel-generation', { placeholderId: placeholder.id });
    expect(placeholder.removed).toBe(true);
    // Figma removes a frame with everything in it: the logo must be out of it, in the tree.
    expect(await session.figma.getNodeByIdAsync(logo.id)).toBe(logo);
    expectLogoKept(logo, board);
    expect(board.children).toEqual([card, logo]);
    expect(session.undo.checkpoints.length - commitsBefore).toBe(2);
  });

  it('is kept when the generation fails', async () => {
    const session = openPlugin();
    const { board, card, placeholder, logo } = await logoInPlaceholder(session);
    await session.ui$.request('fail-generation', { placeholderId: placeholder.id, taskId: null, message: 'The provider refused the prompt.' });
    expect(placeholder.removed).toBe(true);
    expectLogoKept(logo, board);
    expect(board.children).toEqual([card, logo]);
  });

  it('is kept when the placeholder of an interrupted run is cleared at the next start', async () => {
    const first = openPlugin();
    const { board, card, placeholder, logo } = await logoInPlaceholder(first);
    first.close();
    const second = openPlugin({ document: first.document, storage: first.storage });
    const { notice } = await second.ui$.request('remove-interrupted-placeholders', {});
    expect(notice).not.toBeNull();
    expect(placeholder.removed).toBe(true);
    expectLogoKept(logo, board);
    expect(board.children).toEqual([card, logo]);
  });

  it('is kept in its order, each above the placeholder and below what was above it', async () => {
    const session = openPlugin();
    const { board, card, placeholder, logo } = await logoInPlaceholder(session);
    const badge = frame(session.figma, { name: 'Badge', x: 0, y: 0, width: 20, height: 20, parent: placeholder });
    const note = frame(session.figma, { name: 'Note', x: 2000, y: 2000, width: 20, height: 20, parent: board });
    await session.ui$.request('cancel-generation', { placeholderId: placeholder.id });
    expect(board.children).toEqual([card, logo, badge, note]);
  });
});

describe('a text layer of the designer in a placeholder', () => {
  it('is kept, told from our caption, when the result fills the placeholder', async () => {
    const session = openPlugin();
    const { board, card, placeholder } = await logoInPlaceholder(session);
    const label = session.figma.createText();
    placeholder.appendChild(label);
    label.characters = 'Hero shot';
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(400, 300), provenance: provenanceFor('make the sky stormy', [card.id]), edited: 'node' });
    expect(label.removed).toBe(false);
    expect(label.parent).toBe(board);
    expect(texts(board)).toEqual(['Hero shot']);
  });

  it('is not rewritten when the task waits at the provider and our caption was deleted', async () => {
    const session = openPlugin();
    const { placeholder } = await logoInPlaceholder(session);
    for (const child of placeholder.children) if (child.type === 'TEXT') child.remove();
    const label = session.figma.createText();
    placeholder.appendChild(label);
    label.characters = 'Hero shot';
    await session.ui$.request('interrupt-generation', { placeholderId: placeholder.id, message: 'Lost the connection.' });
    expect(label.characters).toBe('Hero shot');
  });
});

describe('the caption of a placeholder made by an earlier version (not marked as ours)', () => {
  it('is still removed when the result fills the placeholder, not left on the canvas', async () => {
    const session = openPlugin();
    const { board, card, placeholder } = await logoInPlaceholder(session);
    const [caption] = placeholder.children;
    caption?.setPluginData('placeholderCaption', '');
    await session.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(400, 300), provenance: provenanceFor('make the sky stormy', [card.id]), edited: 'node' });
    expect(caption?.removed).toBe(true);
    expect(texts(board)).toEqual([]);
  });
});
