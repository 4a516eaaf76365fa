import type { KeyedProvider } from '../protocol/shapes';
import { PluginError } from './plugin-error';

/**
 * The sentence the UI must show wherever a key is entered or used (SPEC 5): clientStorage is
 * private to the plugin, not encrypted.
 */
export const KEY_STORAGE_NOTE =
  'Your API key is stored unencrypted on this computer, in Figma\u2019s storage for this plugin; anyone who can read this computer\u2019s files could read it.';

const storageKey = (provider: KeyedProvider): string => `api-key:${provider}`;

/**
 * API keys, one per provider, in clientStorage: only the main thread can reach it, so the UI asks
 * for them through the protocol. Keys are never logged, never written on nodes, never sent back
 * except to the UI that asks.
 */
export interface KeyStore {
  read(provider: KeyedProvider): Promise<string | null>;
  store(provider: KeyedProvider, key: string): Promise<void>;
  remove(provider: KeyedProvider): Promise<void>;
}

/** The key store over `figma.clientStorage`. */
export function createKeyStore(storage: ClientStorageAPI): KeyStore {
  return {
    read: async (provider) => {
      const value: unknown = await storage.getAsync(storageKey(provider));
      return typeof value === 'string' && value !== '' ? value : null;
    },
    store: async (provider, key) => {
      const trimmed = key.trim();
      if (!trimmed) throw new PluginError('The key is empty; paste the whole key from your provider account.');
      await storage.setAsync(storageKey(provider), trimmed);
    },
    remove: (provider) => storage.deleteAsync(storageKey(provider)),
  };
}
