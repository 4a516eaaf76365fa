/**
 * `gptImage.generateMissingImages`: every missing image in the workspace, planned by
 * `src/logic/batch-plan.ts` (one job per file, priced by the core), shown as a list with the total
 * cost where the user can uncheck items, then run a few at a time (`gptImage.batch.concurrency`)
 * under ONE notification counting "3/7".
 *
 * Cancel stops what has not started; images already being made are finished and saved, since
 * the provider bills them either way (each can still be cancelled from the status bar).
 *
 * Resolves to the saved paths (possibly empty), or undefined when dismissed.
 */
import { formatCost, InvalidInputError } from '@gpt-image/core';
import * as vscode from 'vscode';
import { planBatch, runWithConcurrency, type BatchJob, type GeneratableImage, type MissingImage } from '../logic/index';
import { missingImagesArgsSchema, parseArgs, type MissingImagesArgs } from './command-args';
import { confirmCost } from './confirm-cost';
import { ensureKey } from './key-commands';
import { fileExists } from './missing-image-scan';
import { exactDestination } from './output-destination';
import { messageOf } from './log';
import { isCancellation, reportError } from './report-error';
import { shortLabel, withCancellableProgress } from './run-with-progress';
import type { HostServices } from './services';
import { readSettings, type Settings } from './settings';
import type { TaskResult } from './task-runner';
import { UnsavedImageError } from './unsaved-image-error';
import { findMissingInWorkspace } from './workspace-scan';

/** `gptImage.generateMissingImages` (argument: {@link MissingImagesArgs}). */
export function generateAllMissingCommand(services: HostServices, args?: unknown) {
  return generateAllMissing(services, parseArgs(missingImagesArgsSchema, args, 'gptImage.generateMissingImages'));
}

interface JobItem extends vscode.QuickPickItem {
  readonly job: BatchJob;
}

async function generateAllMissing(services: HostServices, args: MissingImagesArgs): Promise<string[] | undefined> {
  const settings = readSettings(vscode.workspace.workspaceFolders?.[0]?.uri);
  const provider = args.provider ?? settings.provider;
  if (!(await ensureKey(services.keys, services.log, provider))) return undefined;
  const { missing, files } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'GPT Image: looking for missing images' },
    (_progress, token) => findMissingInWorkspace(token),
  );
  const plan = planBatch(missing, { provider, defaults: { quality: settings.defaults.quality } });
  for (const refused of plan.refused) services.log.warn(`Not generated: ${refused.targetPath}: ${refused.issues.map((i) => i.message).join('; ')}`);
  services.log.info(`Missing images: ${plan.jobs.length} to generate, ${plan.refused.length} refused, in ${files} files`);
  if (plan.jobs.length === 0) {
    const refused = plan.refused.length > 0 ? ` ${plan.refused.length} cannot be generated (see the log).` : '';
    void vscode.window.showInformationMessage(`GPT Image: no missing images to generate in ${files} files.${refused}`);
    return [];
  }

  const jobs = args.confirmed ? plan.jobs : await pickJobs(plan.jobs, plan.totalText, plan.refused.length);
  if (!jobs || jobs.length === 0) return undefined;
  // The chosen subset, priced again by the plan (not summed here): one estimate, one threshold check.
  const chosen = planBatch(itemsOf(missing, jobs), { provider, defaults: { quality: settings.defaults.quality } });
  const refusedAgain = chosen.refused[0];
  if (refusedAgain) throw new InvalidInputError(refusedAgain.issues);
  const total = chosen.totals[0];
  if (total && !(await confirmCost(total, settings, `These ${jobs.length} images`, { confirmed: args.confirmed }))) return undefined;
  return runJobs(services, chosen.jobs, settings, chosen.totalText);
}

/** The list to confirm, every item checked. */
async function pickJobs(jobs: readonly BatchJob[], totalText: string, refusedCount: number): Promise<BatchJob[] | undefined> {
  const items: JobItem[] = jobs.map((job) => ({
    label: vscode.workspace.asRelativePath(job.targetPath, false),
    description: `${job.size.width}x${job.size.height} · ${formatCost(job.request.cost)}`,
    detail: `"${shortLabel(job.prompt, 80)}" — from ${job.sources.map((source) => vscode.workspace.asRelativePath(source.documentPath, false)).join(', ')}`,
    picked: true,
    job,
  }));
  const refused = refusedCount > 0 ? `; ${refusedCount} cannot be generated (see the log)` : '';
  const picked = await vscode.window.showQuickPick(items, {
    title: `GPT Image: generate ${jobs.length} missing image${jobs.length === 1 ? '' : 's'} — ${totalText} in all${refused}`,
    placeHolder: 'Uncheck what should not be generated, then press Enter',
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDetail: true,
  });
  return picked?.map((item) => item.job);
}

/** The missing-image items behind the chosen jobs, so the plan can be made for exactly them. */
function itemsOf(missing: readonly MissingImage[], jobs: readonly BatchJob[]): GeneratableImage[] {
  const wanted = new Set(jobs.map((job) => job.targetPath));
  return missing.filter((item): item is GeneratableImage => item.generatable && wanted.has(item.targetPath));
}

async function runJobs(services: HostServices, jobs: readonly BatchJob[], settings: Settings, totalText: string): Promise<string[]> {
  const count = jobs.length;
  const saved: string[] = [];
  let done = 0;
  let skipped = 0;
  let failed = 0;
  await withCancellableProgress(`GPT Image: ${count} missing images (${totalText})`, async (signal, report) => {
    report(`0/${count}`);
    const outcomes = await runWithConcurrency(
      jobs,
      settings.batch.concurrency,
      async (job): Promise<TaskResult | undefined> => {
        try {
          // Checked again just before spending: someone may have added the file meanwhile.
          if (await fileExists(job.targetPath)) {
            skipped++;
            services.log.info(`${job.targetPath} exists now; skipped`);
            return undefined;
          }
          // Not the batch's signal: Cancel stops the batch from growing, not images being paid for.
          return await services.runner.run(job.request, exactDestination(job.targetPath), { label: shortLabel(job.prompt), settings });
        } finally {
          done++;
          report(`${done}/${count}`);
        }
      },
      signal,
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled' && outcome.value) saved.push(outcome.value.saved.path);
      if (outcome.status === 'rejected' && !isCancellation(outcome.reason)) {
        failed++;
        // Only an image that exists but could not be saved needs the user now (Save As); the rest is in the summary and the log.
        if (outcome.reason instanceof UnsavedImageError) reportError(services.log, outcome.reason, 'gptImage.generateMissingImages');
        else services.log.error(`Missing image failed: ${messageOf(outcome.reason)}`);
      }
    }
  });
  const notStarted = count - done;
  const parts = [`generated ${saved.length} of ${count} missing images`];
  if (skipped) parts.push(`${skipped} appeared meanwhile and were left alone`);
  if (failed) parts.push(`${failed} failed`);
  if (notStarted) parts.push(`${notStarted} not started (cancelled)`);
  services.log.info(`Batch: ${parts.join('; ')}`);
  void vscode.window.showInformationMessage(`GPT Image: ${parts.join('; ')}.`, ...(failed ? ['Show Log'] : [])).then((choice) => {
    if (choice === 'Show Log') services.log.show(true);
  });
  return saved;
}
