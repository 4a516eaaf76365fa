/**
 * `gptImage.generate`: prompt → size → quality (or all from the argument object) → cost → run
 * under a cancellable notification → saved in the output folder of the document → "Saved x.png"
 * with Insert at cursor / Reveal in Explorer / Copy path / Open.
 *
 * Resolves to the saved file's path, or undefined when cancelled or failed.
 */
import { InvalidInputError, prepareRequest, type OptionsInput } from '@gpt-image/core';
import * as vscode from 'vscode';
import { generateArgsSchema, parseArgs, type GenerateArgs } from './command-args';
import { confirmCost } from './confirm-cost';
import { askPrompt, askQuality, askSize } from './generate-inputs';
import { insertImageSnippet } from './insert-snippet';
import { ensureKey } from './key-commands';
import { destinationFor } from './output-destination';
import { runWithProgress } from './run-with-progress';
import { savedImageInfo, showSavedNotification } from './saved-notification';
import type { HostServices } from './services';
import { readSettings, type Settings } from './settings';

/** `gptImage.generate` (argument: {@link GenerateArgs}). */
export function generateCommand(services: HostServices, args?: unknown): Promise<string | undefined> {
  return generate(services, parseArgs(generateArgsSchema, args, 'gptImage.generate'));
}

async function generate(services: HostServices, args: GenerateArgs): Promise<string | undefined> {
  const editor = args.document ? await editorFor(args.document) : vscode.window.activeTextEditor;
  const document = args.document ? (editor?.document ?? (await vscode.workspace.openTextDocument(args.document))) : editor?.document;
  const settings = readSettings(document?.uri);
  const provider = args.provider ?? settings.provider;
  if (!(await ensureKey(services.keys, services.log, provider))) return undefined;

  const options = args.prompt === undefined ? await askOptions(provider, settings) : optionsFromArgs(args, settings);
  if (!options) return undefined;
  const prepared = prepareRequest(options, provider);
  if (!prepared.ok) throw new InvalidInputError(prepared.issues);
  const request = prepared.request;
  for (const warning of request.warnings) services.log.warn(warning);
  if (!(await confirmCost(request.cost, settings, 'This image', { confirmed: args.confirmed, detail: request.warnings.join('\n') }))) return undefined;

  const destination = destinationFor(document, { prompt: request.options.prompt, format: request.options.outputFormat });
  const { saved } = await runWithProgress(services, request, destination, settings);
  void vscode.commands.executeCommand('setContext', 'gptImage.generatedOnce', true);
  const image = savedImageInfo(saved, request.options.prompt);
  if (args.insert && editor) await insertImageSnippet(editor, image);
  else if (args.notify !== false) showSavedNotification(image, editor);
  return saved.path;
}

/** The quick inputs; undefined when the user dismissed one. */
async function askOptions(provider: Settings['provider'], settings: Settings): Promise<OptionsInput | undefined> {
  const prompt = await askPrompt('GPT Image: generate — describe the image');
  if (prompt === undefined) return undefined;
  const size = await askSize(prompt, provider, settings);
  if (!size) return undefined;
  const base: OptionsInput = { prompt, ...size, outputFormat: settings.defaults.outputFormat };
  const quality = await askQuality(base, provider, settings);
  return quality ? { ...base, ...quality } : undefined;
}

/** Options from the argument object, the settings filling what it leaves out. */
function optionsFromArgs(args: GenerateArgs, settings: Settings): Record<string, unknown> {
  const { defaults } = settings;
  return {
    prompt: args.prompt,
    resolution: args.resolution ?? defaults.resolution,
    aspectRatio: args.aspectRatio ?? defaults.aspectRatio,
    quality: args.quality ?? defaults.quality,
    outputFormat: args.outputFormat ?? defaults.outputFormat,
    ...(args.size !== undefined ? { size: args.size } : {}),
    ...(args.background !== undefined ? { background: args.background } : {}),
    ...(args.moderation !== undefined ? { moderation: args.moderation } : {}),
  };
}

/** The visible editor of `uri`, opening the document in one if needed. */
async function editorFor(uri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  if (visible) return visible;
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preserveFocus: true, preview: false });
}
