import { PROVIDERS, PROVIDER_IDS, isProviderId, type ProviderId } from '@gpt-image/core';
import { useState } from 'preact/hooks';

/** The key state of the chosen provider, as main reported it. */
export type KeyState = { readonly kind: 'none' } | { readonly kind: 'loading' } | { readonly kind: 'stored'; readonly key: string } | { readonly kind: 'missing' };

/** Props of {@link ProviderField}. */
export interface ProviderFieldProps {
  readonly provider: ProviderId;
  readonly keyState: KeyState;
  /** main's sentence about how keys are stored. */
  readonly storageNote: string;
  readonly onProvider: (provider: ProviderId) => void;
  readonly onSaveKey: (key: string) => void;
  readonly onRemoveKey: () => void;
  readonly disabled: boolean;
}

/** Which provider to use, and its key (kept by main in Figma's storage, unencrypted: said plainly). */
export function ProviderField({ provider, keyState, storageNote, onProvider, onSaveKey, onRemoveKey, disabled }: ProviderFieldProps) {
  const [draft, setDraft] = useState('');
  const save = (): void => {
    if (draft.trim()) onSaveKey(draft.trim());
    setDraft('');
  };
  return (
    <div class="field">
      <label for="provider">Provider</label>
      <select id="provider" value={provider} disabled={disabled} onChange={(event) => isProviderId(event.currentTarget.value) && onProvider(event.currentTarget.value)}>
        {PROVIDER_IDS.map((id) => <option key={id} value={id}>{PROVIDERS[id].label}</option>)}
      </select>
      {PROVIDERS[provider].needsKey ? (
        <div class="key">
          {keyState.kind === 'stored' ? (
            <p>
              Key saved (ending …{keyState.key.slice(-4)}).{' '}
              <button type="button" class="link" disabled={disabled} onClick={onRemoveKey}>Remove key</button>
            </p>
          ) : keyState.kind === 'loading' ? (
            <p class="muted">Reading the saved key…</p>
          ) : (
            // Not a <form>: this sits inside the generation form, and forms cannot nest.
            <div class="key-form">
              <label for="api-key">{PROVIDERS[provider].label} API key</label>
              <input
                id="api-key"
                type="password"
                autoComplete="off"
                value={draft}
                disabled={disabled}
                onInput={(event) => setDraft(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  save();
                }}
              />
              <button type="button" class="button secondary" disabled={disabled || !draft.trim()} onClick={save}>Save key</button>
            </div>
          )}
          <p class="muted small">{storageNote}</p>
        </div>
      ) : (
        <p class="muted small">Makes a labelled placeholder image on this computer: no key, no network, free.</p>
      )}
    </div>
  );
}
