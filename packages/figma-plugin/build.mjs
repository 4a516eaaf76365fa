// Builds the plugin's main-thread bundle (Figma's sandbox: no DOM, no Node) and its manifest.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';

await mkdir('dist', { recursive: true });
await build({
  entryPoints: ['src/main/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  format: 'iife',
  target: 'es2017',
  conditions: ['source'],
  minify: true,
  logLevel: 'warning',
});
const manifest = {
  name: 'GPT Image',
  id: 'gpt-image-figma',
  api: '1.0.0',
  main: 'main.js',
  editorType: ['figma'],
  documentAccess: 'dynamic-page',
  networkAccess: { allowedDomains: ['none'] },
};
await writeFile('dist/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
