import { DEFAULT_OPENAI_BASE_URL, KIE_API } from '@gpt-image/core';

/**
 * The hosts the plugin window may reach: the manifest's `networkAccess.allowedDomains`, derived
 * from core's provider defaults (not typed twice), and the one matcher that reads them. Pure, so
 * both the build (the manifest) and the UI iframe (to name a blocked host) use it.
 */

/** `scheme://host` of a URL, which is what `allowedDomains` lists. */
export function originOf(url: string): string {
  const match = /^https?:\/\/[^/?#]+/.exec(url);
  if (!match) throw new Error(`not an http(s) URL: ${url}`);
  return match[0];
}

/**
 * The manifest's `allowedDomains`: the providers' APIs, kie's upload service and kie's result
 * storage.
 */
export const ALLOWED_DOMAINS: readonly string[] = [
  originOf(DEFAULT_OPENAI_BASE_URL),
  originOf(KIE_API.baseUrl),
  originOf(KIE_API.uploadBaseUrl),
  ...KIE_API.resultHosts.map(originOf),
];

/**
 * Whether a URL is one an `allowedDomains` entry lets through, read the way Figma's content
 * security policy reads them: `https://host` matches that scheme and host (any path), and
 * `https://*.domain` matches any subdomain of `domain` (not `domain` itself). An entry without a
 * scheme matches http and https. Only the forms this plugin lists are understood; paths in entries
 * are not.
 */
export function isAllowedUrl(url: string, allowed: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  return allowed.some((entry) => {
    const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/]+)\/?$/i.exec(entry);
    if (!match?.[2]) return false;
    const [, entryScheme, entryHost] = match;
    if (entryScheme ? entryScheme.toLowerCase() !== scheme : scheme !== 'http' && scheme !== 'https') return false;
    const host = parsed.host.toLowerCase();
    const wanted = entryHost.toLowerCase();
    if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1)) && host.length > wanted.length - 1;
    return host === wanted;
  });
}
