import { describe, expect, it } from 'vitest';
import { FILE_ID_KEY } from '../src/main/file-identity';
import type { Prefill, Provenance } from '../src/protocol/shapes';
import { INITIAL_FORM, restoredForm } from '../src/ui/logic/form-state';
import { imagesNotKeptNotice, sourcesGoneNotice } from '../src/ui/logic/relaunch-notices';
import { pngBytes } from './fakes/image-bytes';
import { startGeneration } from './support/actions';
import { frame, provenanceFor } from './support/builders';
import { openPlugin, type PluginSession } from './support/open-plugin';

/** A result made from two frames, the second listed first, with options the form can show. */
async function placedResult(options: Provenance['options'] = { mode: 'edit', prompt: 'make it blue', resolution: '2K', quality: 'high', aspectRatio: '3:2', outputFormat: 'png' }) {
  const first = openPlugin();
  const hero = frame(first.figma, { name: 'Hero', x: 0, y: 0, width: 300, height: 200 });
  const card = frame(first.figma, { name: 'Card', x: 400, y: 0, width: 200, height: 300 });
  const placeholder = await startGeneration(first, [card.id, hero.id]);
  const provenance: Provenance = { ...provenanceFor('make it blue', [card.id, hero.id]), provider: 'openai', options };
  await first.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance, edited: 'node' });
  first.close();
  // As main writes it: with the file it was made in and what it edited.
  const written: Provenance = { ...provenance, fileId: first.figma.root.getPluginData(FILE_ID_KEY), edited: 'node' };
  return { first, result: placeholder, hero, card, provenance: written };
}

/** The plugin started again on the same file by a relaunch button, with `selected` selected (in Figma's order). */
async function relaunch(first: PluginSession, command: string, selected: readonly SceneNode[]) {
  first.figma.currentPage.selection = selected;
  const session = openPlugin({ document: first.document, storage: first.storage, command });
  const firstReport = session.nextNotification('selection');
  const ready = await session.ui$.request('ready', {});
  return { session, ready, firstReport: await firstReport };
}

const prefillOf = (ready: { readonly prefill: Prefill | null }): Prefill => {
  if (!ready.prefill) throw new Error('no prefill');
  return ready.prefill;
};

