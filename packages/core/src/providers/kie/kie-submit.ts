import { withRetries } from '../../policies/with-retries';
import type { PreparedRequest } from '../../request/prepare-request';
import type { TaskContext } from '../../tasks/provider-runtime';
import { KIE_API, type ResolvedKieConfig } from './kie-config';
import type { KieCreateLimiter } from './kie-create-limiter';
import { parseCreated } from './kie-envelope';
import { hostOf, kieError } from './kie-errors';
import { envelopeData, exchange, KieMalformedError } from './kie-http';
import { waitText } from './kie-notes';
import { kieRetryOptions } from './kie-retry-options';

/** The body of `createTask`: `{model, callBackUrl?, input: {prompt, aspect_ratio, resolution, <references>?}}`. */
export interface KieCreateBody {
  readonly model: string;
  readonly callBackUrl?: string;
  readonly input: Readonly<Record<string, string | readonly string[]>>;
}

/** The createTask body for a request whose references are already URLs, in order. */
export function createBody(request: PreparedRequest, referenceUrls: readonly string[], config: ResolvedKieConfig): KieCreateBody {
  const { options } = request;
  const input: Record<string, string | readonly string[]> = {
    prompt: options.prompt,
    // kie takes presets only (the catalog refuses custom sizes before anything is sent).
    aspect_ratio: options.aspectRatio,
    resolution: options.resolution,
  };
  if (referenceUrls.length > 0) input[config.referenceField] = referenceUrls;
  return {
    model: referenceUrls.length > 0 ? config.models.imageToImage : config.models.textToImage,
    ...(config.callBackUrl === null ? {} : { callBackUrl: config.callBackUrl }),
    input,
  };
}

/**
 * Submits the task and returns its id. This is the paid request: it is repeated only when kie
 * refused it (408/409/429/5xx, in the status line or the envelope) or the connection never
 * opened; each attempt first waits for room under the create limit.
 */
export async function submitTask(body: KieCreateBody, config: ResolvedKieConfig, limiter: KieCreateLimiter, context: TaskContext): Promise<string> {
  const { clock, signal } = context;
  const startedAt = clock.now();
  const what = 'submitting the task';
  try {
    return await withRetries(
      async () => {
        await limiter.acquire(clock, signal, (ms) =>
          context.progress({
            type: 'note',
            message: `kie takes at most ${config.createLimit.maxTasks} new tasks per ${waitText(config.createLimit.windowMs)}; waiting ${waitText(ms)} before submitting`,
          }),
        );
        const answer = await exchange(
          context,
          `${config.baseUrl}${KIE_API.paths.createTask}`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
          config.requestTimeoutMs,
        );
        const taskId = parseCreated(envelopeData(answer));
        if (taskId === null) throw new KieMalformedError('the answer has no data.taskId');
        return taskId;
      },
      kieRetryOptions(context, config, what, true),
    );
  } catch (error) {
    throw kieError(error, { what, paid: true, startedAt }, config.apiKey, hostOf(config.baseUrl));
  }
}
