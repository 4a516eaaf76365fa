// Missing images: the quick fix on `![alt](images/fox.png)` creates exactly that file at its size,
// the CodeLens above the TSX <img> offers its width/height, and "Generate All Missing Images"
// makes the rest of the workspace's missing files.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, imageInfo, workspacePath } from './helpers';

suite('Missing images', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('the quick fix generates a missing Markdown image at exactly its path and size', async () => {
    const document = await vscode.workspace.openTextDocument(workspacePath('README.md'));
    const line = document.getText().split('\n').findIndex((text) => text.includes('images/fox.png'));
    const character = document.lineAt(line).text.indexOf('images/fox.png');
    const range = new vscode.Range(line, character, line, character + 'images/fox.png'.length);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
    const fix = actions.find((action) => action.title.startsWith('Generate fox.png from alt text'));
    assert.ok(fix?.command, `no quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const path = await vscode.commands.executeCommand<string | undefined>(fix.command.command, ...(fix.command.arguments ?? []));

    assert.equal(path, workspacePath('images', 'fox.png'));
    assert.deepEqual(imageInfo(path), { mediaType: 'image/png', width: 1280, height: 1280 });
    const after = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
    assert.ok(!after.some((action) => action.title.startsWith('Generate fox.png')), 'the fix is still offered after the file exists');
  });

  test('does not overwrite a file that appeared since the fix was offered', async () => {
    // The command re-checks the reference: fox.png now exists, so nothing is generated.
    const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generateMissingImage', {
      document: workspacePath('README.md'),
      path: workspacePath('images', 'fox.png'),
    });
    assert.equal(path, undefined);
  });

  test('a CodeLens above a TSX <img> offers its width and height', async () => {
    const uri = vscode.Uri.file(workspacePath('src', 'Hero.tsx'));
    await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((item) => item.command?.command === 'gptImage.generateMissingImage');
    assert.ok(lens?.command, 'no Generate lens on Hero.tsx');
    assert.match(lens.command.title, /Generate from alt text \(1536x1024\)/);
  });

  test('generates every missing image in the workspace in one batch', async () => {
    const saved = await vscode.commands.executeCommand<string[] | undefined>('gptImage.generateMissingImages', { confirmed: true });
    assert.ok(saved, 'the batch returned nothing');
    const hero = workspacePath('assets', 'hero.png');
    const team = workspacePath('docs', 'img', 'team.jpg');
    assert.deepEqual([...saved].sort(), [hero, team].sort());
    assert.deepEqual(imageInfo(hero), { mediaType: 'image/png', width: 1536, height: 1024 });
    // 800x600 is not a valid size; the nearest valid one keeps the shape.
    assert.deepEqual(imageInfo(team), { mediaType: 'image/jpeg', width: 944, height: 704 });
    assert.ok(!existsSync(workspacePath('images', 'fox-2.png')), 'an existing image was generated again');
  });
});
