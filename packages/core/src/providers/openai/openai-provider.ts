import type { OpenAI } from 'openai';
import { GptImageError } from '../../errors/gpt-image-error';
import { cancelledError } from '../../internal/clock';
import type { AttemptFailure } from '../../policies/retry-policy';
import { withRetries } from '../../policies/with-retries';
import type { PreparedRequest } from '../../request/prepare-request';
import type { ProviderResult, ProviderRuntime, ResumeData, TaskContext } from '../../tasks/provider-runtime';
import { resolveOpenAiConfig, type OpenAiConfig, type ResolvedOpenAiConfig } from './openai-config';
import { attemptFailure, openAiError, type AttemptCircumstances } from './openai-errors';
import { referenceFiles } from './openai-files';
import { openAiParams, type OpenAiParams } from './openai-params';
import { clientCache, lazySdk, type OpenAiSdk } from './openai-sdk';
import { receiveJson, receiveStream } from './openai-response';

/**
 * The OpenAI provider: `images.generate` / `images.edit` for gpt-image-2 through the official SDK.
 *
 * The answer comes back in the same request, so there is nothing to resume: `accepted()` is told
 * when the request is sent, and a run that dies mid-request cannot be continued (see `resume`).
 * Retries go through `withRetries` only — refusals (429, 5xx, …) and connections that never
 * opened are repeated; a timeout, a dropped connection or an unreadable answer is not, since the
 * image may already have been billed.
 *
 * The SDK builds and sends the request (auth, multipart, headers) and turns refusals into its
 * typed errors; the successful body is read here, decoding the base64 image as it arrives, so a
 * 4K result costs about its own size in memory instead of four or five copies as strings.
 */
export function createOpenAiProvider(config: OpenAiConfig): ProviderRuntime {
  const settings = resolveOpenAiConfig(config);
  const loadSdk = lazySdk();
  const clientFor = clientCache(settings);
  return {
    id: 'openai',
    resumable: false,
    async run(request, context) {
      if (!settings.apiKey.trim()) throw new GptImageError('auth', 'No OpenAI API key is set; add one in the settings and run again. Nothing was sent.');
      const params = openAiParams(request, settings);
      if (context.signal.aborted) throw cancelledError(context.signal);
      const sdk = await loadSdk().catch((error: unknown) => {
        throw new GptImageError('internal', 'The OpenAI SDK could not be loaded; nothing was sent.', { cause: error });
      });
      const retryNote = (message: string) => context.progress({ type: 'note', message });
      const images =
        params.endpoint === 'edit'
          ? await referenceFiles(request.options.images, {
              toFile: sdk.toFile,
              fetch: context.fetch,
              clock: context.clock,
              random: context.random,
              signal: context.signal,
              retryPolicy: settings.retryPolicy,
              onRetry: retryNote,
            })
          : [];
      const client = clientFor(sdk, context.fetch);
      // Saved before anything is sent: if this process dies now, the record says a paid request
      // may be in flight, so nobody re-submits it unknowingly.
      await context.accepted({ sentAt: new Date(context.clock.now()).toISOString() });
      context.progress({ type: 'state', state: 'running' });
      const failures = new WeakMap<GptImageError, AttemptFailure>();
      return withRetries(
        async () => {
          try {
            return await attempt(settings, { sdk, client, params, images, request, context });
          } catch (thrown) {
            if (!(thrown instanceof AttemptError)) throw thrown;
            failures.set(thrown.error, thrown.failure);
            throw thrown.error;
          }
        },
        {
          paid: true,
          classify: (error) => (error instanceof GptImageError ? failures.get(error) : undefined) ?? { type: 'other' },
          clock: context.clock,
          random: context.random,
          signal: context.signal,
          policy: settings.retryPolicy,
          onRetry: ({ attempt: n, delayMs, failure }) =>
            retryNote(`${retryReason(failure)}; retrying in ${waitText(delayMs)} (attempt ${n + 1} of ${settings.retryPolicy.maxAttempts})`),
        },
      );
    },
    async resume(resume: ResumeData) {
      const sentAt = typeof resume['sentAt'] === 'string' ? ` sent at ${resume['sentAt']}` : '';
      throw new GptImageError(
        'provider_failure',
        `The OpenAI request${sentAt} was interrupted before its answer arrived. OpenAI answers in the same request, so it cannot be resumed; it may have been billed and was not sent again. Run it again to get the image.`,
      );
    },
  };
}

interface AttemptInput {
  readonly sdk: OpenAiSdk;
  readonly client: OpenAI;
  readonly params: OpenAiParams;
  readonly images: readonly File[];
  readonly request: PreparedRequest;
  readonly context: TaskContext;
}

/** A failed attempt: the typed error for the user and how it failed for the retry policy. */
class AttemptError extends Error {
  readonly error: GptImageError;
  readonly failure: AttemptFailure;

  constructor(error: GptImageError, failure: AttemptFailure) {
    super(error.message);
    this.error = error;
    this.failure = failure;
  }
}

/**
 * One request, under its own deadline covering everything from sending to the last byte (the
 * SDK's timeout stops at the response headers, and a streamed answer sends those at once). The
 * deadline runs on the real timer, not the injected clock: it guards the transport, like the
 * SDK's own, and a test clock that skips waits must not expire it.
 */
async function attempt(settings: ResolvedOpenAiConfig, input: AttemptInput): Promise<ProviderResult> {
  const { context } = input;
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(context.signal.reason);
  context.signal.addEventListener('abort', forwardAbort, { once: true });
  if (context.signal.aborted) forwardAbort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('deadline'));
  }, settings.timeoutMs);
  try {
    return await send(input, controller.signal, settings.timeoutMs);
  } catch (error) {
    const circumstances: AttemptCircumstances = {
      sdk: input.sdk,
      signal: context.signal,
      timedOut,
      timeoutMs: settings.timeoutMs,
      apiKey: settings.apiKey,
      baseUrl: settings.baseUrl,
    };
    throw new AttemptError(openAiError(error, circumstances), attemptFailure(error, circumstances));
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', forwardAbort);
  }
}

async function send({ client, params, images, request, context }: AttemptInput, signal: AbortSignal, timeoutMs: number): Promise<ProviderResult> {
  const options = { signal, timeout: timeoutMs, maxRetries: 0 };
  const pending =
    params.endpoint === 'generate'
      ? client.images.generate(params.body, options)
      : // Always an array, so even one image goes out as an `image[]` part like the rest.
        client.images.edit({ ...params.body, image: [...images] }, options);
  const response = await pending.asResponse();
  return params.body.stream
    ? receiveStream(response, signal, (event) => context.progress(event), request.options.outputFormat)
    : receiveJson(response, signal);
}

function retryReason(failure: AttemptFailure): string {
  if (failure.type === 'unreachable') return 'OpenAI could not be reached';
  if (failure.type !== 'status') return 'the request failed';
  if (failure.status === 429) return 'rate limited';
  return `OpenAI answered ${failure.status}`;
}

function waitText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}
