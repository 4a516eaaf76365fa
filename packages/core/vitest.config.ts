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
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: resultsDir ? ['default', ['json', { outputFile: join(resultsDir, 'core.json') }]] : ['default'],
  },
});
