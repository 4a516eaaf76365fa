import { InvalidInputError, canResume, presetSize, type GeneratedImage, type PixelSize, type TaskEvent } from '@gpt-image/core';
import type { UiEndpoint } from '../../protocol/ui-endpoint';
import { EDITED_BY_MODE, type ExportedReference, type GenerationMode, type PendingTask } from '../../protocol/shapes';
import { parseTaskRecord } from '../../protocol/task-record-check';
import { isCancel } from './error-text';
import type { FormState } from './form-state';
import { prepareForFigma, type RequestImage } from './request-input';
import { resultProvenance } from './result-provenance';
import { PlacingFailedError, canCollectLater, waitingMessage, waitingReason } from './resume-pending';
import type { SizeChoice } from './size-choice';
import { itemName, itemSize, type SourceItem } from './source-item';
import { taskClientFor, type ClientSetup } from './task-client-for';

/** One generation, as the form started it. */
export interface Generation {
  readonly form: FormState;
  readonly choice: SizeChoice;
  readonly items: readonly SourceItem[];
  readonly signal: AbortSignal;
  /** A short line for the status area ("Submitted", "Exporting 2 frames…"). */
  readonly onStatus: (text: string) => void;
}

/** What a finished generation placed. */
export interface Placed {
  readonly nodeId: string;
  readonly image: GeneratedImage;
}

/**
 * A run whose task the provider accepted but whose result could not be collected now (the
 * connection was lost, a timeout): the task waits there, paid for, and main keeps it and its
 * placeholder; `task` collects it (`resumePending`) without reopening the plugin.
 */
export class ResultWaitingError extends Error {
  override readonly name = 'ResultWaitingError';
  constructor(message: string, readonly task: PendingTask, cause: unknown) {
    super(message, { cause });
  }
}

/** What the placeholder stands for: the first image in the list is the one edited. */
export function generationMode(items: readonly SourceItem[]): GenerationMode {
  const first = items[0];
  return first === undefined ? 'generate' : first.kind === 'node' ? 'edit' : 'edit-file';
}

/**
 * The size main gives the placeholder, so it has the shape the result will have (an edited node's
 * own size wins in main): an edited file's own pixels for `auto`; else the size asked for or the
 * preset ratio's pixels; null when the provider decides (`auto` with nothing to match).
 */
export function placeholderSizeFor(form: FormState, choice: SizeChoice, items: readonly SourceItem[]): PixelSize | null {
  const first = items[0];
  if (first?.kind === 'file' && form.aspect === 'auto') return itemSize(first);
  if (choice.kind === 'size' || choice.kind === 'preset') return choice.size;
  return form.aspect === 'auto' || form.aspect === 'custom' ? null : presetSize(form.resolution, form.aspect);
}

/**
 * Runs one generation end to end: main puts a placeholder on the canvas, main exports the
 * selected nodes, core's task client does the network through the iframe's fetch, and main places
 * the bytes. On cancel main forgets the task; on failure main removes the placeholder — unless
 * the provider accepted the task and it can still be collected (`ResultWaitingError`).
 */
export async function runGeneration(main: UiEndpoint, setup: Omit<ClientSetup, 'saveRecord'>, generation: Generation): Promise<Placed> {
  const { form, choice, items, signal, onStatus } = generation;
  const nodeIds = items.flatMap((item) => (item.kind === 'node' ? [item.node.id] : []));
  onStatus('Placing a placeholder…');
  const { placeholderId } = await main.request('start-generation', {
    prompt: form.prompt,
    mode: generationMode(items),
    sourceNodeIds: nodeIds,
    size: placeholderSizeFor(form, choice, items),
    resolution: form.resolution,
  });
  let image: GeneratedImage | null = null;
  let accepted: PendingTask | null = null;
  try {
    const images = await collectImages(main, items, nodeIds, onStatus);
    const prepared = prepareForFigma(form, choice, images);
    if (!prepared.ok) throw new InvalidInputError(prepared.problems.map((message) => ({ path: 'options', message })));
    const client = taskClientFor({
      ...setup,
      saveRecord: async (record) => {
        // Once the provider holds a task that can be collected later, main keeps its record (a
        // refused save is tried again at the record's next change).
        if (accepted || !canResume(record)) return;
        const task = { placeholderId, record: parseTaskRecord(record, 'record') };
        await main.request('task-accepted', task);
        accepted = task;
      },
    });
    onStatus('Sending to the provider…');
    const outcome = await client.run(prepared.request, { signal, onEvent: (event) => onStatus(statusOf(event)) });
    image = outcome.image;
    onStatus('Placing the result…');
    const { nodeId } = await main.request('place-result', {
      placeholderId,
      bytes: image.bytes,
      provenance: resultProvenance(outcome.record, image, nodeIds),
      // Should the placeholder be gone, main still knows whether the result replaces a node in kind.
      edited: EDITED_BY_MODE[generationMode(items)],
    });
    return { nodeId, image };
  } catch (error) {
    if (image) throw new PlacingFailedError(image, error);
    throw await settle(main, accepted, placeholderId, error);
  }
}

/** The images in list order: nodes exported by main (as PNG), files as they were read. */
async function collectImages(main: UiEndpoint, items: readonly SourceItem[], nodeIds: readonly string[], onStatus: (text: string) => void): Promise<RequestImage[]> {
  const exported = new Map<string, ExportedReference>();
  if (nodeIds.length > 0) {
    onStatus(`Exporting ${nodeIds.length} ${nodeIds.length === 1 ? 'frame' : 'frames'}…`);
    const { references } = await main.request('export-references', { nodeIds: [...nodeIds] });
    for (const reference of references) exported.set(reference.nodeId, reference);
  }
  return items.map((item) => {
    if (item.kind === 'file') return { bytes: item.bytes, name: item.name };
    const reference = exported.get(item.node.id);
    if (!reference) throw new Error(`"${itemName(item)}" could not be exported as an image.`);
    return { bytes: reference.bytes, name: `${reference.name || 'frame'}.png` };
  });
}

/**
 * Tells main how the run ended without a result, and returns the error to show: cancelled (main
 * forgets the task), waiting at the provider (main keeps the task and its placeholder), or failed
 * for good (main removes the placeholder and forgets the task). Main's own failure to hear it is
 * not the user's problem: the error shown is the generation's.
 */
async function settle(main: UiEndpoint, accepted: PendingTask | null, placeholderId: string, error: unknown): Promise<unknown> {
  const quietly = (request: Promise<unknown>): Promise<void> => request.then(() => undefined, () => undefined);
  if (isCancel(error)) {
    await quietly(main.request('cancel-generation', { placeholderId }));
    return error;
  }
  if (accepted && canCollectLater(error)) {
    const waiting = new ResultWaitingError(waitingMessage(accepted.record.request.provider, waitingReason(error)), accepted, error);
    await quietly(main.request('interrupt-generation', { placeholderId, message: waiting.message }));
    return waiting;
  }
  const message = error instanceof Error && error.message ? error.message.slice(0, 4_000) : 'The generation failed.';
  await quietly(main.request('fail-generation', { placeholderId, taskId: accepted?.record.id ?? null, message }));
  return error;
}

/** A task event as a status line. */
export function statusOf(event: TaskEvent): string {
  switch (event.type) {
    case 'state':
      return { submitted: 'Submitted', queued: 'Queued at the provider', running: 'Generating…', succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled' }[event.state];
    case 'partial':
      return `Preview ${event.index + 1} received…`;
    case 'note':
      return event.message;
  }
}
