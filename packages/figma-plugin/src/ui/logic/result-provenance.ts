import type { GeneratedImage, TaskRecord } from '@gpt-image/core';
import type { Provenance } from '../../protocol/shapes';
import { jsonOf } from './json-of';

/**
 * Where a finished result came from, as main writes it on the node: the task's record (prompt,
 * options, estimate), the image (provider, model, real charge when known) and the nodes sent.
 * The same for a run and for a task collected later; main adds the file and what was edited.
 */
export function resultProvenance(record: TaskRecord, image: GeneratedImage, sourceNodeIds: readonly string[]): Provenance {
  return {
    prompt: record.request.options.prompt,
    options: jsonOf(record.request.options, 'options'),
    provider: image.provider,
    model: image.model,
    taskId: record.id,
    cost: jsonOf(image.actualCost ?? record.request.cost, 'cost'),
    sourceNodeIds: [...sourceNodeIds],
    createdAt: new Date().toISOString(),
  };
}
