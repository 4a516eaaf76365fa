// Starts a real VS Code (code-server 4.100.3 = VS Code 1.100.3) in the browser with the extension
// installed from a freshly built .vsix, on a copy of the sample workspace, for a person to try it:
//   pnpm start:vscode            then open the printed address; Ctrl-C stops it and removes the temp folder.
// PORT=9000 pnpm start:vscode   picks the port (default 8080, or any free port when 8080 is taken).
//
// The extension is installed the way a user would get it (`--install-extension x.vsix`), not loaded as a
// development extension, so this also checks that the packaged .vsix works. The editor's environment
// (e.g. OPENAI_API_KEY) reaches the extension host.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { packageVsix } from './package-vsix.mjs';
import {
  CODE_SERVER_VERSION,
  EXT_ROOT,
  VSCODE_VERSION,
  assertCodeServerInstalled,
  codeServerArgs,
  codeServerEnv,
  freePort,
  killTree,
  makeProfile,
  runCodeServerCli,
  waitForHealthz,
} from './lib/code-server.mjs';

assertCodeServerInstalled();

const built = spawnSync(process.execPath, ['build.mjs'], { cwd: EXT_ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const vsix = packageVsix('dist/gpt-image.vsix');

const profile = makeProfile('gpt-image-vscode-dev-');
const env = codeServerEnv(profile);
const port = await choosePort();

/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
let stopping = false;
const stop = async (/** @type {number} */ code) => {
  if (stopping) return;
  stopping = true;
  await killTree(server);
  profile.remove();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await runCodeServerCli(codeServerArgs(profile, port, ['--install-extension', vsix]), env);

  const logFile = join(profile.root, 'code-server.log');
  const logFd = openSync(logFile, 'w');
  // The workspace as the positional argument: code-server opens it when the page has no ?folder=.
  server = spawn(process.execPath, codeServerArgs(profile, port, [profile.workspace]), {
    env,
    stdio: ['ignore', logFd, logFd],
    // Own process group, so Ctrl-C here also ends the extension host and helpers it forks.
    detached: true,
  });
  closeSync(logFd);
  server.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`code-server stopped unexpectedly (${code ?? signal}); its output:\n${readFileSync(logFile, 'utf8')}`);
    void stop(1);
  });
  await waitForHealthz(port, server, 30_000);

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(profile.workspace)}`;
  console.log(`VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) with GPT Image: ${url}`);
  console.log(`workspace: ${profile.workspace} (a temporary copy of test/fixtures/workspace)`);
  console.log('Ctrl-C to stop.');
} catch (error) {
  console.error(`start:vscode: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}

/** PORT from the environment, else 8080 when free, else any free port. */
async function choosePort() {
  const fromEnv = process.env['PORT'];
  if (fromEnv) {
    const port = Number(fromEnv);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${fromEnv} is not a port`);
    return port;
  }
  return (await isFree(8080)) ? 8080 : freePort();
}

/** @param {number} port */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
