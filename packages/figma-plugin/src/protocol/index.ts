/**
 * The protocol between the plugin's UI iframe and its main thread: one catalogue of typed,
 * validated messages that both sides import (STYLE 2). Main serves it with `serveUi`, the UI talks
 * to main with `connectToMain`; each brings a `Transport`.
 */
export { serveUi, type MainEndpoint, type MainEndpointOptions, type RequestHandlers } from './main-endpoint';
export { connectToMain, RequestFailedError, type UiEndpoint, type UiEndpointOptions } from './ui-endpoint';
export type { Transport } from './transport';
export { ProtocolError } from './protocol-error';
export { PROTOCOL_VERSION, parseEnvelope } from './envelope';
export {
  REQUESTS, NOTIFICATIONS, isRequestName, isNotificationName,
  type RequestName, type RequestParams, type RequestResult, type NotificationName, type NotificationPayload,
} from './messages';
export type { SelectedNode, ExportedReference, Provenance, PendingTask, HistoryEntry, KeyedProvider, LaunchCommand, Prefill } from './shapes';
export type { JsonValue, JsonObject } from './json';
export { MAX_FIGMA_IMAGE_SIDE } from './limits';
export { parseTaskRecord, TASK_STATES, type TaskRecordJson, type RequestSummaryJson, type TaskState } from './task-record-check';
