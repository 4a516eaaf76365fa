// Bundles the Mocha integration suite (test/integration/suite/index.ts plus every *.test.ts beside it)
// into out/test/suite/index.js: CommonJS, the module format the extension host loads
// `extensionTestsPath` with. `vscode` is provided by the editor. `mocha` stays a plain require: it
// resolves from this package's node_modules at run time (the extension host is Node), which avoids
// bundling Mocha's dynamic requires of reporters and its ESM loader.
//
// The test files are found when bundling (no glob at run time, no loose files in out/) and handed to
// index.ts through a virtual module, each behind a lazy import() so it is evaluated only after index.ts
// has installed Mocha's globals.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { EXT_ROOT } from './lib/code-server.mjs';

export const SUITE_DIR = join(EXT_ROOT, 'test', 'integration', 'suite');
/** What `extensionTestsPath` points at. */
export const SUITE_BUNDLE = join(EXT_ROOT, 'out', 'test', 'suite', 'index.js');

const VIRTUAL = 'gpt-image:integration-test-files';

export async function buildIntegrationSuite() {
  const files = readdirSync(SUITE_DIR)
    .filter((name) => name.endsWith('.test.ts'))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.ts files in ${SUITE_DIR}`);

  /** @type {import('esbuild').Plugin} */
  const testFilesPlugin = {
    name: 'integration-test-files',
    setup(b) {
      b.onResolve({ filter: /^gpt-image:integration-test-files$/ }, () => ({ path: VIRTUAL, namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
        resolveDir: SUITE_DIR,
        loader: 'js',
        contents: `export const testFiles = [\n${files
          .map((name) => `  { name: ${JSON.stringify(name)}, load: () => import(${JSON.stringify(`./${name}`)}) },`)
          .join('\n')}\n];\n`,
      }));
    },
  };

  rmSync(join(EXT_ROOT, 'out', 'test'), { recursive: true, force: true });
  await build({
    entryPoints: [join(SUITE_DIR, 'index.ts')],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    // Tests may import the extension's source and @gpt-image/core the way build.mjs does.
    conditions: ['source'],
    // Not minified, so a failing assertion's stack (`out/test/suite/index.js:LINE`) is readable as is.
    // The extension host replaces Error.prepareStackTrace, so Node's source maps would not apply.
    sourcemap: false,
    logLevel: 'warning',
    plugins: [testFilesPlugin],
  });
  return { files, bundle: SUITE_BUNDLE };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files } = await buildIntegrationSuite();
  console.log(`integration suite: ${files.length} test file(s) -> ${SUITE_BUNDLE}`);
}
