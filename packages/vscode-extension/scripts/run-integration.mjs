// Runs the Mocha integration suite inside a real VS Code extension host: code-server 4.100.3
// (VS Code 1.100.3) driven by headless Debian Chromium through playwright-core. Exits with the suite's
// exit code (0 all passed, 1 a failure), or 1 with a clear message on timeout or a broken setup.
//
// Why this route: @vscode/test-electron cannot download VS Code here, and code-server rejects
// --extensionDevelopmentPath/--extensionTestsPath as flags; its web workbench takes both in the `payload`
// URL parameter, runs the tests in the server's Node extension host and, when `run()` settles, calls
// `window.codeAutomationExit(code)` — which we expose on the page to learn the result.
//
// Usage: node scripts/run-integration.mjs [--grep RE] [--timeout SECONDS] [--env KEY=VALUE]… [--keep] [--verbose]
//   or import { runIntegration } from './run-integration.mjs' and pass { env: { … } }.
// Everything in this process's environment reaches the extension host too (code-server passes its
// environment on), so callers can also just set variables.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIntegrationSuite } from './build-integration.mjs';
import {
  CHROMIUM,
  EXT_ROOT,
  assertCodeServerInstalled,
  codeServerArgs,
  codeServerEnv,
  freePort,
  killTree,
  makeProfile,
  waitForHealthz,
} from './lib/code-server.mjs';

/** Chromium flags from ENVIRONMENT.md: no GPU, no QUIC, no background traffic to unreachable hosts. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @typedef {object} IntegrationOptions
 * @property {Record<string, string>} [env] extra environment for code-server and its extension host
 * @property {number} [timeoutMs] total budget from starting code-server to the suite's end (default 180 s)
 * @property {string} [grep] only tests whose full title matches this regular expression
 * @property {boolean} [keep] keep the temporary profile/workspace folder and print where it is
 * @property {boolean} [verbose] also print the workbench's browser console and code-server's output
 * @property {boolean} [build] build the extension and the suite first (default true)
 */

/**
 * @param {IntegrationOptions} [options]
 * @returns {Promise<number>} the suite's exit code
 */
