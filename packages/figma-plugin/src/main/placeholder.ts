import { presetSize, type PixelSize } from '@gpt-image/core/sizes';
import { MAX_FIGMA_IMAGE_SIDE } from '../protocol/limits';
import type { RequestParams } from '../protocol/messages';
import type { FigmaApi } from './figma-api';
import type { FileIdentity } from './file-identity';
import { placementOf } from './placement';
import { fitWithin, type Size } from './geometry';
import { markPlaceholder, placeholderDataOf } from './placeholder-data';
import { placeholderName, promptTitle } from './prompt-title';
import { asOneUndoStep, openingUndoStep } from './undo';

/** The font of the placeholder's caption; Figma requires it loaded before any text is set. */
export const CAPTION_FONT: FontName = { family: 'Inter', style: 'Regular' };

const PLACEHOLDER_FILL: SolidPaint = { type: 'SOLID', color: { r: 0.93, g: 0.93, b: 0.95 } };
const CAPTION_FILL: SolidPaint = { type: 'SOLID', color: { r: 0.35, g: 0.35, b: 0.4 } };
/** The caption's first line while the image is made, and once its task waits at the provider. */
const GENERATING = 'generating…';
const WAITING = 'waiting at the provider: the result will be collected when the plugin opens again';
/**
 * Private plugin data on the caption: it tells our node from the designer's layers in the
 * placeholder. Private on purpose: it means nothing to other tools, unlike the shared data.
 */
const CAPTION_MARK = { key: 'placeholderCaption', value: 'ours' } as const;

type StartParams = RequestParams<'start-generation'>;

/**
 * The size a placeholder takes: the edited node's for an edit (the result replaces it in kind),
 * else the size the UI expects (see `start-generation`) — or, without one, the tier's square —
 * shrunk to Figma's 4096 px image limit.
 */
export function placeholderSize(params: Pick<StartParams, 'mode' | 'size' | 'resolution'>, source: SceneNode | null): Size {
  if (params.mode === 'edit' && source) return { width: source.width, height: source.height };
  const wanted: PixelSize = params.size ?? presetSize(params.resolution, '1:1');
  return fitWithin(wanted, MAX_FIGMA_IMAGE_SIDE);
}

/**
 * Puts a named placeholder frame on the canvas at once, as a new undo step: beside the first
 * source node (see `placementOf`), or centred in the viewport when there is none. The step is
 * left open for the task record that follows (see `undo.ts`). It shows
 * "generating…" and the prompt, and is marked so that only it is ever filled or removed later.
 * The file's id joins the step when the file has none yet (see `FileIdentity.keep`).
 */
export async function createPlaceholder(
  figma: FigmaApi,
  params: StartParams,
  sources: readonly SceneNode[],
  now: Date,
  file: FileIdentity,
): Promise<FrameNode> {
  const source = sources[0] ?? null;
  const size = placeholderSize(params, source);
  const withCaption = await loadCaptionFont(figma);
  // From here on synchronous: the free spot is computed and taken in the same step, so two
  // generations started together cannot pick the same spot.
  return openingUndoStep(figma, () => {
    const { container, box } = placementOf(figma, source, size);
    const frame = figma.createFrame();
    container.appendChild(frame);
    frame.name = placeholderName(params.prompt);
    frame.resize(box.width, box.height);
    frame.x = box.x;
    frame.y = box.y;
    frame.fills = [PLACEHOLDER_FILL];
    frame.clipsContent = true;
    if (withCaption) addCaption(figma, frame, params.prompt);
    markPlaceholder(frame, {
      mode: params.mode,
      prompt: params.prompt,
      sourceNodeIds: params.sourceNodeIds,
      startedAt: now.toISOString(),
      taskId: null,
    });
    file.keep();
    return frame;
  });
}

