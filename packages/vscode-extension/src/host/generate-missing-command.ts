/**
 * `gptImage.generateMissingImage`: generates the image a reference names, at exactly its path
 * and size (from width/height, via `src/logic`), atomically and never overwriting: if a file of
 * that name appeared meanwhile, the new image takes a free name and the user is told so.
 *
 * Resolves to the saved file's path, or undefined when cancelled, failed or no longer missing.
 */
import { InvalidInputError } from '@gpt-image/core';
import * as vscode from 'vscode';
import { fileNameOf, pathKey, planBatch } from '../logic/index';
import { missingImageArgsSchema, parseArgs, type MissingImageArgs } from './command-args';
import { confirmCost } from './confirm-cost';
import { ensureKey } from './key-commands';
import { missingImagesIn, scannedTextOf } from './missing-image-scan';
import { exactDestination } from './output-destination';
import { runWithProgress } from './run-with-progress';
import { showSavedNotification } from './saved-notification';
import type { HostServices } from './services';
import { readSettings } from './settings';

/** `gptImage.generateMissingImage` (argument: {@link MissingImageArgs}), run by the lens and the quick fix. */
export function generateMissingCommand(services: HostServices, args?: unknown) {
  return generateMissing(services, parseArgs(missingImageArgsSchema, args, 'gptImage.generateMissingImage'));
}

async function generateMissing(services: HostServices, args: MissingImageArgs): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(args.document);
  // Scanned again, not taken from the lens: the document or the folder may have changed since.
  const missing = (await missingImagesIn(scannedTextOf(document))).find((item) => pathKey(item.targetPath) === pathKey(args.path));
  const name = fileNameOf(args.path);
  if (!missing) {
    void vscode.window.showInformationMessage(`GPT Image: ${name} is no longer missing (or no longer referenced); nothing was generated.`);
    return undefined;
  }
  if (!missing.generatable) throw new Error(missing.reason);
  const settings = readSettings(document.uri);
  const provider = args.provider ?? settings.provider;
  if (!(await ensureKey(services.keys, services.log, provider))) return undefined;

  const plan = planBatch([missing], { provider, defaults: { quality: settings.defaults.quality } });
  const refused = plan.refused[0];
  if (refused) throw new InvalidInputError(refused.issues);
  const job = plan.jobs[0];
  if (!job) return undefined;
  if (!(await confirmCost(job.request.cost, settings, `${name} (${job.size.width}x${job.size.height})`, { confirmed: args.confirmed }))) return undefined;

  const { saved, renamed } = await runWithProgress(services, job.request, exactDestination(job.targetPath), settings);
  const note = renamed ? `${name} appeared while the image was being made, so it was left alone.` : undefined;
  if (renamed) services.log.warn(`${job.targetPath} appeared meanwhile; saved ${saved.path} instead (nothing overwritten)`);
  if (args.notify !== false) {
    showSavedNotification(
      { path: saved.path, alt: job.prompt, size: { width: saved.entry.width, height: saved.entry.height }, ...(note ? { note } : {}) },
      undefined,
    );
  }
  return saved.path;
}
