import type { ProviderId } from '../providers/provider-catalog';
import { createOpenAiProvider } from '../providers/openai/index';
import { createPlaceholderProvider } from '../providers/placeholder-provider';
import type { ProviderRuntime } from '../tasks/provider-runtime';

/** The providers the CLI can use, set up from the environment. Keys come only from there. */
export interface CliProviders {
  readonly runtimes: Partial<Record<ProviderId, ProviderRuntime>>;
  /** The keys in use, so every message can be scrubbed of them. */
  readonly secrets: readonly string[];
}

/**
 * Reads keys and base URLs from the environment (`OPENAI_API_KEY`, `OPENAI_BASE_URL`,
 * `KIE_API_KEY`, `KIE_BASE_URL`, `KIE_UPLOAD_BASE_URL`, `KIE_REFERENCE_FIELD`,
 * `GPT_IMAGE_TIMEOUT_MS`). A provider without a key is not set up, and asking for it says so.
 */
export function cliProviders(env: Readonly<Record<string, string | undefined>>): CliProviders {
  const runtimes: Partial<Record<ProviderId, ProviderRuntime>> = { placeholder: createPlaceholderProvider() };
  const secrets: string[] = [];
  const timeout = Number(env['GPT_IMAGE_TIMEOUT_MS']);
  const timeoutMs = Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {};
  const openaiKey = env['OPENAI_API_KEY'];
  if (openaiKey) {
    secrets.push(openaiKey);
    runtimes.openai = createOpenAiProvider({ apiKey: openaiKey, ...(env['OPENAI_BASE_URL'] ? { baseUrl: env['OPENAI_BASE_URL'] } : {}), ...timeoutMs });
  }
  return { runtimes, secrets };
}
