/**
 * Setting and clearing API keys: a quick pick of the provider, then a password input. The key
 * goes straight into `SecretStorage`; it is never logged, echoed or put in settings.
 */
import { PROVIDERS, type ProviderId } from '@gpt-image/core/contract';
import * as vscode from 'vscode';
import { keyArgsSchema, parseArgs } from './command-args';
import { KEYED_PROVIDERS, needsKey, type KeyedProvider, type KeyStore } from './key-store';
import type { Log } from './log';

/** `gptImage.setApiKey`. */
export async function setApiKeyCommand(keys: KeyStore, log: Log, args?: unknown): Promise<boolean> {
  const parsed = parseArgs(keyArgsSchema, args, 'gptImage.setApiKey');
  return setKey(keys, log, parsed.provider, parsed.key);
}

/** `gptImage.clearApiKey`. */
export async function clearApiKeyCommand(keys: KeyStore, log: Log, args?: unknown): Promise<boolean> {
  const parsed = parseArgs(keyArgsSchema, args, 'gptImage.clearApiKey');
  const provider = parsed.provider ?? (await pickProvider('Clear the API key of which provider?'));
  if (!provider) return false;
  await keys.clear(provider);
  log.info(`API key for ${provider} cleared`);
  if (parsed.provider === undefined) void vscode.window.showInformationMessage(`GPT Image: the ${PROVIDERS[provider].label} key was removed.`);
  return true;
}

/**
 * Makes sure `provider` has a key before anything else is asked: the placeholder needs none; for
 * a network provider without one, offers to set it now. False when there is still none.
 */
export async function ensureKey(keys: KeyStore, log: Log, provider: ProviderId): Promise<boolean> {
  if (!needsKey(provider) || (await keys.get(provider)) !== undefined) return true;
  const choice = await vscode.window.showWarningMessage(
    `GPT Image: ${PROVIDERS[provider].label} needs an API key, and none is set.`,
    { modal: true, detail: 'The key is kept in the editor\'s secret storage, never in settings. Or switch gptImage.provider to placeholder to work offline.' },
    'Set API Key…',
  );
  if (choice !== 'Set API Key…') return false;
  return setKey(keys, log, provider, undefined);
}

async function setKey(keys: KeyStore, log: Log, given: KeyedProvider | undefined, givenKey: string | undefined): Promise<boolean> {
  const provider = given ?? (await pickProvider('Set the API key of which provider?'));
  if (!provider) return false;
  const key =
    givenKey ??
    (await vscode.window.showInputBox({
      title: `GPT Image: ${PROVIDERS[provider].label} API key`,
      prompt: 'Stored in the editor\'s secret storage; never in settings or logs.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? 'Enter the key' : /\s/.test(text.trim()) ? 'A key has no spaces' : undefined),
    }));
  if (key === undefined) return false;
  await keys.set(provider, key.trim());
  log.info(`API key for ${provider} stored`);
  if (givenKey === undefined) void vscode.window.showInformationMessage(`GPT Image: the ${PROVIDERS[provider].label} key is stored.`);
  return true;
}

interface ProviderItem extends vscode.QuickPickItem {
  readonly provider: KeyedProvider;
}

async function pickProvider(title: string): Promise<KeyedProvider | undefined> {
  const items: ProviderItem[] = KEYED_PROVIDERS.map((provider) => ({ label: PROVIDERS[provider].label, description: provider, provider }));
  return (await vscode.window.showQuickPick(items, { title: `GPT Image: ${title}`, ignoreFocusOut: true }))?.provider;
}
