// Generate with the placeholder provider, driven through the command's argument object: the file
// and its manifest entry are written, and the snippet is inserted at the cursor in the document's
// own language with a path relative to it.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { MANIFEST_FILE_NAME, parseManifest } from '@gpt-image/core';
import * as vscode from 'vscode';
import { activateExtension, imageInfo, openAt, SettingsScope, workspacePath } from './helpers';

suite('Generate', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('writes the image at the preset size and records it in the manifest', async () => {
    const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', {
      prompt: 'A lighthouse at dusk',
      aspectRatio: '16:9',
      resolution: '2K',
      insert: false,
    });
    assert.ok(path, 'the command returned no path');
    assert.equal(relative(workspacePath(), dirname(path)), 'assets/generated');
    assert.deepEqual(imageInfo(path), { mediaType: 'image/png', width: 2048, height: 1152 });
    const manifest = parseManifest(readFileSync(`${dirname(path)}/${MANIFEST_FILE_NAME}`, 'utf8'));
    const entry = manifest.entries.find((e) => e.file === basename(path));
    assert.ok(entry, 'no manifest entry for the image');
    assert.equal(entry.prompt, 'A lighthouse at dusk');
    assert.equal(entry.provider, 'placeholder');
    assert.deepEqual([entry.width, entry.height], [2048, 1152]);
  });

  test('refuses an invalid size without writing anything', async () => {
    const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', { prompt: 'Too odd', size: '1000x1000', insert: false });
    assert.equal(path, undefined);
  });

  test('inserts a Markdown image at the cursor, relative to the document', async () => {
    const editor = await openAt('docs/insert.md', 3, 0);
    const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', { prompt: 'A red fox in the snow', aspectRatio: '1:1', insert: true });
    assert.ok(path);
    assert.equal(editor.document.lineAt(3).text, `![A red fox in the snow](../assets/generated/${basename(path)})`);
  });

  test('inserts an <img /> element in a TSX component', async () => {
    const editor = await openAt('src/Gallery.tsx', 4, 6);
    const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', {
      prompt: 'A mountain lake',
      aspectRatio: '4:3',
      resolution: '1K',
      insert: true,
    });
    assert.ok(path);
    assert.equal(
      editor.document.lineAt(4).text,
      `      <img src="../assets/generated/${basename(path)}" alt="A mountain lake" width={1280} height={960} />`,
    );
  });

  test('regenerates a manifest entry with the same prompt and options, as a new file', async () => {
    const first = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', { prompt: 'A paper crane', aspectRatio: '3:2', insert: false });
    assert.ok(first);
    const again = await vscode.commands.executeCommand<string | undefined>('gptImage.regenerate', {
      manifest: `${dirname(first)}/${MANIFEST_FILE_NAME}`,
      file: basename(first),
    });
    assert.ok(again);
    assert.notEqual(again, first);
    assert.equal(dirname(again), dirname(first));
    assert.deepEqual(imageInfo(again), imageInfo(first));
    const entries = parseManifest(readFileSync(`${dirname(first)}/${MANIFEST_FILE_NAME}`, 'utf8')).entries;
    assert.equal(entries.find((e) => e.file === basename(again))?.prompt, 'A paper crane');
  });

  test('hand-edited settings of the wrong shape fall back to their defaults', async () => {
    const settings = new SettingsScope();
    await settings.set({
      'gptImage.confirmCostAbove': [],
      'gptImage.defaults.resolution': '8K',
      'gptImage.defaults.outputFormat': 42,
      'gptImage.outputFolder': '   ',
    });
    try {
      const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', { prompt: 'A hand-edited harbour', aspectRatio: '1:1', insert: false });
      assert.ok(path, 'the command returned no path');
      assert.equal(relative(workspacePath(), dirname(path)), 'assets/generated');
      // The defaults: 1K (not "8K"), PNG (not 42), the default folder (not blanks).
      assert.deepEqual(imageInfo(path), { mediaType: 'image/png', width: 1280, height: 1280 });
    } finally {
      await settings.restore();
    }
  });

  test('an unwritable output folder keeps the image in the temporary folder', async () => {
    const settings = new SettingsScope();
    // A file where the folder should be: the folder cannot be created.
    writeFileSync(workspacePath('not-a-folder'), '');
    await settings.set({ 'gptImage.outputFolder': 'not-a-folder/images' });
    const kept = join(tmpdir(), 'gpt-image-kept');
    const keptBefore = new Set(safeList(kept));
    try {
      const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', { prompt: 'A kept kite', insert: false });
      assert.equal(path, undefined);
    } finally {
      await settings.restore();
    }
    const added = safeList(kept).filter((name) => !keptBefore.has(name) && name.startsWith('a-kept-kite'));
    assert.equal(added.length, 1, 'the image was not kept');
    for (const name of added) rmSync(join(kept, name));
  });
});

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