async function loadCaptionFont(figma: FigmaApi): Promise<boolean> {
  try {
    await figma.loadFontAsync(CAPTION_FONT);
    return true;
  } catch {
    // Without the font the placeholder still marks the spot; it just carries no caption.
    return false;
  }
}

function addCaption(figma: FigmaApi, frame: FrameNode, prompt: string): void {
  const fontSize = Math.round(Math.min(64, Math.max(10, Math.min(frame.width, frame.height) / 16)));
  const padding = Math.min(fontSize, frame.width / 8);
  const caption = figma.createText();
  frame.appendChild(caption);
  caption.setPluginData(CAPTION_MARK.key, CAPTION_MARK.value);
  caption.fontName = CAPTION_FONT;
  caption.fontSize = fontSize;
  caption.fills = [CAPTION_FILL];
  setCaption(caption, GENERATING, prompt);
  caption.textAutoResize = 'HEIGHT';
  caption.resize(Math.max(1, frame.width - 2 * padding), caption.height || fontSize * 3);
  caption.x = padding;
  caption.y = padding;
}

function captionText(state: string, prompt: string): string {
  return `${state}\n${promptTitle(prompt, 200)}`;
}

function setCaption(caption: TextNode, state: string, prompt: string): void {
  caption.characters = captionText(state, prompt);
  caption.name = state;
}

/**
 * Says on the placeholder that its task is still at the provider and will be collected later,
 * as one undo step of its own (undoing it only brings "generating…" back). A caption that says so
 * already is left as it is, with no step: a waiting task is told so again at every start, and an
 * undo step that changes nothing would make a Cmd+Z seem to do nothing. Without the caption font
 * the caption stays as it was: Figma's notification and the plugin window say it too.
 */
export async function captionAsWaiting(figma: FigmaApi, frame: FrameNode, prompt: string): Promise<void> {
  const caption = frame.children.find((child): child is TextNode => child.type === 'TEXT' && isOwnCaption(child, prompt));
  if (!caption || caption.characters === captionText(WAITING, prompt) || !(await loadCaptionFont(figma))) return;
  asOneUndoStep(figma, () => setCaption(caption, WAITING, prompt));
}

/**
 * Removes a placeholder, keeping the designer's layers (see `emptyPlaceholder`): every path that
 * removes one (Cancel, failure, the clean-up at start) goes through here. Synchronous: call it
 * inside the undo step that removes the placeholder, so one Cmd+Z brings all of it back.
 */
export function removePlaceholderFrame(frame: FrameNode): void {
  emptyPlaceholder(frame);
  frame.remove();
}

/**
 * Takes out of a placeholder what it holds. The placeholder is a frame that sits on the canvas for
 * minutes, and a layer the designer drags over it drops into it: only our caption is removed, and
 * any other layer moves to the placeholder's parent, at the same place on the canvas, just above
 * the placeholder and in the same order, so the canvas looks as before. Synchronous, like
 * `removePlaceholderFrame`. Assumes the placeholder is not rotated (the plugin never rotates it).
 */
export function emptyPlaceholder(frame: FrameNode): void {
  const prompt = placeholderDataOf(frame)?.prompt ?? null;
  const parent = frame.parent;
  let above = parent ? parent.children.indexOf(frame) + 1 : 0;
  for (const child of [...frame.children]) {
    if (isOwnCaption(child, prompt)) {
      child.remove();
    } else if (parent) {
      const x = frame.x + child.x;
      const y = frame.y + child.y;
      parent.insertChild(above++, child);
      child.x = x;
      child.y = y;
    }
  }
}

function isOwnCaption(node: SceneNode, prompt: string | null): boolean {
  if (node.getPluginData(CAPTION_MARK.key) === CAPTION_MARK.value) return true;
  // Placeholders of earlier versions carry an unmarked caption: it says exactly what we wrote.
  return node.type === 'TEXT' && prompt !== null && [GENERATING, WAITING].some((state) => node.characters === captionText(state, prompt));
}
