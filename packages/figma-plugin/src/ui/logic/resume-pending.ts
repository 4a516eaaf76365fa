import type { PendingTask } from '../../protocol/shapes';
import type { UiEndpoint } from '../../protocol/ui-endpoint';
import { coreRecord } from './core-record';
import { errorText } from './error-text';
import { jsonOf } from './json-of';
import { taskClientFor, type ClientSetup } from './task-client-for';

/** How one pending task ended. */
export type ResumeOutcome = { readonly ok: true; readonly nodeId: string } | { readonly ok: false; readonly message: string };

/**
 * Collects the results of tasks the provider accepted before the plugin closed (TaskClient.resume,
 * never a new submission) and has main place them; a task that cannot be finished has its
 * placeholder removed with the reason.
 */
export async function resumePending(main: UiEndpoint, setup: Omit<ClientSetup, 'keys' | 'saveRecord'>, task: PendingTask): Promise<ResumeOutcome> {
  const record = coreRecord(task.record);
  try {
    if (!record) throw new Error(`Task ${task.record.id} was saved by another version and cannot be resumed here.`);
    const provider = record.request.provider;
    const keys = provider === 'placeholder' ? {} : { [provider]: (await main.request('read-key', { provider })).key ?? undefined };
    const client = taskClientFor({ ...setup, keys: withoutEmpty(keys) });
    const { image, record: final } = await client.resume(record);
    const { nodeId } = await main.request('place-result', {
      placeholderId: task.placeholderId,
      bytes: image.bytes,
      provenance: {
        prompt: record.request.options.prompt,
        options: jsonOf(record.request.options, 'options'),
        provider: image.provider,
        model: image.model,
        taskId: final.id,
        cost: jsonOf(image.actualCost ?? record.request.cost, 'cost'),
        sourceNodeIds: [],
        createdAt: new Date().toISOString(),
      },
    });
    return { ok: true, nodeId };
  } catch (error) {
    const { message } = errorText(error);
    if (task.placeholderId) await main.request('fail-generation', { placeholderId: task.placeholderId, message: message.slice(0, 4_000) || 'failed' }).catch(() => undefined);
    return { ok: false, message };
  }
}

function withoutEmpty(keys: Partial<Record<'openai' | 'kie', string | undefined>>): Partial<Record<'openai' | 'kie', string>> {
  const out: Partial<Record<'openai' | 'kie', string>> = {};
  if (keys.openai) out.openai = keys.openai;
  if (keys.kie) out.kie = keys.kie;
  return out;
}
