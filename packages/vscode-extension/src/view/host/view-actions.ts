/**
 * What the host does for each message of the view. Generating goes through the commands with their
 * argument objects (so the view keeps every rule of theirs: the key check, trust, and the cost
 * confirmation above `gptImage.confirmCostAbove` — `confirmed` is never sent from here).
 */
import { MANIFEST_FILE_NAME } from '@gpt-image/core';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { altTextFor, insertImageSnippet } from '../../host/insert-snippet';
import { messageOf } from '../../host/log';
import type { HostServices } from '../../host/services';
import type { GenerateRequest, HostMessage, WebviewMessage } from '../protocol';
import { galleryItems, IMAGE_FILE, manifestEntryOf, resultItemOf, viewImageOf } from './view-images';
import { pricedAnswer } from './view-price';
import type { ViewRuns } from './view-runs';

export interface ViewActionDeps {
  readonly services: HostServices;
  readonly runs: ViewRuns;
  readonly post: (message: HostMessage) => void;
}

/** Handles one checked message from the view (`ready` is the provider's). */
export async function handleViewMessage(deps: ViewActionDeps, message: Exclude<WebviewMessage, { type: 'ready' }>): Promise<void> {
  const { post, runs, services } = deps;
  switch (message.type) {
    case 'generate':
      return runAndShow(deps, ...commandFor(message.payload));
    case 'regenerate':
      return runAndShow(deps, 'gptImage.regenerate', {
        manifest: join(dirname(message.payload.path), MANIFEST_FILE_NAME),
        file: basename(message.payload.path),
        notify: false,
      });
    case 'price':
      return post({ type: 'priced', payload: pricedAnswer(message.payload) });
    case 'cancel':
      return runs.cancel();
    case 'pickImages': {
      const picked = await vscode.window.showOpenDialog({
        title: 'GPT Image: images to edit (the first is edited, the others are references)',
        canSelectMany: true,
        filters: { Images: ['png', 'jpg', 'jpeg', 'webp'] },
      });
      return sendImages(deps, picked ?? []);
    }
    case 'useActiveImage': {
      const uri = activeImageUri();
      if (!uri) return post({ type: 'notice', payload: { text: 'No PNG, JPEG or WebP image is open in the editor.' } });
      return sendImages(deps, [uri]);
    }
    case 'addImages':
      return sendImages(deps, message.payload.uris.map(toUri));
    case 'insert':
      return insert(deps, message.payload.path);
    case 'reveal':
      await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(message.payload.path));
      return;
    case 'copyPath':
      await vscode.env.clipboard.writeText(vscode.workspace.asRelativePath(vscode.Uri.file(message.payload.path), false));
      return post({ type: 'notice', payload: { text: 'Path copied.' } });
    case 'refreshGallery':
      return post({ type: 'gallery', payload: { items: await galleryItems(services.log) } });
  }
}

/** The command and its argument object for a `generate` message. */
export function commandFor(request: GenerateRequest): [string, Record<string, unknown>] {
  const sizing = request.size !== undefined ? { size: request.size } : { resolution: request.resolution, aspectRatio: request.aspectRatio };
  if (request.mode === 'edit') {
    return ['gptImage.editImages', { images: request.images, prompt: request.prompt, quality: request.quality, ...sizing, notify: false }];
  }
  // The view shows the result with its actions: no "Saved" notification besides.
  return ['gptImage.generate', { prompt: request.prompt, quality: request.quality, ...sizing, insert: false, notify: false }];
}

async function runAndShow(deps: ViewActionDeps, command: string, args: Record<string, unknown>): Promise<void> {
  const { post, runs, services } = deps;
  let path: string | undefined;
  try {
    path = await runs.run(command, args, {
      onState: (state) => post({ type: 'progress', payload: { state } }),
      onEvent: (event) => {
        if (event.type !== 'partial') return;
        const dataUrl = previewDataUrl(event.bytes, event.format);
        if (dataUrl) post({ type: 'preview', payload: { index: event.index, dataUrl } });
        else services.log.debug(`View: preview ${event.index + 1} is too large to show (${event.bytes.byteLength} bytes)`);
      },
    });
  } finally {
    // The view's Cancel ended the run: say so before the (empty) result.
    if (!path && runs.cancelled) post({ type: 'progress', payload: { state: 'cancelled' } });
    // Undefined: cancelled, or failed and already reported by the command.
    post({ type: 'result', payload: { image: path ? await resultItemOf(path, services.log) : null } });
  }
  if (path) post({ type: 'gallery', payload: { items: await galleryItems(services.log) } });
}

/** Previews larger than this are not sent to the view (a `data:` URL travels whole over postMessage). */
export const MAX_PREVIEW_BYTES = 3 * 1024 * 1024;

/** A preview's bytes as a `data:` URL, or undefined when too large to send. */
export function previewDataUrl(bytes: Uint8Array, format: string): string | undefined {
  if (bytes.byteLength > MAX_PREVIEW_BYTES) return undefined;
  const mediaType = format === 'jpeg' || format === 'jpg' ? 'image/jpeg' : format === 'webp' ? 'image/webp' : 'image/png';
  return `data:${mediaType};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

async function sendImages({ post, services }: ViewActionDeps, uris: readonly vscode.Uri[]): Promise<void> {
  const images = [];
  for (const uri of uris.filter((candidate) => IMAGE_FILE.test(candidate.path))) {
    try {
      images.push(await viewImageOf(uri));
    } catch (error) {
      services.log.warn(`View: could not read ${uri.fsPath}: ${messageOf(error)}`);
    }
  }
  if (images.length < uris.length) post({ type: 'notice', payload: { text: 'Only PNG, JPEG and WebP files that can be read are added.' } });
  if (images.length > 0) post({ type: 'images', payload: { images } });
}

async function insert({ post, services }: ViewActionDeps, path: string): Promise<void> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  if (!editor) return post({ type: 'notice', payload: { text: 'Open a document to insert the image into.' } });
  const entry = await manifestEntryOf(path, services.log);
  const inserted = await insertImageSnippet(editor, {
    path,
    alt: altTextFor(entry?.prompt ?? basename(path)),
    ...(entry ? { size: { width: entry.width, height: entry.height } } : {}),
  });
  if (inserted === undefined) post({ type: 'notice', payload: { text: 'The editor refused the insertion.' } });
}

/** A dropped `file:` URI or a plain path. */
function toUri(text: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(text) && !/^[a-z]:[\\/]/i.test(text) ? vscode.Uri.parse(text, true) : vscode.Uri.file(text);
}

/** The image shown in the active editor tab (the built-in image preview is a custom editor). */
function activeImageUri(): vscode.Uri | undefined {
  const tabs = [vscode.window.tabGroups.activeTabGroup.activeTab, ...vscode.window.tabGroups.all.map((group) => group.activeTab)];
  for (const tab of tabs) {
    const input = tab?.input;
    const uri = input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
    if (uri && IMAGE_FILE.test(uri.path)) return uri;
  }
  return undefined;
}
