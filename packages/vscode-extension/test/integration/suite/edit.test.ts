// Editing two Explorer images against the fake OpenAI server (started inside the extension host,
// which is Node): both images reach the edit endpoint as `image[]` parts, in the order given, and
// the result is saved beside the image being edited.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderPlaceholder } from '@gpt-image/core';
import { startFakeServer, type FakeServer } from '@gpt-image/core/fake-server';
import * as vscode from 'vscode';
import { activateExtension, imageInfo, SettingsScope, workspacePath } from './helpers';

const FAKE_KEY = 'sk-test-fake-key-0123456789';

suite('Edit images', () => {
  const settings = new SettingsScope();
  let server: FakeServer;
  const images: { uri: vscode.Uri; sha256: string }[] = [];

  suiteSetup(async () => {
    await activateExtension();
    server = await startFakeServer();
    await settings.set({ 'gptImage.provider': 'openai', 'gptImage.openai.baseUrl': server.openaiBaseUrl });
    await vscode.commands.executeCommand('gptImage.setApiKey', { provider: 'openai', key: FAKE_KEY });
    for (const [name, width, height] of [['edit-a.png', 320, 240], ['edit-b.png', 200, 200]] as const) {
      const bytes = await renderPlaceholder({ prompt: name, width, height, format: 'png', background: 'auto' });
      const uri = vscode.Uri.file(workspacePath('photos', name));
      await vscode.workspace.fs.writeFile(uri, bytes);
      images.push({ uri, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('gptImage.clearApiKey', { provider: 'openai' });
    await settings.restore();
    await server.close();
  });

  test('sends both images to the edit endpoint in order and saves beside the first', async () => {
    const [a, b] = images;
    assert.ok(a && b);
    const path = await vscode.commands.executeCommand<string | undefined>('gptImage.editImages', {
      images: [a.uri, b.uri],
      prompt: 'Put both on one postcard',
      confirmed: true,
    });
    assert.ok(path, 'the edit returned no path');
    assert.equal(dirname(path), dirname(a.uri.fsPath));
    assert.ok(existsSync(path));

    const edits = server.requests.filter((request) => request.route === 'openai.edit');
    assert.equal(edits.length, 1);
    const parts = edits[0]?.images ?? [];
    assert.deepEqual(
      parts.map((part) => [part.field, part.sha256]),
      [
        ['image[]', a.sha256],
        ['image[]', b.sha256],
      ],
    );
    assert.equal(server.paidSubmissions('openai'), 1);
    // No size was given: the result takes the edited image's 4:3 shape at the 1K budget.
    const info = imageInfo(path);
    assert.ok(Math.abs(info.width / info.height - 4 / 3) < 0.02, `${info.width}x${info.height} is not 4:3`);
    // The key went only in the Authorization header, and the server saw it masked.
    assert.ok(!JSON.stringify(server.requests).includes(FAKE_KEY));
  });

  test('on kie, which takes preset ratios only, asks for the ratio nearest the edited image', async () => {
    const [a] = images;
    assert.ok(a);
    await settings.set({ 'gptImage.provider': 'kie', 'gptImage.kie.baseUrl': server.kieBaseUrl, 'gptImage.kie.uploadBaseUrl': server.uploadBaseUrl, 'gptImage.kie.pollIntervalMs': 50 });
    await vscode.commands.executeCommand('gptImage.setApiKey', { provider: 'kie', key: FAKE_KEY });
    try {
      server.reset();
      const path = await vscode.commands.executeCommand<string | undefined>('gptImage.editImages', { images: [a.uri], prompt: 'Make it night', confirmed: true });
      assert.ok(path && existsSync(path), 'the kie edit saved nothing');
      const creates = server.requests.filter((request) => request.route === 'kie.createTask');
      assert.equal(creates.length, 1);
      // 320x240 is 4:3, one of kie's presets: asked for as that ratio at the default tier.
      assert.deepEqual(pick(creates[0]?.body, 'aspect_ratio', 'resolution'), { aspect_ratio: '4:3', resolution: '1K' });
    } finally {
      await vscode.commands.executeCommand('gptImage.clearApiKey', { provider: 'kie' });
      await settings.set({ 'gptImage.provider': 'openai' });
    }
  });
});

/** The named fields of a logged kie request's `input`. */
function pick(body: unknown, ...keys: string[]): Record<string, unknown> {
  const input = (body as { input?: Record<string, unknown> } | undefined)?.input ?? {};
  return Object.fromEntries(keys.map((key) => [key, input[key]]));
}
