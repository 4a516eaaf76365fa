import { DEFAULT_OPENAI_BASE_URL, KIE_API } from '@gpt-image/core';

/** Where each provider's API lives. */
export interface Endpoints {
  readonly openaiBaseUrl: string;
  readonly kieBaseUrl: string;
  readonly uploadBaseUrl: string;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}(\/[\w./-]*)?$/;

/**
 * The providers' real hosts, unless the page address names loopback ones (`?openaiBaseUrl=…`):
 * the test harness points the UI at the fake provider server that way. Figma loads the UI without
 * a query string, and only `http://127.0.0.1` / `localhost` addresses are taken, so a key can
 * never be sent anywhere but the real hosts or this computer.
 */
export function endpointsFrom(search: string): Endpoints {
  const params = new URLSearchParams(search);
  const pick = (name: string, fallback: string): string => {
    const value = params.get(name);
    return value !== null && LOOPBACK.test(value) ? value : fallback;
  };
  return {
    openaiBaseUrl: pick('openaiBaseUrl', DEFAULT_OPENAI_BASE_URL),
    kieBaseUrl: pick('kieBaseUrl', KIE_API.baseUrl),
    uploadBaseUrl: pick('uploadBaseUrl', KIE_API.uploadBaseUrl),
  };
}
