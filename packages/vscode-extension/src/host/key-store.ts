/**
 * API keys in the editor's `SecretStorage`, one entry per provider — never in settings, logs or
 * messages (SPEC 5). The placeholder needs none.
 */
import { PROVIDERS, type ProviderId } from '@gpt-image/core/contract';
import type * as vscode from 'vscode';

/** The providers that take a key. */
export type KeyedProvider = Exclude<ProviderId, 'placeholder'>;

/** Provider ids that need a key, in catalog order. */
export const KEYED_PROVIDERS: readonly KeyedProvider[] = ['openai', 'kie'];

/** True for a provider that needs a key. */
export function needsKey(provider: ProviderId): provider is KeyedProvider {
  return PROVIDERS[provider].needsKey;
}

/** Reads, writes and forgets keys; tells listeners when one changes so cached clients are dropped. */
export class KeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored key, or undefined. */
  async get(provider: KeyedProvider): Promise<string | undefined> {
    const key = await this.secrets.get(secretName(provider));
    return key === undefined || key === '' ? undefined : key;
  }

  /** Stores (or replaces) the key. */
  async set(provider: KeyedProvider, key: string): Promise<void> {
    await this.secrets.store(secretName(provider), key);
  }

  /** Forgets the key. */
  async clear(provider: KeyedProvider): Promise<void> {
    await this.secrets.delete(secretName(provider));
  }

  /** Fires with the provider whose key changed (here or in another window). */
  onDidChange(listener: (provider: KeyedProvider) => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      const provider = KEYED_PROVIDERS.find((id) => secretName(id) === event.key);
      if (provider) listener(provider);
    });
  }
}

function secretName(provider: KeyedProvider): string {
  return `gptImage.apiKey.${provider}`;
}
