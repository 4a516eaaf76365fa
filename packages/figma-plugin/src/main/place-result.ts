import type { RequestParams, RequestResult } from '../protocol/messages';
import { EDITED_BY_MODE, type Provenance } from '../protocol/shapes';
import type { FigmaApi } from './figma-api';
import { centredOn, freeSpotFrom } from './free-spot';
import { overlaps, type Box, type Size } from './geometry';
import type { HistoryStore } from './history';
import { fillWithImage } from './image-frame';
import type { PendingStore } from './pending-tasks';
import { liesWithin, occupiedIn, placementOf } from './placement';
import { pageOf, type Container } from './placement-target';
import { emptyPlaceholder } from './placeholder';
import { findPlaceholder, type PlaceholderData } from './placeholder-data';
import { checkResultImage } from './result-image';
import { layerById } from './scene-node';
import { exportThumbnail } from './thumbnail';
import { asOneUndoStep } from './undo';

/** What placing a result needs besides Figma. */
export interface PlaceResultDeps {
  readonly pending: PendingStore;
  readonly history: HistoryStore;
  readonly removePlaceholder: (placeholderId: string) => Promise<void>;
  readonly newId: () => string;
}

/** A placed result: its frame, its image, the image's size and the provenance written on it. */
interface Placed {
  readonly frame: FrameNode;
  readonly image: Image;
  readonly info: Size;
  readonly provenance: Provenance;
}

/**
 * Places a result: the bytes are checked first (PNG or JPEG, at most 4096 px a side), then the
 * placeholder is filled in one undo step — same position; the source's size for an edit of a node,
 * the image's size otherwise, moved beside the source when that size no longer fits its board or
 * would cover a neighbour (see `keepInBoard`) — and shown (see `reveal`). If the placeholder is gone (deleted or undone while
 * the image was made, or the task was resumed in another file), a new frame is placed where the
 * placeholder would have gone: a finished image is never dropped.
 *
 * When the image cannot be placed the placeholder is removed and the error goes back to the UI,
 * which still holds the bytes. Bookkeeping after placement (pending list, history) never undoes it.
 */
export async function placeResult(
  figma: FigmaApi,
  params: RequestParams<'place-result'>,
  deps: PlaceResultDeps,
): Promise<RequestResult<'place-result'>> {
  const forgetTask = (): Promise<void> => deps.pending.forget({ taskId: params.provenance.taskId, placeholderId: params.placeholderId });
  let placed: Placed;
  try {
    const info = checkResultImage(params.bytes);
    const placeholder = params.placeholderId ? await findPlaceholder((id) => figma.getNodeByIdAsync(id), params.placeholderId) : null;
    // Core says `edit` for an edited file too: only the placeholder, or else the UI, knows which.
    const edited = placeholder ? EDITED_BY_MODE[placeholder.data.mode] : params.edited;
    const editsNode = edited === 'node';
    // The result says which file its source ids belong to (node ids repeat across files) and what they were.
    const provenance: Provenance = { ...withPlaceholderSources(params.provenance, placeholder?.data ?? null), fileId: deps.pending.file.id, edited };
    const source = await firstSource(figma, placeholder?.data.sourceNodeIds ?? provenance.sourceNodeIds);
    // Before the undo step: if Figma refuses the bytes, nothing was changed.
    const image = figma.createImage(params.bytes);
    const frame = asOneUndoStep(figma, () => {
      // The file id the provenance names, on the document too should its placeholder's step have been undone.
      deps.pending.file.keep();
      const size = resultSize(editsNode, placeholder?.frame ?? null, source, info);
      const target = placeholder ? keepInBoard(figma, placeholder.frame, source, size) : newFrameAt(figma, source, size);
      fillWithImage(target, image, size, provenance);
      return target;
    });
    placed = { frame, image, info, provenance };
  } catch (error) {
    if (params.placeholderId) await deps.removePlaceholder(params.placeholderId);
    await forgetTask();
    figma.notify(error instanceof Error ? error.message : String(error), { error: true });
    throw error;
  }
  reveal(figma, placed.frame);
  await forgetTask();
  const historyId = await remember(placed, deps);
  return { nodeId: placed.frame.id, historyId };
}

/**
 * A resumed task's provenance comes from the UI without its source ids (the UI only kept the task
 * record); the placeholder still knows them, and the result should say what it was made from.
 */
function withPlaceholderSources(provenance: Provenance, placeholder: PlaceholderData | null): Provenance {
  if (provenance.sourceNodeIds.length > 0 || !placeholder || placeholder.sourceNodeIds.length === 0) return provenance;
  return { ...provenance, sourceNodeIds: placeholder.sourceNodeIds };
}

