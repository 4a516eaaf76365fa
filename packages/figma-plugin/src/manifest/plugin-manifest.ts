import { DEFAULT_OPENAI_BASE_URL, KIE_API } from '@gpt-image/core';
import { RELAUNCH_BUTTONS } from '../main/relaunch-buttons';

/**
 * The plugin's `manifest.json` (https://developers.figma.com/docs/plugins/manifest), built by
 * `build.mjs`. Runs at build time only (Node), so it may read core's provider defaults: the
 * allowed hosts are derived from them, not typed twice.
 */

/** `scheme://host` of a URL, which is what `allowedDomains` lists. */
function originOf(url: string): string {
  const match = /^https?:\/\/[^/?#]+/.exec(url);
  if (!match) throw new Error(`not an http(s) URL: ${url}`);
  return match[0];
}

/** The hosts the UI iframe talks to: the providers' APIs and kie's upload service. */
export const ALLOWED_DOMAINS: readonly string[] = [originOf(DEFAULT_OPENAI_BASE_URL), originOf(KIE_API.baseUrl), originOf(KIE_API.uploadBaseUrl)];

/** The manifest, as written to `dist/manifest.json`. */
export const PLUGIN_MANIFEST = {
  name: 'GPT Image',
  id: 'gpt-image-figma',
  api: '1.0.0',
  main: 'main.js',
  ui: 'ui.html',
  editorType: ['figma'],
  // Pages load on demand: the plugin uses only async node look-ups (getNodeByIdAsync).
  documentAccess: 'dynamic-page',
  networkAccess: {
    allowedDomains: ALLOWED_DOMAINS,
    reasoning:
      'The plugin window sends your prompt and the images you select to the image provider you choose, with your own API key: ' +
      'OpenAI (api.openai.com) or kie (api.kie.ai, and kieai.redpandaai.co for uploading reference images). Nothing is sent anywhere else.',
  },
  relaunchButtons: RELAUNCH_BUTTONS.map(({ command, name }) => ({ command, name })),
} as const;
