/**
 * `gptImage.regenerate`: pick an image from the workspace's manifests (newest first) and make it
 * again with the same prompt and options, with the current provider, as a new file beside it.
 *
 * Only generated images can be made again: an edit's manifest entry records its reference images
 * by hash, not by path (files move and change), so there is nothing to send; the user is told to
 * run "Edit Images…" on the files instead.
 *
 * Resolves to the saved file's path, or undefined when cancelled or failed.
 */
import { formatCost, InvalidInputError, optionsSchema, prepareRequest } from '@gpt-image/core';
import * as vscode from 'vscode';
import { parseArgs, regenerateArgsSchema, type RegenerateArgs } from './command-args';
import { confirmCost } from './confirm-cost';
import { ensureKey } from './key-commands';
import { entriesOf, workspaceManifestEntries, type FoundEntry } from './manifest-entries';
import { besideDestination } from './output-destination';
import { runWithProgress, shortLabel } from './run-with-progress';
import { savedImageInfo, showSavedNotification } from './saved-notification';
import type { HostServices } from './services';
import { readSettings } from './settings';

/** `gptImage.regenerate` (argument: {@link RegenerateArgs}). */
export function regenerateCommand(services: HostServices, args?: unknown) {
  return regenerate(services, parseArgs(regenerateArgsSchema, args, 'gptImage.regenerate'));
}

interface EntryItem extends vscode.QuickPickItem {
  readonly found: FoundEntry;
}

async function regenerate(services: HostServices, args: RegenerateArgs): Promise<string | undefined> {
  const found = await chooseEntry(services, args);
  if (!found) return undefined;
  const { entry, manifest } = found;
  if (entry.references.length > 0 || entry.options['mode'] === 'edit') {
    throw new Error(
      `${entry.file} is an edit of ${entry.references.length} image${entry.references.length === 1 ? '' : 's'}; the manifest keeps references by hash, not by path, so it cannot be made again from here. Run "Edit Images…" on the files instead.`,
    );
  }
  const settings = readSettings(manifest);
  const provider = args.provider ?? settings.provider;
  if (!(await ensureKey(services.keys, services.log, provider))) return undefined;
  // The manifest's options are loose on purpose (older and newer writers): keep the ones this
  // contract knows and let it check them.
  const known = new Set(Object.keys(optionsSchema.shape).filter((key) => key !== 'images'));
  const options = Object.fromEntries(Object.entries(entry.options).filter(([key, value]) => known.has(key) && value !== undefined && value !== null));
  const prepared = prepareRequest({ ...options, prompt: entry.prompt }, provider);
  if (!prepared.ok) throw new InvalidInputError(prepared.issues);
  const request = prepared.request;
  if (!(await confirmCost(request.cost, settings, `Making ${entry.file} again`, { confirmed: args.confirmed }))) return undefined;
  const destination = besideDestination(vscode.Uri.joinPath(manifest, '..', entry.file).fsPath, { prompt: request.options.prompt, format: request.options.outputFormat });
  const { saved } = await runWithProgress(services, request, destination, settings);
  if (args.notify !== false) showSavedNotification(savedImageInfo(saved, request.options.prompt), vscode.window.activeTextEditor);
  return saved.path;
}

async function chooseEntry(services: HostServices, args: RegenerateArgs): Promise<FoundEntry | undefined> {
  const entries = args.manifest ? await entriesOf([args.manifest], services.log) : await workspaceManifestEntries(services.log);
  if (args.file !== undefined) {
    const match = entries.find((found) => found.entry.file === args.file);
    if (!match) throw new Error(`No manifest entry for ${args.file}${args.manifest ? ` in ${args.manifest.fsPath}` : ''}.`);
    return match;
  }
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('GPT Image: no generated images are recorded in this workspace yet (no gpt-image-manifest.json).');
    return undefined;
  }
  const items: EntryItem[] = entries.map((found) => ({
    label: shortLabel(found.entry.prompt, 70),
    description: `${vscode.workspace.asRelativePath(vscode.Uri.joinPath(found.manifest, '..', found.entry.file), false)} · ${found.entry.width}x${found.entry.height}`,
    detail: `${new Date(found.entry.createdAt).toLocaleString()} · ${found.entry.provider} · ${formatCost(found.entry.cost.actual ?? found.entry.cost.estimated)}${found.entry.references.length > 0 ? ' · edit (cannot be made again)' : ''}`,
    found,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'GPT Image: make an image again', placeHolder: 'Newest first', matchOnDescription: true, ignoreFocusOut: true });
  return picked?.found;
}
