import type { FigmaApi } from './figma-api';
import type { HistoryStore } from './history';
import { fillWithImage } from './image-frame';
import { newFrameAt } from './place-result';
import { PluginError } from './plugin-error';
import { asOneUndoStep } from './undo';

/**
 * Places a past result again, centred in the viewport, as one undo step, with its provenance. Works
 * while the image is still in this file's image store (`figma.getImageByHash`); the history itself
 * keeps only a thumbnail.
 */
export async function placeAgain(figma: FigmaApi, history: HistoryStore, entryId: string): Promise<FrameNode> {
  const entry = (await history.list()).find((e) => e.id === entryId);
  if (!entry) throw new PluginError('That history entry no longer exists.');
  const image = figma.getImageByHash(entry.imageHash);
  if (!image) throw new PluginError('That image is not in this file any more, so it cannot be placed again here; generate it again instead.');
  const size = { width: entry.width, height: entry.height };
  const frame = asOneUndoStep(figma, () => {
    const target = newFrameAt(figma, null, size);
    fillWithImage(target, image, size, entry.provenance);
    return target;
  });
  figma.currentPage.selection = [frame];
  figma.viewport.scrollAndZoomIntoView([frame]);
  return frame;
}
