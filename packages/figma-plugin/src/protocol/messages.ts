import { array, bytes, nullable, number, object, oneOf, string, type Check, type Checked } from './checks';
import { MAX_IMAGES } from './limits';
import {
  exportedReference, generationMode, historyEntry, keyedProvider, launchCommand, nodeId, pendingTask, pixelSize, prefill, prompt,
  provenance, selectedNode,
} from './shapes';
import { parseTaskRecord } from './task-record-check';
import { waitingInFile } from './waiting-elsewhere';

/**
 * The one message catalogue between the plugin's UI iframe and its main thread (STYLE 2). The UI
 * sends requests, main answers each one (a result or an error); main also sends notifications
 * the UI did not ask for. Every message is checked on arrival against this table, and a name that
 * is not in it is an error, never a silent drop.
 */

/** A request from the UI and the shape of main's answer. */
export interface RequestDescriptor<P, R> {
  readonly params: Check<P>;
  readonly result: Check<R>;
}

const empty = object({});
const storageNote = string({ min: 1, max: 1_000 });

const requestTable = {
  /**
   * The UI is listening: main answers how it was started, what to resume (this file's tasks no
   * other open plugin window is collecting), which other files have results waiting (to tell the
   * user, see `waitingInFileNotice`) and what to prefill, then reports the images to list (after a
   * relaunch button the result's, not the selection).
   */
  ready: {
    params: empty,
    result: object({
      command: launchCommand,
      pendingTasks: array(pendingTask, { max: 100 }),
      waitingElsewhere: array(waitingInFile, { max: 100 }),
      prefill: nullable(prefill),
    }),
  },
  /** Export nodes as PNG within the providers' limits, in the order given. */
  'export-references': {
    params: object({ nodeIds: array(nodeId, { min: 1, max: MAX_IMAGES }) }),
    result: object({ references: array(exportedReference, { max: MAX_IMAGES }) }),
  },
  /**
   * Put a placeholder on the canvas at once: beside the first source, or in the viewport's centre.
   * Main notes it in this user's clientStorage until the task is accepted, placed, cancelled or
   * failed, so a placeholder whose run was cut short before that is cleared at the next start.
   */
  'start-generation': {
    params: object({
      prompt,
      /** `edit`: the first node is edited; `edit-file`: an image from disk is, and the nodes are references. */
      mode: generationMode,
      /** The nodes sent as images, in order; the first is the one placed beside. */
      sourceNodeIds: array(nodeId, { max: MAX_IMAGES }),
      /**
       * The size the result is expected to have, for the placeholder's shape (an edited node's own
       * size wins): the size or preset asked for, an edited file's own size for `auto`; null for
       * `auto` otherwise (then the tier's square stands in until the result).
       */
      size: nullable(pixelSize),
      resolution: oneOf(['1K', '2K', '4K']),
    }),
    result: object({ placeholderId: nodeId }),
  },
  /** The provider accepted the task: main keeps the record until the result lands. */
  'task-accepted': {
    params: object({ placeholderId: nodeId, record: parseTaskRecord }),
    result: empty,
  },
  /** The image: fill the placeholder with it (or a new frame if the placeholder is gone). */
  'place-result': {
    params: object({
      placeholderId: nullable(nodeId),
      /** PNG or JPEG; anything else, or more than 4096 px a side, is refused. */
      bytes: bytes({ min: 1, max: 64 * 1024 * 1024 }),
      provenance,
      /**
       * What the image edited: a node (the result takes its size), a file from disk, or nothing
       * (a prompt alone); null when the UI does not know (a resumed task). Core's options say
       * `edit` for a node and a file alike. Used only when the placeholder, which knows, is gone;
       * not a node means the image's own size.
       */
      edited: nullable(oneOf(['node', 'file', 'none'])),
    }),
    result: object({ nodeId, historyId: nullable(string({ min: 1, max: 128 })) }),
  },
  /** The user cancelled: remove the placeholder and forget the task. */
  'cancel-generation': { params: object({ placeholderId: nodeId }), result: empty },
  /**
   * The generation failed for good (the provider's verdict, or never accepted): remove the
   * placeholder if any, forget the task by placeholder and by task id, tell the user.
   */
  'fail-generation': {
    params: object({ placeholderId: nullable(nodeId), taskId: nullable(string({ min: 1, max: 256 })), message: string({ min: 1, max: 4_000 }) }),
    result: empty,
  },
  /**
   * An accepted task this run could not collect (connection lost, timeout, no key): it is still at
   * the provider and paid for, so main keeps the placeholder and the pending task, recaptions the
   * placeholder and tells the user; the task is collected at the next start (or sooner, by the UI).
   */
  'interrupt-generation': {
    params: object({ placeholderId: nodeId, message: string({ min: 1, max: 4_000 }) }),
    result: empty,
  },
  /**
   * At start: remove this user's placeholders whose run ended (the plugin closed) before the
   * provider accepted the task, in one undo step; `notice` says so, null when there were none.
   */
  'remove-interrupted-placeholders': {
    params: empty,
    result: object({ notice: nullable(string({ min: 1, max: 1_000 })) }),
  },
  /** Past results, newest first. */
  'list-history': { params: empty, result: object({ entries: array(historyEntry, { max: 1_000 }) }) },
  /** Place a past result again, in the viewport's centre. */
  'place-again': { params: object({ entryId: string({ min: 1, max: 128 }) }), result: object({ nodeId }) },
  /** The stored key for a provider, if any, with the sentence the UI must show about how it is stored. */
  'read-key': {
    params: object({ provider: keyedProvider }),
    result: object({ key: nullable(string({ min: 1, max: 4_000 })), storageNote }),
  },
  'store-key': {
    params: object({ provider: keyedProvider, key: string({ min: 1, max: 4_000 }) }),
    result: object({ storageNote }),
  },
  'delete-key': { params: object({ provider: keyedProvider }), result: empty },
} as const;

/** Names of the UI's requests. */
export type RequestName = keyof typeof requestTable;
export type RequestParams<N extends RequestName> = Checked<(typeof requestTable)[N]['params']>;
export type RequestResult<N extends RequestName> = Checked<(typeof requestTable)[N]['result']>;

/** The requests, typed per name so generic code keeps each name's params and result together. */
export const REQUESTS: { readonly [N in RequestName]: RequestDescriptor<RequestParams<N>, RequestResult<N>> } = requestTable;

const notificationTable = {
  /**
   * The images to list, in the order the user selected them (main keeps it: Figma's own order is
   * unspecified), or first after a relaunch button the result's images: at most 16 nodes, and how
   * many there were in all.
   */
  selection: object({ nodes: array(selectedNode, { max: MAX_IMAGES }), total: number({ min: 0, max: 1_000_000, integer: true }) }),
  /** Something went wrong outside any request (e.g. a malformed message main could not answer). */
  problem: object({ message: string({ min: 1, max: 4_000 }) }),
} as const;

/** Names of main's notifications. */
export type NotificationName = keyof typeof notificationTable;
export type NotificationPayload<N extends NotificationName> = Checked<(typeof notificationTable)[N]>;

/** The notifications, typed per name. */
export const NOTIFICATIONS: { readonly [N in NotificationName]: Check<NotificationPayload<N>> } = notificationTable;

/** True when `name` is a request in the catalogue. */
export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(REQUESTS, name);
}

/** True when `name` is a notification in the catalogue. */
export function isNotificationName(name: string): name is NotificationName {
  return Object.prototype.hasOwnProperty.call(NOTIFICATIONS, name);
}
