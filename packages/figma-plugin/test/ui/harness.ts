// The test harness page: loads the built plugin UI (dist/ui.html) in a sandboxed iframe, whose
// origin is null as in Figma, and plays Figma's main thread over the real protocol (serveUi):
// a selection of frames (a 4:3 and a 2:3 one unless the test names others), PNG exports of them, and a log of what the UI asked.
import { serveUi, type RequestHandlers } from '../../src/protocol/main-endpoint';
import type { HistoryEntry, PendingTask, Prefill, Provenance, SelectedNode } from '../../src/protocol/shapes';
import type { Transport } from '../../src/protocol/transport';
import type { WaitingInFile } from '../../src/protocol/waiting-elsewhere';

/** One request the UI made, as the test reads it. */
export interface LoggedRequest {
  readonly name: string;
  readonly detail: Record<string, string | number | boolean | null | readonly string[]>;
}

/** What the page exposes to the test. */
export interface HarnessApi {
  readonly log: LoggedRequest[];
  /** sha256 of each frame's exported PNG, by node id. */
  readonly exportHashes: Record<string, string>;
  setPending(tasks: PendingTask[]): void;
  /** Every task record the UI reported as accepted, in order, with its placeholder. */
  readonly accepted: PendingTask[];
  /** The history main lists, newest first: one entry per placed result, plus any given at start. */
  readonly history: HistoryEntry[];
  /** The placeholders on the canvas, as main keeps them: put down at start, gone when filled, cancelled or failed. */
  readonly placeholders: string[];
  /** Main's pending tasks, as its store keeps them: accepted, forgotten when placed, cancelled or failed. */
  readonly stored: PendingTask[];
}

/**
 * What the test may hand the harness before the page loads (`window.harnessInit`, set by an init
 * script): tasks `ready` answers as pending, stored keys, and history entries.
 */
export interface HarnessInit {
  readonly pending?: PendingTask[];
  readonly keys?: Record<string, string>;
  readonly history?: HistoryEntry[];
  /** The selected frames, in selection order; two by default (a 4:3 hero and a 2:3 card). */
  readonly frames?: readonly HarnessFrame[];
  /**
   * Started by a relaunch button on a result with this provenance: as main does, `ready` answers
   * with the prefill and the first report lists the frames the provenance names ("Regenerate", of
   * `frames`, in its order) or the result ("Edit again", as `resultFrame`), not the selection.
   */
  readonly relaunch?: { readonly command: Prefill['command']; readonly provenance: Provenance; readonly resultFrame: HarnessFrame };
  /** This user's results waiting for other files, as main's `ready` reports them. */
  readonly waitingElsewhere?: readonly WaitingInFile[];
}

/** A frame the harness selects and exports. */
export interface HarnessFrame {
  readonly id: string;
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly color: string;
}

const DEFAULT_FRAMES: readonly HarnessFrame[] = [
  { id: '1:1', name: 'Hero (landscape)', width: 800, height: 600, color: '#e4572e' },
  { id: '1:2', name: 'Card (portrait)', width: 600, height: 900, color: '#17bebb' },
];

