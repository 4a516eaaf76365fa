import { createFigma } from 'figma-api-stub';
import { Fonts } from 'figma-api-stub/dist/fonts';
import { RELAUNCH_BUTTONS } from '../../src/main/relaunch-buttons';
import { FakeClientStorage } from './fake-client-storage';
import { FakeDocument } from './fake-document';
import { fakeImages } from './fake-images';
import { decorateNode, type ExportCall, type NodeContext } from './fake-nodes';
import { FakeUi } from './fake-ui';
import { UndoJournal } from './fake-undo';
import { FakeViewport } from './fake-viewport';

/** How to start a fake session. */
export interface FakeFigmaOptions {
  /** The file; pass the previous session's to model reopening the plugin on it. @default a new file */
  readonly document?: FakeDocument;
  /** This user's clientStorage; pass the previous session's to model a restart. @default empty */
  readonly storage?: FakeClientStorage;
  /** `figma.command`: '' from the menu, or a relaunch button's command. @default '' */
  readonly command?: string;
  /** @default { x: 0, y: 0 } */
  readonly viewportCenter?: { readonly x: number; readonly y: number };
  /** Fonts `loadFontAsync` rejects, as for a font missing on this computer. @default none */
  readonly missingFonts?: readonly FontName[];
}

/** One run of the plugin against a fake Figma, with everything the tests inspect. */
export interface FakeFigma {
  /** The `figma` object the plugin gets. */
  readonly figma: PluginAPI;
  readonly document: FakeDocument;
  readonly storage: FakeClientStorage;
  readonly ui: FakeUi;
  readonly viewport: FakeViewport;
  readonly undo: UndoJournal;
  /** `figma.notify` calls. */
  readonly notifications: { readonly message: string; readonly error: boolean }[];
  /** `exportAsync` calls. */
  readonly exports: ExportCall[];
  /** Fonts loaded in this session. */
  readonly loadedFonts: FontName[];
  /** The plugin was closed: its listeners are gone and its `close` handlers ran. */
  readonly closed: () => boolean;
  close(): void;
}

/**
 * figma-api-stub's `createFigma` (nodes, tree, selection events, fonts, `simulateErrors` for
 * Figma's own refusals such as setting text before its font is loaded), completed with faithful
 * stand-ins for what it lacks (see each fake's file) and with a `dynamic-page` document: only the
 * async node look-up works, as in Figma with `documentAccess: 'dynamic-page'`.
 */
export function createFakeFigma(options: FakeFigmaOptions = {}): FakeFigma {
  const figma = createFigma({ simulateErrors: true, isWithoutTimeout: false });
  // The stub keeps loaded fonts in a static list; a new plugin run starts with none loaded.
  Fonts.loadedFonts = [];
  const document = options.document ?? new FakeDocument();
  const storage = options.storage ?? new FakeClientStorage();
  const ui = new FakeUi();
  const viewport = new FakeViewport(options.viewportCenter);
  const undo = new UndoJournal(document);
  const notifications: { message: string; error: boolean }[] = [];
  const exports: ExportCall[] = [];
  const loadedFonts: FontName[] = [];
  const context: NodeContext = { document, relaunchCommands: RELAUNCH_BUTTONS.map((b) => b.command), exports };
  const images = fakeImages(document);

  if (document.root && document.page) {
    set(figma, 'root', document.root);
    figma.currentPage = document.page;
  } else {
    document.root = decorateNode(figma.root, context, false);
    document.page = decorateNode(figma.currentPage, context, false);
    document.page.name = 'Page 1';
  }

  const creator = <T extends BaseNode>(create: () => T) => (): T => decorateNode(create(), context, true);
  const stubCreateFrame = figma.createFrame.bind(figma);
  set(figma, 'createPage', creator(figma.createPage.bind(figma)));
  // The stub has no sections: a section is made from its frame (children, position, size), retyped.
  set(figma, 'createSection', creator(() => Object.assign(stubCreateFrame(), { type: 'SECTION' })));
  // Under `documentAccess: 'dynamic-page'` pages are switched with this (loading the page first).
  set(figma, 'setCurrentPageAsync', async (page: PageNode) => {
    figma.currentPage = page;
  });
  set(figma, 'createFrame', creator(figma.createFrame.bind(figma)));
  set(figma, 'createText', creator(figma.createText.bind(figma)));
  set(figma, 'createRectangle', creator(figma.createRectangle.bind(figma)));
  set(figma, 'createImage', images.createImage);
  set(figma, 'getImageByHash', images.getImageByHash);
  set(figma, 'clientStorage', storage);
  set(figma, 'viewport', viewport);
  set(figma, 'ui', ui);
  set(figma, 'command', options.command ?? '');
  set(figma, 'commitUndo', () => undo.commit());
  set(figma, 'showUI', () => undefined);
  set(figma, 'notify', (message: string, notifyOptions?: NotificationOptions) => {
    notifications.push({ message, error: notifyOptions?.error ?? false });
    return { cancel: () => undefined };
  });
  set(figma, 'getNodeById', () => {
    throw new Error('Cannot call getNodeById with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.');
  });
  set(figma, 'getNodeByIdAsync', async (id: string) => findNode(document.root, id));
  const stubLoadFont = figma.loadFontAsync.bind(figma);
  set(figma, 'loadFontAsync', async (font: FontName) => {
    if (options.missingFonts?.some((f) => f.family === font.family && f.style === font.style)) {
      throw new Error(`The font "${font.family} ${font.style}" could not be loaded`);
    }
    await stubLoadFont(font);
    loadedFonts.push(font);
  });

  // Event listeners, tracked so that closing the session removes them (the stub's selection events
  // are module-wide and would otherwise reach closed sessions).
  const subscriptions: [ArgFreeEventType, () => void][] = [];
  const closeHandlers = new Set<() => void>();
  const stubOn = figma.on.bind(figma);
  const stubOff = figma.off.bind(figma);
  let closed = false;
  set(figma, 'on', (type: ArgFreeEventType, callback: () => void) => {
    if (type === 'close') closeHandlers.add(callback);
    else {
      stubOn(type, callback);
      subscriptions.push([type, callback]);
    }
  });
  set(figma, 'off', (type: ArgFreeEventType, callback: () => void) => {
    if (type === 'close') closeHandlers.delete(callback);
    const index = subscriptions.findIndex(([t, c]) => t === type && c === callback);
    if (index >= 0) {
      stubOff(type, callback);
      subscriptions.splice(index, 1);
    }
  });
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const handler of [...closeHandlers]) handler();
    for (const [type, callback] of subscriptions.splice(0)) stubOff(type, callback);
    ui.close();
  };
  set(figma, 'closePlugin', close);

  return { figma, document, storage, ui, viewport, undo, notifications, exports, loadedFonts, closed: () => closed, close };
}

function set(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true });
}

function findNode(node: BaseNode | null, id: string): BaseNode | null {
  if (!node || node.removed) return null;
  if (node.id === id) return node;
  if ('children' in node) {
    for (const child of node.children) {
      const hit = findNode(child, id);
      if (hit) return hit;
    }
  }
  return null;
}
