/**
 * Builds the network providers' runtimes from settings and a key. Loaded with `import()` on the
 * first generation that needs one (see `ProviderRuntimes`), so activation never pays for it; the
 * `openai` SDK itself is a separate file (`dist/openai.js`) that the core loads on the first
 * OpenAI request.
 */
import {
  createAdaptivePollPolicy,
  createFixedPollPolicy,
  createKieProvider,
  createOpenAiProvider,
  DurationHistory,
  type DurationHistorySnapshot,
  type PollPolicy,
  type ProviderRuntime,
} from '@gpt-image/core';
import type { KeyedProvider } from './key-store';
import type { Settings } from './settings';

/** Where the adaptive poll policy keeps what it learnt between sessions. */
export interface HistoryStorage {
  load(): unknown;
  save(snapshot: DurationHistorySnapshot): void;
}

/** The runtime for a keyed provider, configured from the settings. */
export function createRuntime(provider: KeyedProvider, apiKey: string, settings: Settings, pollPolicy: () => PollPolicy): ProviderRuntime {
  const timeoutMs = Math.round(settings.timeoutMinutes * 60_000);
  switch (provider) {
    case 'openai':
      return createOpenAiProvider({
        apiKey,
        timeoutMs,
        // Streamed partial images: the view shows them while the image is made.
        previews: settings.openai.previews,
        ...(settings.openai.baseUrl ? { baseUrl: settings.openai.baseUrl } : {}),
      });
    case 'kie':
      return createKieProvider({
        apiKey,
        deadlineMs: timeoutMs,
        referenceField: settings.kie.referenceField,
        pollPolicy: settings.kie.pollIntervalMs > 0 ? createFixedPollPolicy({ intervalMs: settings.kie.pollIntervalMs }) : pollPolicy(),
        ...(settings.kie.baseUrl ? { baseUrl: settings.kie.baseUrl } : {}),
        ...(settings.kie.uploadBaseUrl ? { uploadBaseUrl: settings.kie.uploadBaseUrl } : {}),
      });
  }
}

/** One adaptive policy for the host's lifetime, starting from and saving to `storage`. */
export function createLearningPollPolicy(storage: HistoryStorage): PollPolicy {
  return createAdaptivePollPolicy({
    history: new DurationHistory(storage.load()),
    onHistoryChange: (snapshot) => storage.save(snapshot),
  });
}