describe('"Regenerate" on a result', () => {
  it('lists the result’s original images in order, not the result, and restores the prompt and options', async () => {
    const { first, result, hero, card, provenance } = await placedResult();
    const { session, ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(ready.prefill).toEqual({ command: 'regenerate', resultNodeId: result.id, provenance, sourcesGone: 0, sourcesElsewhere: false });
    expect(firstReport.nodes.map((n) => n.id)).toEqual([card.id, hero.id]);
    expect(firstReport.total).toBe(2);
    expect(restoredForm(prefillOf(ready))).toEqual({ prompt: 'make it blue', provider: 'openai', resolution: '2K', quality: 'high', aspect: '3:2', customSize: '' });
    expect(sourcesGoneNotice(prefillOf(ready))).toBeNull();
    expect(imagesNotKeptNotice(prefillOf(ready))).toBeNull();

    // Later selection changes are reported as usual.
    const next = session.nextNotification('selection');
    session.figma.currentPage.selection = [hero];
    expect((await next).nodes.map((n) => n.id)).toEqual([hero.id]);
  });

  it('lists the original images still in the file and says how many are gone', async () => {
    const { first, result, hero, card } = await placedResult();
    card.remove();
    const { ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(prefillOf(ready).sourcesGone).toBe(1);
    expect(firstReport.nodes.map((n) => n.id)).toEqual([hero.id]);
    expect(sourcesGoneNotice(prefillOf(ready))).toBe('1 of the 2 images this result was made from is no longer in the file; the 1 still there is listed.');
  });

  it('with none of them left, lists nothing (the prompt alone) and says so', async () => {
    const { first, result, hero, card } = await placedResult();
    card.remove();
    hero.remove();
    const { ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(firstReport).toEqual({ nodes: [], total: 0 });
    expect(restoredForm(prefillOf(ready)).prompt).toBe('make it blue');
    expect(sourcesGoneNotice(prefillOf(ready))).toBe('The 2 images this result was made from are no longer in the file: it will be generated from the prompt alone.');
  });
});

describe('"Regenerate" on a result from another file', () => {
  /** The shared plugin data of `node`, as a copy carries it. */
  const sharedDataOf = (node: BaseNode): [string, string][] => node.getSharedPluginDataKeys('gpt_image').map((key) => [key, node.getSharedPluginData('gpt_image', key)]);

  /** A new file whose first frame has the id of A's hero (node ids are per file), and `result`'s data pasted onto a frame there. */
  async function pastedIntoNewFile(result: FrameNode, heroId: string) {
    const data = sharedDataOf(result);
    const b = openPlugin({ command: 'regenerate' });
    const pricing = frame(b.figma, { name: 'Pricing table', width: 800, height: 600 });
    expect(pricing.id).toBe(heroId);
    const pasted = frame(b.figma, { name: 'make it blue', x: 1000, width: 300, height: 200 });
    for (const [key, value] of data) pasted.setSharedPluginData('gpt_image', key, value);
    b.figma.currentPage.selection = [pasted];
    const firstReport = b.nextNotification('selection');
    const ready = await b.ui$.request('ready', {});
    return { ready, firstReport: await firstReport };
  }

  it('lists none of that file’s layers (their ids name unrelated layers here) and says the images are in the other file', async () => {
    const a = openPlugin();
    const hero = frame(a.figma, { name: 'Hero', width: 300, height: 200 });
    const placeholder = await startGeneration(a, [hero.id]);
    await a.ui$.request('place-result', { placeholderId: placeholder.id, bytes: pngBytes(300, 200), provenance: provenanceFor('make it blue', [hero.id]), edited: 'node' });
    a.close();
    const { ready, firstReport } = await pastedIntoNewFile(placeholder, hero.id);
    expect(firstReport).toEqual({ nodes: [], total: 0 });
    expect(prefillOf(ready)).toMatchObject({ sourcesGone: 0, sourcesElsewhere: true });
    expect(sourcesGoneNotice(prefillOf(ready))).toBeNull();
    expect(imagesNotKeptNotice(prefillOf(ready))).toBe(
      'This result was made in another file (it was copied or placed again here), where its original images are, so none is listed: select images here, or the prompt alone will make a new image.',
    );
  });

  it('a result of an earlier version, which does not say its file, still lists its images as before', async () => {
    const { first, result, hero, card } = await placedResult();
    result.setSharedPluginData('gpt_image', 'fileId', '');
    const { ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(firstReport.nodes.map((n) => n.id)).toEqual([card.id, hero.id]);
    expect(prefillOf(ready).sourcesElsewhere).toBe(false);
    expect(imagesNotKeptNotice(prefillOf(ready))).toBeNull();
  });
});

describe('"Regenerate" on a result whose edited image was a file from disk', () => {
  it('with a frame as reference, lists no frame (the first listed would be edited in the file’s place) and says why', async () => {
    const first = openPlugin();
    const card = frame(first.figma, { name: 'Style reference', width: 200, height: 300 });
    const { placeholderId } = await first.ui$.request('start-generation', { prompt: 'restyle', mode: 'edit-file', sourceNodeIds: [card.id], size: { width: 1536, height: 1024 }, resolution: '1K' });
    await first.ui$.request('place-result', { placeholderId, bytes: pngBytes(1536, 1024), provenance: provenanceFor('restyle', [card.id]), edited: null });
    first.close();
    const result = await first.figma.getNodeByIdAsync(placeholderId);
    if (!result || result.type !== 'FRAME') throw new Error('no result');
    const { ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(firstReport).toEqual({ nodes: [], total: 0 });
    expect(prefillOf(ready).provenance.edited).toBe('file');
    expect(sourcesGoneNotice(prefillOf(ready))).toBeNull();
    expect(imagesNotKeptNotice(prefillOf(ready))).toBe(
      'The image this result edited is not kept with it (images added from disk never are), so its reference frame is not listed either, lest one be edited in its place: add the file again with “Add images…”, select the references and move the file to the top; or the prompt alone will make a new image.',
    );
  });


  /** A result of an edit of a file, with no frame sent, as the UI places it. */
  async function fileEditResult() {
    const first = openPlugin();
    const options = { mode: 'edit', prompt: 'make it blue', resolution: '1K', quality: 'low', aspectRatio: 'auto', outputFormat: 'png' };
    const { placeholderId } = await first.ui$.request('start-generation', { prompt: 'make it blue', mode: 'edit-file', sourceNodeIds: [], size: { width: 1536, height: 1024 }, resolution: '1K' });
    const provenance: Provenance = { ...provenanceFor('make it blue', []), options };
    const { nodeId } = await first.ui$.request('place-result', { placeholderId, bytes: pngBytes(1536, 1024), provenance, edited: 'file' });
    first.close();
    const result = await first.figma.getNodeByIdAsync(nodeId);
    if (!result || result.type !== 'FRAME') throw new Error('no result');
    return { first, result };
  }

  it('says the file is not kept and must be added again, rather than silently make a new image from the prompt', async () => {
    const { first, result } = await fileEditResult();
    const { ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(firstReport).toEqual({ nodes: [], total: 0 });
    expect(restoredForm(prefillOf(ready)).prompt).toBe('make it blue');
    expect(sourcesGoneNotice(prefillOf(ready))).toBeNull();
    expect(imagesNotKeptNotice(prefillOf(ready))).toBe(
      'The image this result edited is not kept with it (images added from disk never are): add it again with “Add images…” to edit it, or the prompt alone will make a new image.',
    );
  });

  it('says nothing of it for "Edit again", which edits the result itself', async () => {
    const { first, result } = await fileEditResult();
    const { ready } = await relaunch(first, 'edit', [result]);
    expect(imagesNotKeptNotice(prefillOf(ready))).toBeNull();
  });

  it('says nothing of it for a result of the prompt alone', async () => {
    const { first, result } = await placedResult({ mode: 'generate', prompt: 'make it blue', resolution: '1K', quality: 'low', aspectRatio: 'auto', outputFormat: 'png' });
    result.setSharedPluginData('gpt_image', 'sourceNodeIds', '[]');
    const { ready } = await relaunch(first, 'regenerate', [result]);
    expect(imagesNotKeptNotice(prefillOf(ready))).toBeNull();
  });
});

describe('"Edit again" on a result', () => {
  it('lists the result as the image being edited, restores the options and leaves the prompt for a new one', async () => {
    const { first, result, hero, provenance } = await placedResult();
    const { ready, firstReport } = await relaunch(first, 'edit', [hero, result]);
    expect(ready.prefill).toEqual({ command: 'edit', resultNodeId: result.id, provenance, sourcesGone: 0, sourcesElsewhere: false });
    expect(firstReport.nodes.map((n) => n.id)).toEqual([result.id, hero.id]);
    expect(restoredForm(prefillOf(ready))).toEqual({ prompt: '', provider: 'openai', resolution: '2K', quality: 'high', aspect: '3:2', customSize: '' });
    expect(sourcesGoneNotice(prefillOf(ready))).toBeNull();
  });
});

describe('restoring the form', () => {
  it('restores an exact size as a custom size', async () => {
    const { first, result } = await placedResult({ mode: 'edit', prompt: 'p', resolution: '1K', quality: 'medium', aspectRatio: 'auto', size: '1536x1024' });
    const { ready } = await relaunch(first, 'regenerate', [result]);
    expect(restoredForm(prefillOf(ready))).toMatchObject({ quality: 'medium', aspect: 'custom', customSize: '1536x1024' });
  });

  it('falls back to the form’s defaults for values it does not offer, without failing', async () => {
    const { first, result } = await placedResult({ resolution: '8K', quality: 'ultra', aspectRatio: '7:3', size: '5x5' });
    result.setSharedPluginData('gpt_image', 'provider', 'dall-e');
    const { ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(restoredForm(prefillOf(ready))).toEqual({ ...INITIAL_FORM, prompt: 'make it blue' });
    expect(firstReport.total).toBe(2);
  });

  it('restores the prompt and images when the options were damaged on the node', async () => {
    const { first, result, hero, card } = await placedResult();
    result.setSharedPluginData('gpt_image', 'options', '{not json');
    const { ready, firstReport } = await relaunch(first, 'regenerate', [result]);
    expect(restoredForm(prefillOf(ready))).toEqual({ ...INITIAL_FORM, prompt: 'make it blue', provider: 'openai' });
    expect(firstReport.nodes.map((n) => n.id)).toEqual([card.id, hero.id]);
  });
});

describe('started from the menu with a result selected', () => {
  it('prefills nothing and lists the selection', async () => {
    const { first, result } = await placedResult();
    const { ready, firstReport } = await relaunch(first, '', [result]);
    expect(ready).toMatchObject({ command: 'open', prefill: null });
    expect(firstReport.nodes.map((n) => n.id)).toEqual([result.id]);
  });
});
