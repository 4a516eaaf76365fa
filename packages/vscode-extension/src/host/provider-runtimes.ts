/**
 * The provider runtimes of this window, made on first use and kept while the settings and key
 * stay the same: a kie runtime holds the client-side limit on new tasks per key, which only
 * works if every run with that key shares it.
 */
import { createPlaceholderProvider, GptImageError, PROVIDERS, type PollPolicy, type ProviderId, type ProviderRuntime } from '@gpt-image/core';
import type * as vscode from 'vscode';
import { needsKey, type KeyedProvider, type KeyStore } from './key-store';
import type { Settings } from './settings';

/** A runtime and the strings that must never appear in what it reports. */
export interface ProviderSetup {
  readonly runtime: ProviderRuntime;
  readonly secrets: readonly string[];
}

const HISTORY_KEY = 'gptImage.kie.durationHistory';

/** Creates and caches provider runtimes; drops a provider's runtime when its key changes. */
export class ProviderRuntimes implements vscode.Disposable {
  readonly #cache = new Map<KeyedProvider, { fingerprint: string; setup: ProviderSetup }>();
  readonly #keyListener: vscode.Disposable;
  #placeholder: ProviderRuntime | undefined;
  #pollPolicy: PollPolicy | undefined;

  constructor(
    private readonly keys: KeyStore,
    private readonly globalState: vscode.Memento,
  ) {
    this.#keyListener = keys.onDidChange((provider) => this.#cache.delete(provider));
  }

  /**
   * The runtime for `provider` under `settings`.
   * @throws GptImageError `auth` when the provider needs a key and none is stored
   */
  async get(provider: ProviderId, settings: Settings): Promise<ProviderSetup> {
    if (!needsKey(provider)) {
      this.#placeholder ??= createPlaceholderProvider();
      return { runtime: this.#placeholder, secrets: [] };
    }
    const key = await this.keys.get(provider);
    if (key === undefined) {
      throw new GptImageError('auth', `No API key is set for ${PROVIDERS[provider].label}. Run "GPT Image: Set API Key…" or switch gptImage.provider to placeholder.`);
    }
    const fingerprint = JSON.stringify([settings.timeoutMinutes, settings.openai, settings.kie]);
    const cached = this.#cache.get(provider);
    if (cached && cached.fingerprint === fingerprint && cached.setup.secrets[0] === key) return cached.setup;
    // Loaded on the first network generation only: activation never evaluates the providers.
    const factory = await import('./provider-factory');
    const runtime = factory.createRuntime(provider, key, settings, () => {
      this.#pollPolicy ??= factory.createLearningPollPolicy({
        load: () => this.globalState.get(HISTORY_KEY),
        save: (snapshot) => void this.globalState.update(HISTORY_KEY, snapshot),
      });
      return this.#pollPolicy;
    });
    const setup: ProviderSetup = { runtime, secrets: [key] };
    this.#cache.set(provider, { fingerprint, setup });
    return setup;
  }

  dispose(): void {
    this.#keyListener.dispose();
    this.#cache.clear();
  }
}
