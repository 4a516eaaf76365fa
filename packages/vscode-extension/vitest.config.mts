// .mts: this package is CommonJS (the extension bundle must be), and the config is ESM.
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The workspace's test runner collects every package's JSON report to print one total.
const resultsDir = process.env['GPT_IMAGE_TEST_RESULTS'];

export default defineConfig({
  resolve: { conditions: ['source'] },
  // Tests run in Vite's SSR environment, which has its own conditions: without this, workspace
  // packages resolve to dist/, which is stale or, in a fresh clone, absent.
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // Only the host-free unit tests; the real-editor suite under test/integration has its own runner.
    include: ['test/unit/**/*.test.ts'],
    reporters: resultsDir ? ['default', ['json', { outputFile: join(resultsDir, 'vscode-extension-unit.json') }]] : ['default'],
  },
});
