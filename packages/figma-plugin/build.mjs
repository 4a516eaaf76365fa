// Builds the Figma plugin: dist/main.js (the main thread, for Figma's sandbox: no DOM, no Node,
// ES2017), dist/manifest.json (from src/manifest/plugin-manifest.ts) and dist/ui.html (the UI
// iframe: Preact + core, with its script and CSS inlined, since Figma loads one HTML file).
// Prints both sizes against their goals (at most 60 KB and 150 KB) and writes dist/ui-parts.json,
// the UI script's bytes per part (what `pnpm bench` reports). The tests hold main.js to 60 KB; the
// UI is over its goal (the openai SDK, zod and core's task client are most of it) and is held to
// its present size so it can only shrink.
import { build } from 'esbuild';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
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

// The SDK's client builds every API resource in its constructor (chat, audio, assistants, …), so
// a bundler keeps all of them although the plugin calls `images` only — about 130 KB of a UI whose
// goal is 150. For the UI build only, the client is read with its other resources left out and
// the SDK's modules marked free of side effects, so what nothing calls is dropped. The build fails
// if the client no longer has the shape this relies on (an SDK update), rather than ship it broken.
const openAiImagesOnly = {
  name: 'openai-images-only',
  setup(build) {
    const inOpenAi = /[\\/]openai[\\/]/;
    const client = /[\\/]openai[\\/]client\.mjs$/;
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (!inOpenAi.test(args.importer) || args.pluginData === 'openai-images-only') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'openai-images-only' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, sideEffects: client.test(resolved.path) };
    });
    build.onLoad({ filter: client }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const kept = [];
      let dropped = 0;
      const contents = source
        // `this.chat = new API.Chat(this);` in the constructor: keep Images only.
        .replace(/^\s*this\.\w+ = new API\.(\w+)\(this\);$/gm, (line, name) => (name === 'Images' ? (kept.push(name), line) : (dropped++, '')))
        // `OpenAI.Chat = Chat;` static re-exports of resource classes: keep errors, toFile and Images.
        .replace(/^OpenAI\.(\w+) = \1;$/gm, (line, name) => (/Error$|^to(Streaming)?File$|^OpenAI$|^Images$/.test(name) ? line : (dropped++, '')));
      if (kept.length !== 1 || dropped < 20) {
        throw new Error(`openai-images-only: the SDK client no longer looks as expected (kept ${kept.length} Images resource, dropped ${dropped} lines)`);
      }
      return { contents, loader: 'js' };
    });
  },
};

// The UI: a browser bundle with its own target and tsconfig (DOM lib, Preact JSX), CSS and script
// inlined into one page. Nothing is loaded from anywhere else.
const ui = await build({
  ...common,
  plugins: [openAiImagesOnly],
  entryPoints: [here('src/ui/main.tsx')],
  outdir: here('dist/ui'),
  write: false,
  format: 'iife',
  target: 'chrome110',
  platform: 'browser',
  tsconfig: here('src/ui/tsconfig.json'),
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  legalComments: 'none',
  metafile: true,
});
await writeFile(here('dist/ui-parts.json'), `${JSON.stringify(scriptParts(ui.metafile), null, 2)}\n`);
const output = (ext) => ui.outputFiles.filter((file) => file.path.endsWith(ext)).map((file) => file.text).join('\n');
// Inlined code must not end its own element early.
const script = output('.js').replace(/<\/(script)/gi, '<\\/$1');
const style = output('.css').replace(/<\/(style)/gi, '<\\/$1');
await writeFile(
  here('dist/ui.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GPT Image</title><style>${style}</style></head><body><div id="root"></div><script>${script}</script></body></html>\n`,
);

for (const file of ['main.js', 'ui.html']) {
  const { size } = await stat(here(`dist/${file}`));
  console.log(`dist/${file}: ${(size / 1024).toFixed(1)} KB minified (goal: at most ${file === 'main.js' ? 60 : 150} KB)`);
}

/** The UI script's minified bytes by part: each package from node_modules, core, and the plugin's own code. */
function scriptParts(metafile) {
  const script = Object.values(metafile.outputs).find((output) => output.entryPoint);
  const parts = {};
  for (const [path, { bytesInOutput }] of Object.entries(script.inputs)) {
    const inPackage = /node_modules[\\/](@[^\\/]+[\\/][^\\/]+|[^@\\/][^\\/]*)[\\/](?!.*node_modules)/.exec(path);
    const part = inPackage ? inPackage[1].replace(/\\/g, '/') : /(^|[\\/])core[\\/]src[\\/]/.test(path) ? '@gpt-image/core' : 'the plugin UI';
    parts[part] = (parts[part] ?? 0) + bytesInOutput;
  }
  return Object.fromEntries(Object.entries(parts).sort(([, a], [, b]) => b - a));
}
