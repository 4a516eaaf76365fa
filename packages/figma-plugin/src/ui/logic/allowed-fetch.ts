import { GptImageError, fetchUrl, type FetchLike } from '@gpt-image/core';
import { ALLOWED_DOMAINS, isAllowedUrl, originOf } from '../../manifest/allowed-domains';
import type { Endpoints } from './endpoints';

/**
 * A request to a host the plugin's manifest does not allow. In Figma the iframe's content security
 * policy blocks it with a bare "Failed to fetch"; this names the host instead. Typed, so core takes
 * it as final rather than as a network failure worth retrying.
 */
export class BlockedHostError extends GptImageError {
  override readonly name = 'BlockedHostError';
  constructor(readonly host: string) {
    super('network', `Could not download from ${host}: Figma lets this plugin reach only the hosts its manifest lists (networkAccess.allowedDomains), and ${host} is not one of them.`);
  }
}

/** What the plugin may reach: the manifest's hosts, plus the loopback endpoints a test page names. */
export function allowedDomainsFor(endpoints: Endpoints): readonly string[] {
  return [...new Set([...ALLOWED_DOMAINS, ...Object.values(endpoints).map(originOf)])];
}

/**
 * `fetch`, refusing http(s) URLs outside `allowed` before anything is sent, as Figma would,
 * but with an error that names the host (e.g. when kie moves its result storage).
 */
export function allowedHostsFetch(fetch: FetchLike, allowed: readonly string[]): FetchLike {
  return (input, init) => {
    const url = fetchUrl(input);
    if (/^https?:/i.test(url) && !isAllowedUrl(url, allowed)) return Promise.reject(new BlockedHostError(hostOf(url)));
    return fetch(input, init);
  };
}

/** The blocked-host error somewhere in an error's cause chain (core wraps transport failures). */
export function blockedHostIn(error: unknown): BlockedHostError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof BlockedHostError) return current;
    current = current.cause;
  }
  return null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