/**
 * Selects the result on its own page (the user may have switched pages while it was made: Figma
 * refuses to put another page's node in the current page's selection) and scrolls to it only when
 * that page is the one in view. The result is placed by now, so a failure here is logged and never
 * turned into a failed placement, which would leave the task pending and the result unrecorded.
 */
function reveal(figma: FigmaApi, frame: FrameNode): void {
  try {
    const page = pageOf(frame);
    if (!page) return;
    page.selection = [frame];
    if (page.id === figma.currentPage.id) figma.viewport.scrollAndZoomIntoView([frame]);
  } catch (error) {
    console.error(`GPT Image: the result was placed but could not be shown: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The result's size: an edit of a node keeps the size of what it stands for (the placeholder,
 * which took the node's size, or the node itself); anything else — an edited file, a prompt alone,
 * or a result nothing says the kind of — takes the image's own pixel size, never a crop of it.
 */
function resultSize(editsNode: boolean, placeholder: FrameNode | null, source: SceneNode | null, image: Size): Size {
  if (editsNode && placeholder) return { width: placeholder.width, height: placeholder.height };
  if (editsNode && source) return { width: source.width, height: source.height };
  return { width: image.width, height: image.height };
}

/**
 * The placeholder, resized to `size` where it stands — unless at that size it would reach past
 * the board (frame or section) it is in, which was only checked for the placeholder's own size
 * (see `placementOf`): a frame would clip the result, a section would look to have lost it; or
 * unless it would cover a layer beside it that the placeholder did not (the next result, the
 * designer's work; what it covered already, like a layer dropped onto it, was put there by the
 * designer). Then it goes where a frame of that size would go beside the same source, or, without
 * one on the placeholder's page, from its own spot (centred where it was on the page, else beside
 * it), its old spot no longer in the way. First, the designer's layers dropped into it leave it
 * where they are (see `emptyPlaceholder`): they must not move or be resized with it.
 */
function keepInBoard(figma: FigmaApi, placeholder: FrameNode, source: SceneNode | null, size: Size): FrameNode {
  emptyPlaceholder(placeholder);
  if (placeholder.width === size.width && placeholder.height === size.height) return placeholder;
  const parent = placeholder.parent;
  if (!parent || (parent.type !== 'PAGE' && parent.type !== 'FRAME' && parent.type !== 'SECTION')) return placeholder;
  const resized: Box = { x: placeholder.x, y: placeholder.y, width: size.width, height: size.height };
  const fits = parent.type === 'PAGE' || liesWithin(parent, resized);
  if (fits && !coversMore(parent, placeholder, resized)) return placeholder;
  const beside = source && pageOf(source) === pageOf(placeholder) ? source : null;
  const { container, box } = beside || parent.type !== 'PAGE'
    ? placementOf(figma, beside ?? placeholder, size, placeholder)
    : { container: parent, box: freeSpotFrom(centredOn(centreOf(placeholder), size), occupiedIn(parent, placeholder)) };
  if (placeholder.parent !== container) container.appendChild(placeholder);
  placeholder.resize(box.width, box.height);
  placeholder.x = box.x;
  placeholder.y = box.y;
  return placeholder;
}

/** True when `resized` overlaps a sibling of the placeholder that the placeholder itself does not. */
function coversMore(parent: Container, placeholder: FrameNode, resized: Box): boolean {
  const now: Box = { x: placeholder.x, y: placeholder.y, width: placeholder.width, height: placeholder.height };
  return occupiedIn(parent, placeholder).some((box) => overlaps(resized, box) && !overlaps(now, box));
}

function centreOf(node: SceneNode): { readonly x: number; readonly y: number } {
  return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}

/** A new frame where a placeholder for this result would have gone. */
export function newFrameAt(figma: FigmaApi, source: SceneNode | null, size: Size): FrameNode {
  const { container, box } = placementOf(figma, source, size);
  const frame = figma.createFrame();
  container.appendChild(frame);
  frame.resize(box.width, box.height);
  frame.x = box.x;
  frame.y = box.y;
  return frame;
}

async function firstSource(figma: FigmaApi, ids: readonly string[]): Promise<SceneNode | null> {
  const id = ids[0];
  if (!id) return null;
  return layerById((nodeId) => figma.getNodeByIdAsync(nodeId), id);
}

/** Adds the result to the history; a failure here is logged, never turned into a failed placement. */
async function remember(placed: Placed, deps: PlaceResultDeps): Promise<string | null> {
  try {
    const id = deps.newId();
    const thumbnail = await exportThumbnail(placed.frame);
    await deps.history.add({ id, imageHash: placed.image.hash, width: placed.info.width, height: placed.info.height, thumbnail, provenance: placed.provenance });
    return id;
  } catch (error) {
    console.error(`GPT Image: the result was placed but not added to the history: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
