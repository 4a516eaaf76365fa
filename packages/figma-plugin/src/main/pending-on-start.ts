import type { PendingTask } from '../protocol/shapes';
import { parseTaskRecord, type TaskRecordJson } from '../protocol/task-record-check';
import type { FigmaApi } from './figma-api';
import type { PendingStore } from './pending-tasks';
import { findPlaceholder, placeholderDataOf } from './placeholder-data';
import { DATA_KEY, NAMESPACE, readJson } from './shared-data';

/**
 * The tasks to resume when the plugin starts: records in clientStorage (this user's, from any
 * file) and records on placeholders of the current page (this file's, from any user), one per task
 * id. A placeholder counts only if it still carries our marker for the same task. Tasks whose
 * result is already in the history are left out: their placeholder came back by an undo, and
 * resuming them would place the same image twice.
 */
export async function findPendingTasks(
  figma: Pick<FigmaApi, 'currentPage' | 'getNodeByIdAsync'>,
  store: PendingStore,
  finishedTaskIds: ReadonlySet<string>,
): Promise<PendingTask[]> {
  const found = new Map<string, PendingTask>();
  const onPage = figma.currentPage.findAllWithCriteria({
    types: ['FRAME'],
    sharedPluginData: { namespace: NAMESPACE, keys: [DATA_KEY.taskRecord] },
  });
  for (const node of onPage) {
    const record = recordOn(node);
    if (record && placeholderDataOf(node)?.taskId === record.id) found.set(record.id, { placeholderId: node.id, record });
  }
  for (const task of await store.list()) {
    if (found.has(task.record.id)) continue;
    const placeholder = task.placeholderId ? await findPlaceholder((id) => figma.getNodeByIdAsync(id), task.placeholderId) : null;
    const stillWaiting = placeholder !== null && placeholder.data.taskId === task.record.id;
    found.set(task.record.id, { placeholderId: stillWaiting ? task.placeholderId : null, record: task.record });
  }
  return [...found.values()].filter((task) => !finishedTaskIds.has(task.record.id));
}

/** The task record written on a placeholder, or null. */
export function recordOn(node: BaseNode): TaskRecordJson | null {
  const value = readJson(node, DATA_KEY.taskRecord);
  if (value === null) return null;
  try {
    return parseTaskRecord(value, DATA_KEY.taskRecord);
  } catch {
    return null;
  }
}
