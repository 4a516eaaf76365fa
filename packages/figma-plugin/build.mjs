// Builds the Figma plugin: dist/main.js (the main thread, for Figma's sandbox: no DOM, no Node,
// ES2017), dist/manifest.json (from src/manifest/plugin-manifest.ts) and dist/ui.html (a
// placeholder until the UI build writes the real one). Prints the main bundle's size; the goal is
// at most 60 KB, and test/build.test.ts holds it to that.
import { build } from 'esbuild';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const common = { bundle: true, conditions: ['source'], logLevel: 'warning' };

await mkdir(here('dist'), { recursive: true });
await build({
  ...common,
  entryPoints: [here('src/main/main.ts')],
  outfile: here('dist/main.js'),
  format: 'iife',
  target: 'es2017',
  platform: 'neutral',
  minify: true,
});

// The manifest module is TypeScript that reads core's provider defaults: bundle it for Node and
// import the result, so the manifest has one source.
const manifestModule = await build({
  ...common,
  entryPoints: [here('src/manifest/plugin-manifest.ts')],
  format: 'esm',
  platform: 'node',
  write: false,
});
const { PLUGIN_MANIFEST } = await import(`data:text/javascript;base64,${Buffer.from(manifestModule.outputFiles[0].contents).toString('base64')}`);
await writeFile(here('dist/manifest.json'), `${JSON.stringify(PLUGIN_MANIFEST, null, 2)}\n`);
await copyFile(here('placeholder-ui.html'), here('dist/ui.html'));

const { size } = await stat(here('dist/main.js'));
console.log(`dist/main.js: ${(size / 1024).toFixed(1)} KB minified (goal: at most 60 KB)`);
