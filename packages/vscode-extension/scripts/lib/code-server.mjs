// Shared pieces of the scripts that install and run code-server (a real VS Code 1.100.3 with a real
// Node extension host, served to a browser). @vscode/test-electron cannot download VS Code on these
// machines and Debian has no VS Code or Electron, so code-server from npm is the editor we test in.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/vscode-extension */
export const EXT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The monorepo root. */
export const REPO_ROOT = resolve(EXT_ROOT, '..', '..');

/** code-server 4.100.3 is VS Code 1.100.3; the extension's `engines.vscode` must stay `^1.100.0` or lower. */
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
/** A folder the project owns (git-ignored), never the home directory or a global prefix. */
export const CODE_SERVER_DIR = join(REPO_ROOT, '.cache', 'code-server');
export const CODE_SERVER_PKG = join(CODE_SERVER_DIR, 'node_modules', 'code-server');
/** Written last by the installer, so a half-finished install is never mistaken for a good one. */
export const INSTALLED_MARKER = join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);
/** code-server's `bin` entry; we start it with our own Node rather than through a shell shim. */
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');

export const FIXTURE_WORKSPACE = join(EXT_ROOT, 'test', 'fixtures', 'workspace');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertCodeServerInstalled() {
  if (!existsSync(INSTALLED_MARKER) || !existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${CODE_SERVER_DIR}; ` +
        'run `node scripts/install-code-server.mjs` first (the package scripts do).',
    );
  }
}

/**
 * Asks the OS for a free TCP port on 127.0.0.1 (there is a tiny race between closing and reuse,
 * acceptable for a test run).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A throw-away editor profile: user data, extensions, config and XDG folders all live in one temp
 * folder, so nothing lands in the home directory and no state leaks between runs.
 * @param {string} prefix
 */
export function makeProfile(prefix) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    workspace: join(root, 'workspace'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData]) {
    mkdirSync(dir, { recursive: true });
  }
  // An explicit (empty-ish) config file: without --config code-server writes one, with a random
  // password, into $XDG_CONFIG_HOME; the flags below decide everything anyway.
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  // A copy, so whatever the tests or a person do to the workspace never touches the fixture.
  cpSync(FIXTURE_WORKSPACE, dirs.workspace, { recursive: true });
  // Quiet first start: no welcome page, no telemetry prompt, nothing that steals focus.
  const settingsDir = join(dirs.userData, 'User');
  mkdirSync(settingsDir, { recursive: true });
  writeFileSync(
    join(settingsDir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
      },
      null,
      2,
    ),
  );
  return {
    ...dirs,
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The environment code-server (and therefore its extension host, which inherits it) runs with.
 * @param {ReturnType<typeof makeProfile>} profile
 * @param {Record<string, string>} [extra]
 */
export function codeServerEnv(profile, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: profile.xdgConfig,
    XDG_DATA_HOME: profile.xdgData,
    ...extra,
  };
}

/**
 * The code-server command line shared by the test runner and the manual start script.
 * @param {ReturnType<typeof makeProfile>} profile
 * @param {number} port
 * @param {string[]} [more]
 */
export function codeServerArgs(profile, port, more = []) {
  return [
    CODE_SERVER_ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
    '--config',
    profile.config,
    ...more,
  ];
}

/**
 * Runs a code-server CLI command to completion (e.g. --install-extension).
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<string>} combined output
 */
export function runCodeServerCli(args, env) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolveRun(output);
      else reject(new Error(`code-server ${args.slice(1).join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Polls /healthz until code-server answers, the process dies, or the deadline passes.
 * @param {number} port
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 */
export async function waitForHealthz(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was healthy`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz on port ${port} within ${timeoutMs / 1000} s`);
}

/**
 * Stops a child process and everything it started (code-server forks an extension host, file
 * watcher and pty host). The child must have been spawned with `detached: true` so it leads its own
 * process group; we signal that group, never anything found by name.
 * @param {import('node:child_process').ChildProcess | undefined} child
 */
export async function killTree(child) {
  if (!child || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r(undefined);
    else child.once('exit', () => r(undefined));
  });
  const signalGroup = (/** @type {NodeJS.Signals} */ signal) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 3000);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 4000))]);
  clearTimeout(timer);
  // Children of the group that outlived the leader (e.g. an extension host mid-shutdown).
  signalGroup('SIGKILL');
}
