import { GptImageError } from '../../errors/gpt-image-error';
import type { ImageInfo } from '../../images/sniff-image';
import { cancelledError } from '../../internal/clock';
import type { OutputFormat } from '../../options/option-values';
import type { ProviderResult, ProviderRuntime, TaskContext } from '../../tasks/provider-runtime';
import { resolveKieConfig, type KieConfig, type ResolvedKieConfig } from './kie-config';
import { KieCreateLimiter } from './kie-create-limiter';
import { downloadResult } from './kie-download';
import { followTask, type FollowedTask } from './kie-follow';
import { createBody, submitTask } from './kie-submit';
import { referenceUrls } from './kie-upload';

/**
 * The kie provider: an asynchronous task API (SPEC 3.3).
 *
 * run: local reference images → the upload service → URLs; `createTask` (the one paid request,
 * under the client-side create limit) → `accepted({taskId, …})`, awaited so the task record is
 * saved before any time is spent → `recordInfo` on the poll policy's plan (`waiting`/`queuing` →
 * queued, `generating` → running) → on `success` the first result URL is downloaded at once,
 * since result links expire. resume: the same from `recordInfo` on, for a task id saved earlier;
 * nothing is submitted again.
 *
 * Browser-safe: `fetch`, the clock and randomness come from the task context. The key goes only
 * to kie's API and upload service, in the `Authorization` header.
 */
export function createKieProvider(config: KieConfig): ProviderRuntime {
  const settings = resolveKieConfig(config);
  // kie counts new tasks per key, and this instance holds one key.
  const limiter = new KieCreateLimiter(settings.createLimit);
  return {
    id: 'kie',
    resumable: true,
    async run(request, context) {
      checkKey(settings);
      if (context.signal.aborted) throw cancelledError(context.signal);
      const urls = await referenceUrls(request.options.images, settings, context);
      const taskId = await submitTask(createBody(request, urls, settings), settings, limiter, context);
      const acceptedAt = context.clock.now();
      const tier = request.options.resolution;
      await context.accepted({ taskId, acceptedAt, tier, referenceUrls: urls });
      context.progress({ type: 'state', state: 'queued', detail: `kie task ${taskId}` });
      return collect({ taskId, acceptedAt, tier, deadlineAt: acceptedAt + settings.deadlineMs, pollAtOnce: false, startKnown: true }, settings, context);
    },
    async resume(resume, summary, context) {
      checkKey(settings);
      const taskId = resume['taskId'];
      if (typeof taskId !== 'string' || taskId === '') {
        throw new GptImageError('invalid_input', 'This task record has no kie task id, so there is nothing to resume; nothing was sent.');
      }
      if (context.signal.aborted) throw cancelledError(context.signal);
      const now = context.clock.now();
      const savedAt = resume['acceptedAt'];
      const savedTier = resume['tier'];
      const startKnown = typeof savedAt === 'number' && savedAt <= now;
      return collect(
        {
          taskId,
          acceptedAt: startKnown ? savedAt : now,
          startKnown,
          tier: typeof savedTier === 'string' ? savedTier : summary.options.resolution,
          // A resume is a fresh decision to wait: the deadline counts from now.
          deadlineAt: now + settings.deadlineMs,
          pollAtOnce: true,
        },
        settings,
        context,
      );
    },
  };
}

/** Follows a task to its end and downloads the image. */
async function collect(task: FollowedTask, settings: ResolvedKieConfig, context: TaskContext): Promise<ProviderResult> {
  const record = await followTask(task, settings, context);
  const url = record.resultUrls[0];
  if (url === undefined) {
    throw new GptImageError('provider_failure', `kie reported task ${task.taskId} as a success but gave no result URL.`, { detail: { requestId: task.taskId } });
  }
  const { bytes, info } = await downloadResult(url, task.taskId, settings, context);
  return {
    bytes,
    width: info.width,
    height: info.height,
    format: formatOf(info),
    actualCost: record.creditsConsumed === null ? null : { amount: record.creditsConsumed, unit: 'credits', estimate: false },
    providerTaskId: task.taskId,
    ...(record.costTime === null ? {} : { providerDurationMs: record.costTime }),
  };
}

function checkKey(settings: ResolvedKieConfig): void {
  if (!settings.apiKey.trim()) throw new GptImageError('auth', 'No kie API key is set; add one in the settings and run again. Nothing was sent.');
}

function formatOf(info: ImageInfo): OutputFormat {
  switch (info.mediaType) {
    case 'image/png':
      return 'png';
    case 'image/jpeg':
      return 'jpeg';
    case 'image/webp':
      return 'webp';
  }
}
