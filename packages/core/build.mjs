// Builds the publishable package: one ESM bundle per entry point (dependencies left external),
// and the `gpt-image` executable (type declarations come from tsc, see the build script). Tests and the hosts use the sources directly.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile('package.json', 'utf8'));
const external = Object.keys(pkg.dependencies ?? {});
await rm('dist', { recursive: true, force: true });

const common = { bundle: true, format: 'esm', sourcemap: true, external, logLevel: 'warning', target: 'es2022' };
await build({ ...common, entryPoints: { index: 'src/index.ts', contract: 'src/contract.ts', 'sizes/index': 'src/sizes/index.ts', 'options/index': 'src/options/index.ts' }, outdir: 'dist', platform: 'browser' });
await build({
  ...common,
  entryPoints: { 'node/index': 'src/node/index.ts', 'fake-server/index': 'src/fake-server/index.ts' },
  outdir: 'dist',
  platform: 'node',
  target: 'node20',
});
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  platform: 'node',
  target: 'node20',
});
