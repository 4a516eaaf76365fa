// Runs every package's tests, then prints one closing line with the totals of all of them,
// read from the JSON reports the test runners leave in .cache/test-results/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(process.cwd(), '.cache', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const run = spawnSync('pnpm', ['-r', '--workspace-concurrency=1', '--no-bail', 'test'], {
  stdio: 'inherit',
  env: { ...process.env, GPT_IMAGE_TEST_RESULTS: resultsDir },
});

let passed = 0;
let failed = 0;
let skipped = 0;
const reports = readdirSync(resultsDir).filter((f) => f.endsWith('.json'));
for (const file of reports) {
  const report = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const status = run.status ?? 1;
// A suite that crashed before reporting still fails the run.
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${reports.length} test reports`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : passed === 0 ? 1 : 0);
