import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The workspace's test runner collects every package's JSON report to print one total.
const resultsDir = process.env['GPT_IMAGE_TEST_RESULTS'];

export default defineConfig({
  resolve: { conditions: ['source'] },
  // Tests run in Vite's SSR environment: without this, core's subpaths resolve to dist/, which may be stale or absent.
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 30_000,
    reporters: resultsDir ? ['default', ['json', { outputFile: join(resultsDir, 'figma-plugin.json') }]] : ['default'],
  },
});
