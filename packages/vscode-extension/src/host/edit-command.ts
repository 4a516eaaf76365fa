/**
 * `gptImage.editImages`: edit images picked in the Explorer (or an Open dialog from the palette,
 * or the `images` argument). The image right-clicked is the one being edited and the other
 * selected images are references; the order is shown for confirmation before anything is sent.
 *
 * The result is saved next to the image being edited (not in the output folder): an edit belongs
 * beside its source, as in Figma, and the folder's manifest then records both.
 *
 * Resolves to the saved file's path, or undefined when cancelled or failed.
 */
import {
  formatSize,
  GptImageError,
  InvalidInputError,
  prepareRequest,
  PROVIDERS,
  requestForShape,
  sniffImage,
  type OptionsInput,
  type ReferenceImageInput,
  type ShapeRequest,
} from '@gpt-image/core';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { editArgsSchema, parseArgs, type EditArgs } from './command-args';
import { confirmCost } from './confirm-cost';
import { askPrompt, askQuality, askSize, type SizeChoice } from './generate-inputs';
import { confirmImageOrder } from './image-order';
import { ensureKey } from './key-commands';
import { besideDestination } from './output-destination';
import { runWithProgress } from './run-with-progress';
import { savedImageInfo, showSavedNotification } from './saved-notification';
import type { HostServices } from './services';
import { readSettings, type Settings } from './settings';
import { trustRefusal } from './trust';

const IMAGE_FILE = /\.(png|jpe?g|webp)$/i;

/** `gptImage.editImages` (Explorer arguments, none, or {@link EditArgs}). */
export async function editImagesCommand(services: HostServices, first?: unknown, second?: unknown) {
  if (first instanceof vscode.Uri) return editFromExplorer(services, first, second);
  if (first === undefined) return editFromDialog(services);
  return edit(services, parseArgs(editArgsSchema, first, 'gptImage.editImages'), false);
}

/** The Explorer passes the clicked file and every selected file. */
async function editFromExplorer(services: HostServices, clicked: vscode.Uri, selection: unknown): Promise<string | undefined> {
  const selected = Array.isArray(selection) ? selection.filter((item): item is vscode.Uri => item instanceof vscode.Uri) : [];
  const others = selected.filter((uri) => uri.toString() !== clicked.toString());
  return edit(services, { images: [clicked, ...others] }, true);
}

async function editFromDialog(services: HostServices): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'GPT Image: images to edit (the first is edited, the others are references)',
    canSelectMany: true,
    filters: { Images: ['png', 'jpg', 'jpeg', 'webp'] },
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  return picked?.length ? edit(services, { images: picked }, true) : undefined;
}

async function edit(services: HostServices, args: EditArgs, interactive: boolean): Promise<string | undefined> {
  const skipped = args.images.filter((uri) => !IMAGE_FILE.test(uri.path));
  if (skipped.length > 0) {
    void vscode.window.showWarningMessage(`GPT Image: only PNG, JPEG and WebP can be edited; left out ${skipped.map((uri) => basename(uri.path)).join(', ')}.`);
  }
  const candidates = args.images.filter((uri) => IMAGE_FILE.test(uri.path));
  if (candidates.length === 0) return undefined;
  const settings = readSettings(candidates[0]);
  const provider = args.provider ?? settings.provider;
  // Early, so the user is not asked for anything that could not be sent (checked again at sending).
  const refusal = trustRefusal(provider, candidates.length);
  if (refusal) throw new GptImageError('invalid_input', refusal);
  if (!(await ensureKey(services.keys, services.log, provider))) return undefined;

  const images = interactive ? await confirmImageOrder(candidates) : candidates;
  if (!images) return undefined;
  const inputs = await Promise.all(images.map(readImage));
  const edited = inputs[0];
  const editedUri = images[0];
  if (!edited || !editedUri) return undefined;
  const shape = sniffImage(edited.bytes);
  // The host knows better than `auto` here: the result takes the edited image's shape at the
  // tier's size, or the nearest ratio a preset-only provider (kie) offers.
  const matching = shape ? shapeChoice(requestForShape(PROVIDERS[provider].capabilities, shape, settings.defaults.resolution)) : undefined;

  // Programmatic values are passed to the core unchecked: it checks them, naming field and value.
  let options: OptionsInput | Record<string, unknown>;
  if (interactive) {
    const prompt = await askPrompt('GPT Image: edit — describe the change', 'Make it night, with the street lamps on');
    if (prompt === undefined) return undefined;
    const extra: Partial<OptionsInput> = { mode: 'edit', images: inputs };
    const suggestion = matching ? { label: `Match ${basename(editedUri.path)}`, choice: matching } : undefined;
    const size = await askSize(prompt, provider, settings, extra, suggestion);
    if (!size) return undefined;
    const base: OptionsInput = { ...extra, prompt, ...size, outputFormat: settings.defaults.outputFormat };
    const quality = await askQuality(base, provider, settings);
    if (!quality) return undefined;
    options = { ...base, ...quality };
  } else {
    if (args.prompt === undefined) throw new Error('gptImage.editImages: the argument object needs a prompt');
    options = withoutUndefined({
      mode: 'edit',
      images: inputs,
      prompt: args.prompt,
      ...sizeFromArgs(args, matching, settings),
      quality: args.quality ?? settings.defaults.quality,
      outputFormat: args.outputFormat ?? settings.defaults.outputFormat,
      background: args.background,
    });
  }
  const prepared = prepareRequest(options, provider);
  if (!prepared.ok) throw new InvalidInputError(prepared.issues);
  const request = prepared.request;
  const what = `Editing ${basename(images[0]?.path ?? '')} with ${images.length - 1} reference${images.length === 2 ? '' : 's'}`;
  if (!(await confirmCost(request.cost, settings, what, { confirmed: args.confirmed }))) return undefined;

  const destination = besideDestination(editedUri.fsPath, { prompt: request.options.prompt, format: request.options.outputFormat });
  const { saved } = await runWithProgress(services, request, destination, settings);
  if (args.notify !== false) showSavedNotification(savedImageInfo(saved, request.options.prompt), vscode.window.activeTextEditor);
  return saved.path;
}

/** An image file as the contract takes it: its bytes and its name (checked by the core). */
async function readImage(uri: vscode.Uri): Promise<ReferenceImageInput & { bytes: Uint8Array }> {
  return { bytes: await vscode.workspace.fs.readFile(uri), name: basename(uri.path) };
}

/** The size options that match a shape, or undefined when the provider has nothing near it. */
function shapeChoice(request: ShapeRequest): SizeChoice | undefined {
  if (request.kind === 'size') return { size: formatSize(request.size) };
  if (request.kind === 'preset') return { resolution: request.resolution, aspectRatio: request.aspectRatio };
  return undefined;
}

/**
 * The size options of a programmatic edit: a given size, else a given tier/ratio, else the edited
 * image's shape (or the nearest preset ratio), else the default preset.
 */
function sizeFromArgs(args: EditArgs, matching: SizeChoice | undefined, settings: Settings): Record<string, string> {
  if (args.size !== undefined) return { size: args.size };
  if (args.resolution === undefined && args.aspectRatio === undefined && matching) return matching;
  return { resolution: args.resolution ?? settings.defaults.resolution, aspectRatio: args.aspectRatio ?? settings.defaults.aspectRatio };
}

/** The object without its undefined values (the contract refuses `key: undefined` for enums). */
function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
