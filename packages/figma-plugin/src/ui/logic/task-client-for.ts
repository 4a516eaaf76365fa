import {
  TaskClient, createKieProvider, createOpenAiProvider, createPlaceholderProvider,
  type FetchLike, type ProviderId, type ProviderRuntime, type TaskRecord,
} from '@gpt-image/core';
import { allowedDomainsFor, allowedHostsFetch } from './allowed-fetch';
import type { Endpoints } from './endpoints';

/** What a task client is made from: the iframe's fetch, the hosts, and the keys at hand. */
export interface ClientSetup {
  readonly fetch: FetchLike;
  readonly endpoints: Endpoints;
  /** Keys by provider; a provider without one is left out (the client then says a key is missing). */
  readonly keys: Partial<Record<'openai' | 'kie', string>>;
  /** Called whenever the client saves a record (and awaited when the provider accepts a task). */
  readonly saveRecord?: (record: TaskRecord) => Promise<void>;
}

/** A task client for the UI: network through the iframe's own `fetch` (manifest hosts only), keys never in errors. */
export function taskClientFor(setup: ClientSetup): TaskClient {
  const providers: Partial<Record<ProviderId, ProviderRuntime>> = { placeholder: createPlaceholderProvider() };
  const { openai, kie } = setup.keys;
  if (openai) providers.openai = createOpenAiProvider({ apiKey: openai, baseUrl: setup.endpoints.openaiBaseUrl });
  if (kie) providers.kie = createKieProvider({ apiKey: kie, baseUrl: setup.endpoints.kieBaseUrl, uploadBaseUrl: setup.endpoints.uploadBaseUrl });
  return new TaskClient({
    providers,
    // Called through a wrapper: a detached `fetch` throws "Illegal invocation" in browsers. Hosts
    // the manifest does not list are refused here, by name, rather than by Figma's bare CSP error.
    fetch: allowedHostsFetch((input, init) => setup.fetch(input, init), allowedDomainsFor(setup.endpoints)),
    secrets: [openai, kie].filter((key): key is string => Boolean(key)),
    ...(setup.saveRecord ? { saveRecord: setup.saveRecord } : {}),
  });
}
