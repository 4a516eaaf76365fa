import { InvalidInputError, type GeneratedImage, type TaskEvent } from '@gpt-image/core';
import type { UiEndpoint } from '../../protocol/ui-endpoint';
import type { ExportedReference } from '../../protocol/shapes';
import { parseTaskRecord } from '../../protocol/task-record-check';
import { isCancel } from './error-text';
import type { FormState } from './form-state';
import { jsonOf } from './json-of';
import { prepareForFigma, type RequestImage } from './request-input';
import type { SizeChoice } from './size-choice';
import { itemName, type SourceItem } from './source-item';
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

/** A generation whose image was made but could not be placed: the bytes are kept for the user. */
export class PlacingFailedError extends Error {
  override readonly name = 'PlacingFailedError';
  constructor(readonly image: GeneratedImage, cause: unknown) {
    super(`The image was made but could not be placed on the canvas: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Runs one generation end to end: main puts a placeholder on the canvas, main exports the
 * selected nodes, core's task client does the network through the iframe's fetch, and main places
 * the bytes. On failure main removes the placeholder; on cancel main forgets the task.
 */
export async function runGeneration(main: UiEndpoint, setup: Omit<ClientSetup, 'saveRecord'>, generation: Generation): Promise<Placed> {
  const { form, choice, items, signal, onStatus } = generation;
  const nodeIds = items.flatMap((item) => (item.kind === 'node' ? [item.node.id] : []));
  onStatus('Placing a placeholder…');
  const { placeholderId } = await main.request('start-generation', {
    prompt: form.prompt,
    mode: items.length > 0 ? 'edit' : 'generate',
    sourceNodeIds: nodeIds,
    size: choice.kind === 'size' || choice.kind === 'preset' ? choice.size : null,
    resolution: form.resolution,
  });
  let image: GeneratedImage | null = null;
  try {
    const images = await collectImages(main, items, nodeIds, onStatus);
    const prepared = prepareForFigma(form, choice, images);
    if (!prepared.ok) throw new InvalidInputError(prepared.problems.map((message) => ({ path: 'options', message })));
    let accepted = false;
    const client = taskClientFor({
      ...setup,
      saveRecord: async (record) => {
        // Once the provider holds a task that can be collected later, main keeps its record.
        if (accepted || record.resume === null) return;
        accepted = true;
        await main.request('task-accepted', { placeholderId, record: parseTaskRecord(record, 'record') });
      },
    });
    onStatus('Sending to the provider…');
    const outcome = await client.run(prepared.request, { signal, onEvent: (event) => onStatus(statusOf(event)) });
    image = outcome.image;
    onStatus('Placing the result…');
    const { nodeId } = await main.request('place-result', {
      placeholderId,
      bytes: image.bytes,
      provenance: {
        prompt: form.prompt,
        options: jsonOf(outcome.record.request.options, 'options'),
        provider: image.provider,
        model: image.model,
        taskId: outcome.record.id,
        cost: jsonOf(image.actualCost ?? prepared.request.cost, 'cost'),
        sourceNodeIds: nodeIds,
        createdAt: new Date().toISOString(),
      },
    });
    return { nodeId, image };
  } catch (error) {
    if (image) throw new PlacingFailedError(image, error);
    await tellMain(main, placeholderId, error);
    throw error;
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

/** Tells main the task ended without a result: cancelled or failed. Main's own failure to hear it is not the user's problem. */
async function tellMain(main: UiEndpoint, placeholderId: string, error: unknown): Promise<void> {
  try {
    if (isCancel(error)) await main.request('cancel-generation', { placeholderId });
    else await main.request('fail-generation', { placeholderId, message: error instanceof Error && error.message ? error.message.slice(0, 4_000) : 'The generation failed.' });
  } catch {
    // The placeholder stays; the error shown is the generation's.
  }
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
