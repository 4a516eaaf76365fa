// Entry point of the integration suite: the extension host loads this module (given as
// `extensionTestsPath`) and awaits `run()` — the same contract @vscode/test-electron uses. A rejected
// promise makes the editor exit with code 1, a resolved one with 0.
//
// Environment (forwarded by the runner through code-server to the extension host):
// - GPT_IMAGE_TEST_LOG: a file the reporter's lines are appended to. The extension host's console does
//   not reach the runner's terminal (code-server forks it and keeps its stdout), so the runner tails
//   this file instead.
// - GPT_IMAGE_TEST_RESULTS: a folder; `vscode-extension-integration.json` with the counts is written
//   there for the workspace's test runner to sum.
// - GPT_IMAGE_TEST_COLOR=1: colour the spec reporter's output (the runner sets it when its own stdout
//   is a terminal; the extension host has no terminal to detect).
// - GPT_IMAGE_TEST_GREP: run only the tests whose full title matches this regular expression.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { testFiles } from 'gpt-image:integration-test-files';

const RESULTS_FILE = 'vscode-extension-integration.json';

export async function run(): Promise<void> {
  const logFile = process.env['GPT_IMAGE_TEST_LOG'];
  const log = teeReporterOutput(logFile);
  const grep = process.env['GPT_IMAGE_TEST_GREP'];
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: process.env['GPT_IMAGE_TEST_COLOR'] === '1',
    // Real editor operations (activation, opening documents) are slow on a 2-core CI machine.
    timeout: 30_000,
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });

  try {
    for (const file of testFiles) {
      // What `mocha.loadFiles()` does for files on disk: install the tdd globals, evaluate the file,
      // then let the UI finish. The files are bundled into this module, so we load them ourselves.
      mocha.suite.emit('pre-require', globalThis, file.name, mocha);
      const exports = await file.load();
      mocha.suite.emit('require', exports, file.name, mocha);
      mocha.suite.emit('post-require', globalThis, file.name, mocha);
    }
  } catch (error) {
    log(`Loading the integration tests failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    writeResults({ numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 });
    throw error;
  }

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
  });
  writeResults({
    numPassedTests: stats.passes,
    numFailedTests: stats.failures,
    numPendingTests: stats.pending,
  });
  if (stats.tests === 0) throw new Error('No integration tests ran.');
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed.`);
}

/**
 * Every reporter writes through `Base.consoleLog`; wrap it so each line also lands in the log file.
 * Returns a function for our own messages that takes the same path.
 */
function teeReporterOutput(logFile: string | undefined): (...data: unknown[]) => void {
  const Base = Mocha.reporters.Base;
  const original = Base.consoleLog;
  const log = (...data: unknown[]): void => {
    if (logFile) appendFileSync(logFile, `${format(...data)}\n`);
    original(...data);
  };
  Base.consoleLog = log;
  return log;
}

function writeResults(results: { numPassedTests: number; numFailedTests: number; numPendingTests: number }): void {
  const dir = process.env['GPT_IMAGE_TEST_RESULTS'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, RESULTS_FILE), `${JSON.stringify(results, null, 2)}\n`);
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
