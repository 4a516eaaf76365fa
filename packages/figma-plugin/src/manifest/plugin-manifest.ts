import { KIE_API } from '@gpt-image/core';
import { ALLOWED_DOMAINS } from './allowed-domains';
import { RELAUNCH_BUTTONS } from '../main/relaunch-buttons';

/**
 * The plugin's `manifest.json` (https://developers.figma.com/docs/plugins/manifest), built by
 * `build.mjs`. Runs at build time only (Node), so it may read core's provider defaults: the
 * allowed hosts are derived from them, not typed twice (src/manifest/allowed-domains.ts).
 */

export { ALLOWED_DOMAINS };

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
      'OpenAI (api.openai.com) or kie (api.kie.ai, and kieai.redpandaai.co for uploading reference images). ' +
      `kie's finished images are downloaded from kie's file storage (${KIE_API.resultHosts.map((url) => new URL(url).host).join(', ')}), without your key. ` +
      'Nothing is sent anywhere else.',
  },
  relaunchButtons: RELAUNCH_BUTTONS.map(({ command, name }) => ({ command, name })),
} as const;
