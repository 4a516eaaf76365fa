// The browser test of the GPT Image view: code-server (a real VS Code 1.100.3) with the packaged
// .vsix installed, driven by Playwright in Debian's Chromium the way a user clicks
// (test/browser/view-flow.mjs). Keeps a screenshot of the view in <repo>/artifacts/vscode-view.png.
// Writes {numPassedTests, numFailedTests, numPendingTests} to
// $GPT_IMAGE_TEST_RESULTS/vscode-extension-browser.json when that variable is set.
//
// Usage: node scripts/run-browser.mjs [--no-build] [--keep] [--verbose]
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { runViewFlow } from '../test/browser/view-flow.mjs';
import { packageVsix } from './package-vsix.mjs';
import {
  assertCodeServerInstalled,
  CHROMIUM,
  codeServerArgs,
  codeServerEnv,
  EXT_ROOT,
  freePort,
  killTree,
  makeProfile,
  REPO_ROOT,
  runCodeServerCli,
  waitForHealthz,
} from './lib/code-server.mjs';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = join(REPO_ROOT, 'artifacts', 'vscode-view.png');

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' }, keep: { type: 'boolean' }, verbose: { type: 'boolean' } } });
const started = Date.now();
assertCodeServerInstalled();
if (!values['no-build']) {
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: EXT_ROOT, stdio: values.verbose ? 'inherit' : 'ignore' });
  if (built.status !== 0) throw new Error('building the extension (node build.mjs) failed');
}
const vsix = packageVsix(join(EXT_ROOT, 'out', 'browser-test.vsix'));

const profile = makeProfile('gpt-image-vscode-browser-');
const env = codeServerEnv(profile);
/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
/** @type {import('playwright-core').BrowserContext | undefined} */
let browser;
/** @type {{ name: string, ok: boolean, error?: string }[]} */
let results = [];
let failure = '';
try {
  const port = await freePort();
  await runCodeServerCli(codeServerArgs(profile, port, ['--install-extension', vsix]), env);
  const serverFd = openSync(join(profile.root, 'code-server.log'), 'w');
  server = spawn(process.execPath, codeServerArgs(profile, port, [profile.workspace]), { env, stdio: ['ignore', serverFd, serverFd], detached: true });
  closeSync(serverFd);
  await waitForHealthz(port, server, 30_000);

  browser = await chromium.launchPersistentContext(join(profile.root, 'chromium'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
  const page = browser.pages()[0] ?? (await browser.newPage());
  if (values.verbose) page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(profile.workspace)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  results = await runViewFlow(page, { workspace: profile.workspace, screenshot: SCREENSHOT, log: (line) => console.log(line) });
  if (results.some((result) => !result.ok)) await page.screenshot({ path: join(REPO_ROOT, 'artifacts', 'vscode-view-failure.png') }).catch(() => {});
} catch (error) {
  failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (server) {
    const log = readFileSync(join(profile.root, 'code-server.log'), 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    if (log) console.error(`--- last lines of code-server's output ---\n${log}`);
  }
} finally {
  await browser?.close().catch(() => {});
  await killTree(server);
  if (values.keep) console.log(`kept ${profile.root}`);
  else profile.remove();
}

for (const result of results) console.log(`  ${result.ok ? '✔' : '✘'} ${result.name}${result.error ? ` — ${result.error}` : ''}`);
const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed + (failure ? 1 : 0);
if (failure) console.error(`  ✘ setup: ${failure}`);
const resultsDir = process.env['GPT_IMAGE_TEST_RESULTS'];
if (resultsDir) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'vscode-extension-browser.json'), JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0 }));
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`vscode browser test (code-server + Chromium, GPT Image view): ${passed} passed, ${failed} failed in ${seconds} s${failed === 0 ? `; screenshot ${SCREENSHOT}` : ''}`);
process.exit(failed === 0 ? 0 : 1);
