import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import { defaultStateDir } from '../node/task-store';
import { createAdaptivePollPolicy, createFixedPollPolicy, createKieProvider, DurationHistory, type PollPolicy } from '../providers/kie/index';
import { createOpenAiProvider } from '../providers/openai/index';
import type { ProviderId } from '../providers/provider-catalog';
import { createPlaceholderProvider } from '../providers/placeholder-provider';
import type { ProviderRuntime } from '../tasks/provider-runtime';

/** The providers the CLI can use, set up from the environment. Keys come only from there. */
export interface CliProviders {
  readonly runtimes: Partial<Record<ProviderId, ProviderRuntime>>;
  /** The keys in use, so every message can be scrubbed of them. */
  readonly secrets: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads keys and endpoints from the environment:
 * - `OPENAI_API_KEY`, `OPENAI_BASE_URL`
 * - `KIE_API_KEY`, `KIE_BASE_URL`, `KIE_UPLOAD_BASE_URL`, `KIE_REFERENCE_FIELD` (default `image_urls`),
 *   `KIE_POLL_INTERVAL_MS` (fixed polling instead of the adaptive policy)
 * - `GPT_IMAGE_TIMEOUT_MS`: one OpenAI request's time limit, or the kie task's total deadline.
 * A provider without a key is not set up, and asking for it says which variable to set.
 */
export function cliProviders(env: Env): CliProviders {
  const runtimes: Partial<Record<ProviderId, ProviderRuntime>> = { placeholder: createPlaceholderProvider() };
  const secrets: string[] = [];
  const timeoutMs = positiveNumber(env['GPT_IMAGE_TIMEOUT_MS']);

  const openaiKey = env['OPENAI_API_KEY'];
  if (openaiKey) {
    secrets.push(openaiKey);
    runtimes.openai = createOpenAiProvider({
      apiKey: openaiKey,
      ...(env['OPENAI_BASE_URL'] ? { baseUrl: env['OPENAI_BASE_URL'] } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
  }

  const kieKey = env['KIE_API_KEY'];
  if (kieKey) {
    secrets.push(kieKey);
    runtimes.kie = createKieProvider({
      apiKey: kieKey,
      ...(env['KIE_BASE_URL'] ? { baseUrl: env['KIE_BASE_URL'] } : {}),
      ...(env['KIE_UPLOAD_BASE_URL'] ? { uploadBaseUrl: env['KIE_UPLOAD_BASE_URL'] } : {}),
      ...(env['KIE_REFERENCE_FIELD'] ? { referenceField: env['KIE_REFERENCE_FIELD'] } : {}),
      ...(timeoutMs ? { deadlineMs: timeoutMs } : {}),
      pollPolicy: kiePollPolicy(env),
    });
  }
  return { runtimes, secrets };
}

/**
 * Fixed polling when asked for; otherwise the adaptive policy, whose history of task durations
 * is kept in the state folder so every run polls better than the one before.
 */
function kiePollPolicy(env: Env): PollPolicy {
  const interval = positiveNumber(env['KIE_POLL_INTERVAL_MS']);
  if (interval) return createFixedPollPolicy({ intervalMs: interval });
  const file = join(defaultStateDir(env), 'kie-durations.json');
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // No history yet (or an unreadable one): the policy starts from its priors.
  }
  return createAdaptivePollPolicy({
    history: new DurationHistory(saved),
    // Best effort: losing one observation only makes the next poll schedule a little less sharp.
    onHistoryChange: (snapshot) =>
      void mkdir(dirname(file), { recursive: true })
        .then(() => writeFileAtomic(file, `${JSON.stringify(snapshot)}\n`))
        .catch(() => undefined),
  });
}

function positiveNumber(text: string | undefined): number | null {
  const n = Number(text);
  return text && Number.isFinite(n) && n > 0 ? n : null;
}
