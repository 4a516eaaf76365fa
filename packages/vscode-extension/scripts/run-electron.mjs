// Runs the same Mocha suite the standard way, through @vscode/test-electron: it downloads a desktop
// VS Code (Electron) and starts it with --extensionDevelopmentPath/--extensionTestsPath. That is what a
// contributor with internet access or a CI with a VS Code cache would use.
//
// On these machines it cannot work: the download host (update.code.visualstudio.com) does not resolve,
// and Debian has no VS Code or Electron. The script then fails with a message saying so; the suite is
// run in a real extension host by `pnpm test:integration` (code-server) instead. Not part of `pnpm test`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildIntegrationSuite } from './build-integration.mjs';
import { EXT_ROOT, REPO_ROOT, makeProfile } from './lib/code-server.mjs';

const built = spawnSync(process.execPath, ['build.mjs'], { cwd: EXT_ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const { bundle } = await buildIntegrationSuite();

// Reuses the throw-away profile layout (fresh user data + extensions dir, copy of the fixture workspace).
const profile = makeProfile('gpt-image-vscode-electron-');
let code = 1;
try {
  code = await runTests({
    // The same VS Code the code-server route runs (code-server 4.100.3), and the oldest engines.vscode allows.
    version: '1.100.3',
    // A downloaded VS Code is kept in the project's cache, not in ./.vscode-test.
    cachePath: join(REPO_ROOT, '.cache', 'vscode-test'),
    extensionDevelopmentPath: EXT_ROOT,
    extensionTestsPath: bundle,
    launchArgs: [
      profile.workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--user-data-dir',
      profile.userData,
      '--extensions-dir',
      profile.extensions,
    ],
    // Without GPT_IMAGE_TEST_LOG the suite's reporter writes to the editor's stdout, which
    // test-electron pipes to ours.
    extensionTestsEnv: { GPT_IMAGE_TEST_COLOR: process.stdout.isTTY ? '1' : '0' },
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network/i.test(message)) {
    console.error(
      'test:electron: @vscode/test-electron could not download VS Code ' +
        `(${message.split('\n')[0]}).\n` +
        'This machine has no internet access except the npm registry and Debian packages, and Debian ships ' +
        'no VS Code or Electron, so this route cannot run here.\n' +
        'Run the same suite in a real VS Code extension host with `pnpm test:integration` (code-server 4.100.3).',
    );
  } else {
    console.error(`test:electron: ${message}`);
  }
  code = 1;
} finally {
  profile.remove();
}
process.exit(code);
