import type { OpenAI } from 'openai';
import type { FetchLike } from '../../tasks/provider-runtime';
import type { ResolvedOpenAiConfig } from './openai-config';

/** The parts of the `openai` package this provider uses, loaded on first use. */
export type OpenAiSdk = typeof import('./openai-sdk-parts');

/**
 * Loads the SDK the first time it is asked for and remembers it, per provider: hosts that never
 * run an OpenAI request never load it (it is the largest thing this provider brings in).
 */
export function lazySdk(): () => Promise<OpenAiSdk> {
  let loading: Promise<OpenAiSdk> | null = null;
  return () => {
    // A failed load (offline bundle chunk) is not remembered, so the next run tries again.
    loading ??= import('./openai-sdk-parts').catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/**
 * One SDK client per `fetch` (the task context may hand a different one each run; usually it is
 * always the same). The client's own retries are off: it would re-send requests that may already
 * be billed, timeouts included; `withRetries` decides instead.
 */
export function clientCache(config: ResolvedOpenAiConfig): (sdk: OpenAiSdk, fetch: FetchLike) => OpenAI {
  const clients = new WeakMap<FetchLike, OpenAI>();
  return (sdk, fetch) => {
    let client = clients.get(fetch);
    if (!client) {
      client = new sdk.OpenAI({
        apiKey: config.apiKey,
        baseURL: config.baseUrl,
        // Explicit nulls, so OPENAI_ORG_ID / OPENAI_PROJECT_ID in a developer's shell are not sent.
        organization: null,
        project: null,
        fetch,
        maxRetries: 0,
        timeout: config.timeoutMs,
        // The key is the user's own, typed into this host and kept in its secret store; in the
        // Figma UI iframe (a browser) the SDK refuses to run without this acknowledgement.
        dangerouslyAllowBrowser: true,
        // Failures reach the user as typed errors; the SDK's console logging would only repeat them.
        logLevel: 'off',
      });
      clients.set(fetch, client);
    }
    return client;
  };
}
