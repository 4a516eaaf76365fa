import type { RequestHandlers } from '../protocol/main-endpoint';
import { KEY_STORAGE_NOTE, type KeyStore } from './api-keys';
import type { FigmaApi } from './figma-api';
import { acceptTask, cancelGeneration, failGeneration, interruptGeneration, removePlaceholder, startGeneration } from './generation';
import { historyListing, type HistoryStore } from './history';
import { launchCommandOf, relaunchFor } from './launch';
import { findPendingTasks, removeInterruptedPlaceholders } from './pending-on-start';
import type { PendingStore } from './pending-tasks';
import { placeAgain } from './place-again';
import { placeResult } from './place-result';
import { exportReferences } from './references';

/** Everything the handlers work with: Figma, the stores, and this session's state. */
export interface HandlerContext {
  readonly figma: FigmaApi;
  readonly pending: PendingStore;
  readonly history: HistoryStore;
  readonly keys: KeyStore;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Task ids already handed to the UI in this session: each pending task is handed over once. */
  readonly handedOut: Set<string>;
  /** The selection in the order the user made it (Figma's own order is unspecified). */
  readonly selection: () => readonly SceneNode[];
  /**
   * Called when the UI said it is ready: from then on the selection is reported, the first time
   * as `firstImages` when given (a relaunch's images, which the selection must not overwrite).
   */
  readonly onReady: (firstImages: readonly SceneNode[] | null) => void;
}

/** One handler per request of the protocol (the type demands every one). */
export function createRequestHandlers(context: HandlerContext): RequestHandlers {
  const { figma, pending, history, keys } = context;
  const getNode = (id: string): Promise<BaseNode | null> => figma.getNodeByIdAsync(id);
  return {
    ready: async () => {
      const command = launchCommandOf(figma.command);
      const finished = new Set((await history.list()).flatMap((entry) => (entry.provenance.taskId ? [entry.provenance.taskId] : [])));
      const found = await findPendingTasks(figma, pending, finished, context.now());
      const pendingTasks = found.tasks.filter((task) => !context.handedOut.has(task.record.id));
      for (const task of pendingTasks) context.handedOut.add(task.record.id);
      const relaunch = await relaunchFor(command, context.selection(), getNode, pending.file.id);
      context.onReady(relaunch ? relaunch.images : null);
      return { command, pendingTasks, waitingElsewhere: found.elsewhere, prefill: relaunch ? relaunch.prefill : null };
    },
    'export-references': async ({ nodeIds }) => ({ references: await exportReferences(getNode, nodeIds) }),
    'start-generation': async (params) => ({ placeholderId: (await startGeneration(figma, pending, params, context.now())).id }),
    'task-accepted': async (params) => {
      await acceptTask(figma, pending, params);
      return {};
    },
    'place-result': (params) =>
      placeResult(figma, params, { pending, history, newId: context.newId, removePlaceholder: (id) => removePlaceholder(figma, id) }),
    'cancel-generation': async ({ placeholderId }) => {
      await cancelGeneration(figma, pending, placeholderId);
      return {};
    },
    'fail-generation': async (params) => {
      await failGeneration(figma, pending, params);
      return {};
    },
    'interrupt-generation': async (params) => {
      await interruptGeneration(figma, params);
      return {};
    },
    'remove-interrupted-placeholders': async () => ({ notice: await removeInterruptedPlaceholders(figma, pending, context.now()) }),
    'list-history': async () => ({
      entries: (await history.list()).map((entry) => historyListing(entry, figma.getImageByHash(entry.imageHash) !== null)),
    }),
    'place-again': async ({ entryId }) => ({ nodeId: (await placeAgain(figma, history, entryId)).id }),
    'read-key': async ({ provider }) => ({ key: await keys.read(provider), storageNote: KEY_STORAGE_NOTE }),
    'store-key': async ({ provider, key }) => {
      await keys.store(provider, key);
      return { storageNote: KEY_STORAGE_NOTE };
    },
    'delete-key': async ({ provider }) => {
      await keys.remove(provider);
      return {};
    },
  };
}