async function png(width: number, height: number, color: string, label: string): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d context');
  g.fillStyle = color;
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#fff';
  g.font = `${Math.round(height / 6)}px sans-serif`;
  g.fillText(label, width / 10, height / 2);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('canvas.toBlob failed');
  return new Uint8Array(await blob.arrayBuffer());
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A PNG's size from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function start(): Promise<void> {
  const iframe = document.createElement('iframe');
  // Like Figma's plugin iframe: scripts run, the origin is null (every fetch is cross-origin).
  iframe.setAttribute('sandbox', 'allow-scripts allow-downloads');
  iframe.src = `/ui.html${location.search}`;
  iframe.title = 'GPT Image plugin';
  iframe.style.cssText = 'width:380px;height:900px;border:1px solid #ccc';

  const log: LoggedRequest[] = [];
  const exportHashes: Record<string, string> = {};
  const init = (Reflect.get(window, 'harnessInit') ?? {}) as HarnessInit;
  const frames = init.frames ?? DEFAULT_FRAMES;
  let pending: PendingTask[] = init.pending ?? [];
  const accepted: PendingTask[] = [];
  const history: HistoryEntry[] = [...(init.history ?? [])];
  const keys = new Map<string, string>(Object.entries(init.keys ?? {}));
  const storageNote = 'Your API key is stored unencrypted on this computer, in Figma’s storage for this plugin.';
  let placeholderCount = 0;
  const placeholders: string[] = [];
  const stored: PendingTask[] = [];
  /** What main does when a run ends: the placeholder goes, and so does its task. */
  const settle = (placeholderId: string | null, taskId: string | null): void => {
    const at = placeholderId === null ? -1 : placeholders.indexOf(placeholderId);
    if (at >= 0) placeholders.splice(at, 1);
    for (let i = stored.length - 1; i >= 0; i--) {
      const task = stored[i];
      if (task && ((placeholderId !== null && task.placeholderId === placeholderId) || task.record.id === taskId)) stored.splice(i, 1);
    }
  };

  const thumbnails = await Promise.all(frames.map((f) => png(96, Math.round((96 * f.height) / f.width), f.color, f.name[0] ?? '')));
  const exports = await Promise.all(frames.map((f) => png(f.width, f.height, f.color, f.name)));
  for (const [i, f] of frames.entries()) exportHashes[f.id] = await sha256(exports[i] ?? new Uint8Array());
  const selection: SelectedNode[] = frames.map((f, i) => ({ id: f.id, name: f.name, type: 'FRAME', width: f.width, height: f.height, thumbnail: thumbnails[i] ?? null }));
  const relaunchOf = ({ command, provenance, resultFrame }: NonNullable<HarnessInit['relaunch']>): { prefill: Prefill; images: SelectedNode[] } => {
    const result: SelectedNode = { id: resultFrame.id, name: resultFrame.name, type: 'FRAME', width: resultFrame.width, height: resultFrame.height, thumbnail: null };
    const sources = provenance.sourceNodeIds.flatMap((id) => selection.filter((node) => node.id === id));
    const images = command === 'edit' ? [result] : sources;
    return { prefill: { command, resultNodeId: result.id, provenance, sourcesGone: command === 'edit' ? 0 : provenance.sourceNodeIds.length - sources.length, sourcesElsewhere: false }, images };
  };

  const transport: Transport = {
    post: (message) => iframe.contentWindow?.postMessage({ pluginMessage: message }, '*'),
    listen: (listener) => {
      const handler = (event: MessageEvent<unknown>): void => {
        const data = event.data;
        if (event.source === iframe.contentWindow && typeof data === 'object' && data !== null && 'pluginMessage' in data) listener(data.pluginMessage);
      };
      window.addEventListener('message', handler);
      return () => window.removeEventListener('message', handler);
    },
  };

  const handlers: RequestHandlers = {
    ready: async () => {
      log.push({ name: 'ready', detail: {} });
      const relaunch = init.relaunch ? relaunchOf(init.relaunch) : null;
      const listed = relaunch?.images ?? selection;
      // As main does: the selection (or a relaunch's images) follows the answer to `ready`.
      setTimeout(() => endpoint.notify('selection', { nodes: listed, total: listed.length }), 0);
      return { command: init.relaunch?.command ?? 'open', pendingTasks: pending, prefill: relaunch?.prefill ?? null, waitingElsewhere: [...(init.waitingElsewhere ?? [])] };
    },
    'export-references': async ({ nodeIds }) => {
      log.push({ name: 'export-references', detail: { nodeIds: [...nodeIds] } });
      return {
        references: nodeIds.map((id) => {
          const i = frames.findIndex((f) => f.id === id);
          const frame = frames[i];
          const bytes = exports[i];
          if (!frame || !bytes) throw new Error(`no node ${id}`);
          return { nodeId: id, name: frame.name, bytes, mediaType: 'image/png', width: frame.width, height: frame.height, scale: 1 };
        }),
      };
    },
    'start-generation': async ({ mode, sourceNodeIds, size, resolution }) => {
      const placeholderId = `ph:${++placeholderCount}`;
      placeholders.push(placeholderId);
      log.push({ name: 'start-generation', detail: { placeholderId, mode, sourceNodeIds: [...sourceNodeIds], size: size ? `${size.width}x${size.height}` : null, resolution } });
      return { placeholderId };
    },
    'task-accepted': async ({ placeholderId, record }) => {
      log.push({ name: 'task-accepted', detail: { placeholderId, taskId: record.id } });
      accepted.push({ placeholderId, record });
      stored.push({ placeholderId, record });
      return {};
    },
    'place-result': async ({ placeholderId, bytes, provenance }) => {
      const { width, height } = pngSize(bytes);
      settle(placeholderId, provenance.taskId);
      log.push({ name: 'place-result', detail: { placeholderId, width, height, byteLength: bytes.byteLength, provider: provenance.provider, sourceNodeIds: [...provenance.sourceNodeIds] } });
      // As main does: the result joins the history, newest first, with a small thumbnail.
      const historyId = `h:${history.length + 1}`;
      const thumbnail = await png(48, Math.max(1, Math.round((48 * height) / width)), '#6a4c93', String(history.length + 1));
      history.unshift({ id: historyId, prompt: provenance.prompt, provider: provenance.provider, model: provenance.model, createdAt: provenance.createdAt, width, height, thumbnail, available: true });
      return { nodeId: `result:${placeholderId}`, historyId };
    },
    'cancel-generation': async ({ placeholderId }) => {
      log.push({ name: 'cancel-generation', detail: { placeholderId } });
      settle(placeholderId, null);
      return {};
    },
    'fail-generation': async ({ placeholderId, taskId, message }) => {
      log.push({ name: 'fail-generation', detail: { placeholderId, taskId, message } });
      settle(placeholderId, taskId);
      return {};
    },
    'interrupt-generation': async ({ placeholderId, message }) => {
      log.push({ name: 'interrupt-generation', detail: { placeholderId, message } });
      return {};
    },
    'remove-interrupted-placeholders': async () => {
      log.push({ name: 'remove-interrupted-placeholders', detail: {} });
      return { notice: null };
    },
    'list-history': async () => {
      log.push({ name: 'list-history', detail: {} });
      return { entries: history };
    },
    'place-again': async ({ entryId }) => {
      log.push({ name: 'place-again', detail: { entryId } });
      const entry = history.find((e) => e.id === entryId);
      if (!entry?.available) throw new Error('That image is not in this file any more.');
      return { nodeId: `again:${entryId}` };
    },
    'read-key': async ({ provider }) => ({ key: keys.get(provider) ?? null, storageNote }),
    'store-key': async ({ provider, key }) => {
      keys.set(provider, key);
      log.push({ name: 'store-key', detail: { provider } });
      return { storageNote };
    },
    'delete-key': async ({ provider }) => {
      keys.delete(provider);
      return {};
    },
  };
  const endpoint = serveUi(transport, handlers, { onProblem: (error) => log.push({ name: 'problem', detail: { message: error.message } }) });
  // Only now: the UI says `ready` as soon as it loads, and main must be listening by then.
  document.body.append(iframe);
  const api: HarnessApi = { log, exportHashes, setPending: (tasks) => (pending = tasks), accepted, history, placeholders, stored };
  Object.assign(window, { harness: api });
}

void start();
