// The extension loads in a real VS Code (code-server 1.100.3, or Electron VS Code through
// @vscode/test-electron) and contributes its command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import manifest from '../../../package.json';

const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

suite('Activation', () => {
  test('runs in the Node extension host', () => {
    // The payload route could in principle load tests in a web worker extension host, which has no
    // Node: this proves the suite (and therefore the extension) runs under Node.
    assert.equal(typeof process.versions.node, 'string');
    assert.equal(process.release.name, 'node');
  });

  test('opens the fixture workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder');
    const found = await vscode.workspace.findFiles('{README.md,src/Hero.tsx}');
    assert.deepEqual(found.map((uri) => vscode.workspace.asRelativePath(uri)).sort(), ['README.md', 'src/Hero.tsx']);
  });

  test('the extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('gptImage.generate is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('gptImage.generate'), 'gptImage.generate is missing from the command list');
  });
});
