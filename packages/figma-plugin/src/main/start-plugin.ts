import { serveUi, type MainEndpoint } from '../protocol/main-endpoint';
import { createKeyStore } from './api-keys';
import type { FigmaApi } from './figma-api';
import { fileIdentity } from './file-identity';
import { figmaTransport } from './figma-transport';
import { createHistoryStore } from './history';
import { createPendingStore } from './pending-tasks';
import { createRequestHandlers } from './request-handlers';
import { createSelectionOrder, createSelectionReporter } from './selection';
import { createSession, HEARTBEAT_MS } from './session-claims';

/** What the entry point passes in; the clock and ids are injectable for tests. */
export interface PluginOptions {
  /** The UI's HTML: `__html__` in Figma (the manifest's `ui` file). */
  readonly html: string;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** Ids of history entries. @default time and randomness in base 36 */
  readonly newId?: () => string;
  /** Runs `tick` every `ms` until the returned function is called. @default setInterval */
  readonly every?: (ms: number, tick: () => void) => () => void;
}

/**
 * Starts the main thread: opens the UI, serves its requests and reports the selection once the UI
 * said it is ready (never before, so nothing is posted into a window that is not listening). The
 * selection's order is followed from the start, whether the UI listens yet or not.
 * Network never happens here; the UI does it. Returns the function that stops everything, which
 * also runs when Figma closes the plugin.
 */
export function startPlugin(figma: FigmaApi, options: PluginOptions): () => void {
  const now = options.now ?? (() => new Date());
  // This session's claims on pending tasks and notes live as long as its heartbeat (see session-claims.ts).
  const session = createSession(figma.clientStorage, randomId(), now);
  const keepBeating = (): void => {
    session.beat().catch((error: unknown) => console.error(`GPT Image: the session's heartbeat was not saved: ${error instanceof Error ? error.message : String(error)}`));
  };
  session.sweep().catch(() => undefined);
  const stopBeating = (options.every ?? everyInterval)(HEARTBEAT_MS, keepBeating);
  let uiReady = false;
  let endpoint: MainEndpoint | null = null;
  // The selection when the plugin opens keeps Figma's order: nothing better is known.
  const selectionInOrder = createSelectionOrder();
  selectionInOrder(figma.currentPage);
  const reportSelection = createSelectionReporter((nodes, total) => endpoint?.notify('selection', { nodes, total }));
  const sendSelection = (nodes: readonly SceneNode[]): void => {
    reportSelection(nodes).catch((error: unknown) =>
      endpoint?.notify('problem', { message: `The selection could not be read: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };

  figma.showUI(options.html, { width: 380, height: 640, themeColors: true, title: 'GPT Image' });
  endpoint = serveUi(
    figmaTransport(figma.ui),
    createRequestHandlers({
      figma,
      pending: createPendingStore(figma.clientStorage, { file: fileIdentity(figma.root, randomId), session }),
      history: createHistoryStore(figma.clientStorage),
      keys: createKeyStore(figma.clientStorage),
      now,
      newId: options.newId ?? randomId,
      handedOut: new Set(),
      selection: () => selectionInOrder(figma.currentPage),
      onReady: (firstImages) => {
        uiReady = true;
        sendSelection(firstImages ?? selectionInOrder(figma.currentPage));
      },
    }),
  );

  const onSelectionChange = (): void => {
    const nodes = selectionInOrder(figma.currentPage);
    if (uiReady) sendSelection(nodes);
  };
  figma.on('selectionchange', onSelectionChange);
  const dispose = (): void => {
    figma.off('selectionchange', onSelectionChange);
    endpoint?.dispose();
    stopBeating();
    session.end();
  };
  figma.on('close', dispose);
  return dispose;
}

function everyInterval(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
}

function randomId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
