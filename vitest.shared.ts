import { join } from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

type TestOptions = NonNullable<ViteUserConfig['test']>;

/**
 * The settings every package's vitest config shares: workspace packages resolved from their
 * TypeScript sources, and a JSON report the workspace's test runner sums into one total.
 * @param report the report's file name, e.g. `core` → `core.json`
 */
export function packageTestConfig(report: string, test: TestOptions): ViteUserConfig {
  const resultsDir = process.env['GPT_IMAGE_TEST_RESULTS'];
  return defineConfig({
    resolve: { conditions: ['source'] },
    // Tests run in Vite's SSR environment, which has its own conditions: without this, workspace
    // packages resolve to dist/, which is stale or, in a fresh clone, absent.
    ssr: { resolve: { conditions: ['source'] } },
    test: {
      ...test,
      reporters: resultsDir ? ['default', ['json', { outputFile: join(resultsDir, `${report}.json`) }]] : ['default'],
    },
  });
}
