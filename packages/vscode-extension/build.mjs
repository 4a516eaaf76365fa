// Bundles the extension host code as CommonJS with `vscode` left to the editor, in two files:
//
// - dist/extension.js: the thin activation layer (registrations only). Small on purpose (activation
//   parses it).
// - dist/host.js: the rest of the extension and @gpt-image/core, required on the first command,
//   view or lens (`import('./modules')` in src/host/host-modules.ts becomes `require('./host.js')`).
// - dist/openai.js: the parts of the `openai` SDK the core uses, which it loads with
//   `import('./openai-sdk-parts')` on the first OpenAI request only. CommonJS bundles cannot be
//   code-split, so the import is pointed at this sibling file (`require('./openai.js')` at run
//   time) and the SDK is bundled there on its own.
//
// - dist/webview.js + dist/webview.css: the GPT Image view (Preact, src/view/app), for the browser
//   the webview is, as one IIFE (the CSP allows only this nonce'd script, no module chunks).
//
// Usage: node build.mjs [--metafile]
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/** Where the SDK bundle goes, relative to dist/extension.js. */
const OPENAI_CHUNK = './openai.js';
/** Core's list of what it uses from the SDK: the module that file is built from. */
const SDK_PARTS = './src/providers/openai/openai-sdk-parts.ts';
/** Where everything but the thin activation layer goes, relative to dist/extension.js. */
const HOST_CHUNK = './host.js';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  conditions: ['source'],
  minify: true,
  logLevel: 'warning',
};

const extension = await build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  sourcemap: true,
  metafile: true,
  // `import()` of a sibling becomes `require('./host.js')`: the CommonJS loader every editor's
  // extension host supports, resolved next to this file.
  supported: { 'dynamic-import': false },
  plugins: [hostInSiblingFile(), sdkInSiblingFile()],
});

// Everything activation does not need (src/host/modules.ts and what it loads): its own file, so
// loading dist/extension.js parses only the thin registration layer. Inside it, each command,
// the services and the view provider are lazily evaluated modules (`import()` in one bundle).
const host = await build({
  ...common,
  entryPoints: { host: 'src/host/modules.ts' },
  outdir: 'dist',
  sourcemap: true,
  metafile: true,
  supported: { 'dynamic-import': false },
  plugins: [sdkInSiblingFile()],
});

const sdk = await build({
  ...common,
  stdin: { contents: `export * from '${SDK_PARTS}';`, resolveDir: '../core', loader: 'js' },
  outfile: 'dist/openai.js',
  metafile: true,
});

const webview = await build({
  entryPoints: { webview: 'src/view/app/main.tsx' },
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome120'],
  conditions: ['source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  metafile: true,
  logLevel: 'warning',
});

if (process.argv.includes('--metafile')) writeFileSync('dist/meta.json', JSON.stringify(extension.metafile));
for (const [file, output] of Object.entries({ ...extension.metafile.outputs, ...host.metafile.outputs, ...sdk.metafile.outputs, ...webview.metafile.outputs })) {
  if (file.endsWith('.js') || file.endsWith('.css')) console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KB`);
}

/** Resolves the thin layer's `import('./modules')` to the sibling dist/host.js, kept external. */
function hostInSiblingFile() {
  return {
    name: 'host-in-sibling-file',
    /** @param {import('esbuild').PluginBuild} b */
    setup(b) {
      b.onResolve({ filter: /^\.\/modules$/ }, (args) => (/host-modules\.ts$/.test(args.importer) ? { path: HOST_CHUNK, external: true } : undefined));
    },
  };
}

/** Resolves core's lazy `import('./openai-sdk-parts')` to the sibling bundle, kept external to this one. */
function sdkInSiblingFile() {
  return {
    name: 'openai-in-sibling-file',
    /** @param {import('esbuild').PluginBuild} b */
    setup(b) {
      b.onResolve({ filter: /^\.\/openai-sdk-parts$/ }, () => ({ path: OPENAI_CHUNK, external: true }));
    },
  };
}
