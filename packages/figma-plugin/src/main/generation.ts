import type { RequestParams } from '../protocol/messages';
import type { FigmaApi } from './figma-api';
import type { PendingStore } from './pending-tasks';
import { captionAsWaiting, createPlaceholder, removePlaceholderFrame } from './placeholder';
import { findPlaceholder, markPlaceholder } from './placeholder-data';
import { PluginError } from './plugin-error';
import { layerById } from './scene-node';
import { DATA_KEY, writeData } from './shared-data';
import { asOneUndoStep } from './undo';

/**
 * Starts a generation on the canvas: resolves the sources, puts the placeholder down and notes it
 * in this user's clientStorage, for this file and claimed by this session, until its task is
 * accepted or it is settled, so that a placeholder whose run the plugin's closing cut short can be
 * cleared at the file's next start.
 */
export async function startGeneration(figma: FigmaApi, pending: PendingStore, params: RequestParams<'start-generation'>, now: Date): Promise<FrameNode> {
  const sources: SceneNode[] = [];
  for (const id of params.sourceNodeIds) {
    const node = await layerById((nodeId) => figma.getNodeByIdAsync(nodeId), id);
    if (!node) throw new PluginError(`A selected layer (${id}) is no longer in the file; select the images again.`);
    sources.push(node);
  }
  if (params.mode === 'edit' && sources.length === 0) throw new PluginError('Select the frame or image to edit first.');
  const placeholder = await createPlaceholder(figma, params, sources, now, pending.file);
  try {
    await pending.start({ placeholderId: placeholder.id, startedAt: now.toISOString() });
  } catch (error) {
    // Unnoted, it could be left "generating…" forever: the UI hears that nothing started.
    await removePlaceholder(figma, placeholder.id);
    throw error;
  }
  return placeholder;
}

/**
 * The provider accepted the task, and is charging for it: its record is kept in clientStorage and
 * on the placeholder, so the result can be fetched after a restart. No commit here: the write
 * joins the placeholder's open undo step (`undo.ts`).
 */
export async function acceptTask(figma: FigmaApi, pending: PendingStore, params: RequestParams<'task-accepted'>): Promise<void> {
  const placeholder = await findPlaceholder((id) => figma.getNodeByIdAsync(id), params.placeholderId);
  // Saved even when the placeholder is gone: the task is paid for, and its image must not be lost.
  await pending.save({ placeholderId: placeholder ? params.placeholderId : null, record: params.record });
  await pending.accepted(params.placeholderId);
  if (!placeholder) return;
  writeData(placeholder.frame, DATA_KEY.taskRecord, JSON.stringify(params.record));
  markPlaceholder(placeholder.frame, { ...placeholder.data, taskId: params.record.id });
}

/**
 * Removes a placeholder, in one undo step; only a frame that carries our placeholder mark is ever
 * removed, so a wrong id cannot delete the user's work, and the designer's layers in it are kept
 * (see `removePlaceholderFrame`). Gone already: nothing to do.
 */
export async function removePlaceholder(figma: FigmaApi, placeholderId: string): Promise<void> {
  const placeholder = await findPlaceholder((id) => figma.getNodeByIdAsync(id), placeholderId);
  if (placeholder) asOneUndoStep(figma, () => removePlaceholderFrame(placeholder.frame));
}

/** The user cancelled: the placeholder goes and the task is forgotten. */
export async function cancelGeneration(figma: FigmaApi, pending: PendingStore, placeholderId: string): Promise<void> {
  await removePlaceholder(figma, placeholderId);
  await pending.forget({ placeholderId });
}

/**
 * The generation failed for good: the placeholder (if any) goes, the task is forgotten — by task
 * id too, since a task resumed without its placeholder has only that — and the user is told in Figma.
 */
export async function failGeneration(figma: FigmaApi, pending: PendingStore, params: RequestParams<'fail-generation'>): Promise<void> {
  if (params.placeholderId) await removePlaceholder(figma, params.placeholderId);
  await pending.forget({ placeholderId: params.placeholderId, taskId: params.taskId });
  figma.notify(params.message, { error: true });
}

/**
 * The task is still at the provider, paid for, but this run could not collect it: the placeholder
 * and the pending task stay (it is collected at the next start), the placeholder says so, and so
 * does Figma.
 */
export async function interruptGeneration(figma: FigmaApi, params: RequestParams<'interrupt-generation'>): Promise<void> {
  const placeholder = await findPlaceholder((id) => figma.getNodeByIdAsync(id), params.placeholderId);
  if (placeholder) await captionAsWaiting(figma, placeholder.frame, placeholder.data.prompt);
  figma.notify(params.message);
}
