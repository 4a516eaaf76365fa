// Bundles the extension host code as CommonJS with `vscode` left to the editor.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  conditions: ['source'],
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