export async function runIntegration(options = {}) {
  const timeoutMs = options.timeoutMs ?? 180_000;
  assertCodeServerInstalled();
  const { chromium } = await import('playwright-core');

  const started = Date.now();
  let suiteBundle = join(EXT_ROOT, 'out', 'test', 'suite', 'index.js');
  if (options.build !== false) {
    // The extension under test is loaded from its package folder (package.json `main` -> dist/), so
    // it must be freshly built; build.mjs is the same build the .vsix ships.
    const built = spawnSync(process.execPath, ['build.mjs'], { cwd: EXT_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the extension (node build.mjs) failed');
    suiteBundle = (await buildIntegrationSuite()).bundle;
  }

  const profile = makeProfile('gpt-image-vscode-it-');
  const logFile = join(profile.root, 'suite.log');
  const serverLog = join(profile.root, 'code-server.log');
  writeFileSync(logFile, '');
  const tail = tailFile(logFile, (text) => process.stdout.write(text));

  /** @type {import('node:child_process').ChildProcess | undefined} */
  let server;
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let browser;
  /** @type {NodeJS.Timeout | undefined} */
  let deadline;
  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    clearTimeout(deadline);
    tail.stop();
    await browser?.close().catch(() => {});
    await killTree(server);
    if (options.keep) console.log(`kept ${profile.root}`);
    else profile.remove();
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const port = await freePort();
    const serverFd = openSync(serverLog, 'w');
    server = spawn(process.execPath, codeServerArgs(profile, port), {
      env: codeServerEnv(profile, {
        GPT_IMAGE_TEST_LOG: logFile,
        GPT_IMAGE_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
        ...(options.grep ? { GPT_IMAGE_TEST_GREP: options.grep } : {}),
        ...options.env,
      }),
      stdio: ['ignore', serverFd, serverFd],
      // Its own process group, so killTree() also ends the extension host and helpers it forks.
      detached: true,
    });
    closeSync(serverFd);

    /** @type {Promise<never>} */
    const timedOut = new Promise((_, reject) => {
      deadline = setTimeout(
        () =>
          reject(
            new Error(
              `timed out after ${timeoutMs / 1000} s: the workbench never reported the suite's result ` +
                '(codeAutomationExit was not called). Re-run with --verbose to see the browser console.',
            ),
          ),
        Math.max(0, timeoutMs - (Date.now() - started)),
      );
    });

    const work = (async () => {
      await waitForHealthz(port, /** @type {import('node:child_process').ChildProcess} */ (server), 30_000);

      browser = await chromium.launchPersistentContext(join(profile.root, 'chromium'), {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      /** @type {(code: number) => void} */
      let reportExit = () => {};
      const exited = new Promise((resolve) => (reportExit = resolve));
      // Must exist before the workbench loads: it looks the function up when the tests finish and
      // calls it with the exit code (and the workbench's logs, which we do not need).
      await browser.exposeFunction('codeAutomationExit', (/** @type {unknown} */ exitCode) => {
        reportExit(typeof exitCode === 'number' ? exitCode : 1);
      });
      const page = browser.pages()[0] ?? (await browser.newPage());
      page.on('pageerror', (error) => {
        if (options.verbose) console.error(`[workbench] ${error.message}`);
      });
      page.on('console', (message) => {
        if (options.verbose) console.log(`[browser ${message.type()}] ${message.text()}`);
      });

      const remote = `vscode-remote://127.0.0.1:${port}`;
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', `${remote}${EXT_ROOT}`],
        ['extensionTestsPath', `${remote}${suiteBundle}`],
      ]);
      const url =
        `http://127.0.0.1:${port}/?folder=${encodeURIComponent(profile.workspace)}` +
        `&payload=${encodeURIComponent(payload)}`;
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return /** @type {number} */ (await exited);
    })();
    // After a timeout, cleanup closes the browser under this chain; its late rejection is expected.
    work.catch(() => {});
    const code = await Promise.race([timedOut, work]);
    tail.flush();
    if (options.verbose) process.stdout.write(readFileSync(serverLog, 'utf8'));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`vscode integration (code-server, real extension host): exit ${code} in ${seconds} s`);
    return code;
  } catch (error) {
    tail.flush();
    console.error(`vscode integration: ${error instanceof Error ? error.message : String(error)}`);
    if (existsSync(serverLog)) {
      const lines = readFileSync(serverLog, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
      if (lines) console.error(`--- last lines of code-server's output ---\n${lines}`);
    }
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

/**
 * Follows a growing file and hands each new chunk to `write`: the suite appends its reporter lines
 * from the extension host, and this streams them to our terminal as they come.
 * @param {string} file
 * @param {(text: string) => void} write
 */
function tailFile(file, write) {
  let position = 0;
  const buffer = Buffer.alloc(64 * 1024);
  const flush = () => {
    let fd;
    try {
      fd = openSync(file, 'r');
      for (;;) {
        const read = readSync(fd, buffer, 0, buffer.length, position);
        if (read === 0) break;
        position += read;
        write(buffer.subarray(0, read).toString('utf8'));
      }
    } catch {
      // The file is gone (cleanup) or not there yet.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
  const timer = setInterval(flush, 150);
  return {
    flush,
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      grep: { type: 'string' },
      timeout: { type: 'string' },
      env: { type: 'string', multiple: true },
      keep: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'no-build': { type: 'boolean' },
    },
  });
  /** @type {Record<string, string>} */
  const env = {};
  for (const pair of values.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--env expects KEY=VALUE, got ${pair}`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const code = await runIntegration({
    env,
    ...(values.timeout ? { timeoutMs: Number(values.timeout) * 1000 } : {}),
    ...(values.grep ? { grep: values.grep } : {}),
    keep: values.keep ?? false,
    verbose: values.verbose ?? process.env['GPT_IMAGE_TEST_VERBOSE'] === '1',
    build: !values['no-build'],
  });
  process.exit(code);
}
