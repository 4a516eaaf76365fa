// Runs started from the GPT Image view against the fake server (started inside the extension host):
// OpenAI's streamed previews reach the view before the result, the view's Cancel stops a kie task
// (cancelled state, no image, no task left), the view's runs show no "Saved" notification besides
// the view's own result, and the result's Insert at cursor / Copy path act on the editor.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeServer, type FakeServer } from '@gpt-image/core/fake-server';
import * as vscode from 'vscode';
import type { GptImageApi } from '../../../src/host/api';
import type { GptImageViewProvider } from '../../../src/view/host/view-provider';
import type { HostMessage } from '../../../src/view/protocol';
import { activateExtension, openAt, SettingsScope, waitFor, workspaceRoot } from './helpers';

async function seam(): Promise<GptImageViewProvider> {
  const provider = await vscode.commands.executeCommand<GptImageViewProvider | undefined>('gptImage.view.testSeam');
  assert.ok(provider, 'the view test seam is not registered (is the extension in test mode?)');
  return provider;
}

/** The messages posted since the last call (the seam's list is emptied). */
function take(provider: GptImageViewProvider): HostMessage[] {
  return provider.posted.splice(0);
}

/** Image files anywhere in the workspace (generated images land in its output folder). */
function imageFiles(): Set<string> {
  const root = workspaceRoot();
  return new Set(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(png|jpe?g|webp)$/i.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
}

const generate = (prompt: string) => ({
  type: 'generate',
  payload: { mode: 'generate', prompt, resolution: '1K', quality: 'low', aspectRatio: '1:1', images: [] },
});

suite('View runs', () => {
  const settings = new SettingsScope();
  let server: FakeServer;
  let api: GptImageApi;

  suiteSetup(async () => {
    api = await activateExtension();
    // kie takes long enough to be cancelled while it works; OpenAI streams its previews.
    server = await startFakeServer({ scenario: { kie: { waitingMs: 0, queuingMs: 50, generatingMs: 4000 }, openai: { partialIntervalMs: 50 } } });
    await settings.set({
      'gptImage.openai.baseUrl': server.openaiBaseUrl,
      'gptImage.kie.baseUrl': server.kieBaseUrl,
      'gptImage.kie.uploadBaseUrl': server.uploadBaseUrl,
      'gptImage.kie.pollIntervalMs': 100,
    });
    await vscode.commands.executeCommand('gptImage.setApiKey', { provider: 'openai', key: 'sk-test-fake-key-0123456789' });
    await vscode.commands.executeCommand('gptImage.setApiKey', { provider: 'kie', key: 'kie-test-key-0123456789' });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('gptImage.clearApiKey', { provider: 'openai' });
    await vscode.commands.executeCommand('gptImage.clearApiKey', { provider: 'kie' });
    await settings.restore();
    await server.close();
  });

  test('an OpenAI run from the view posts its previews before the result', async () => {
    await settings.set({ 'gptImage.provider': 'openai' });
    const provider = await seam();
    take(provider);
    await provider.receive(generate('A view preview test: a red kite'));
    const posted = take(provider);
    const previewAt = posted.findIndex((m) => m.type === 'preview');
    const resultAt = posted.findIndex((m) => m.type === 'result');
    assert.ok(previewAt >= 0, `no preview message (posted: ${posted.map((m) => m.type).join(', ')})`);
    assert.ok(resultAt > previewAt, 'the result came before the first preview');
    const preview = posted[previewAt];
    assert.ok(preview?.type === 'preview');
    assert.equal(preview.payload.index, 0);
    assert.match(preview.payload.dataUrl, /^data:image\/png;base64,iVBOR/);
    const result = posted[resultAt];
    assert.ok(result?.type === 'result' && result.payload.image, 'no saved image in the result');
    assert.ok(existsSync(result.payload.image.path));
    const sent = server.requests.filter((request) => request.route === 'openai.generate');
    assert.ok(sent.length >= 1, 'the fake OpenAI server saw no generation');
  });

  test('the view\'s Cancel stops a kie run: cancelled state, no image, no task left', async () => {
    await settings.set({ 'gptImage.provider': 'kie' });
    const provider = await seam();
    take(provider);
    const before = imageFiles();
    const running = provider.receive(generate('A view cancel test: a slow glacier'));
    await waitFor('kie to accept the task', () => api.pendingTaskIds().length === 1, 15_000);
    await provider.receive({ type: 'cancel', payload: {} });
    await running;
    const posted = take(provider);
    const states = posted.flatMap((m) => (m.type === 'progress' ? [m.payload.state] : []));
    assert.equal(states.at(-1), 'cancelled', `states: ${states.join(', ')}`);
    const result = posted.filter((m) => m.type === 'result').at(-1);
    assert.ok(result?.type === 'result');
    assert.equal(result.payload.image, null);
    assert.deepEqual(api.pendingTaskIds(), [], 'a cancelled task must not be resumed later');
    assert.equal(provider.runningTaskCount(), 0, 'the running-task list is not empty');
    // Wait past kie's generating time: nothing may be written afterwards either.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual([...imageFiles()].filter((file) => !before.has(file)), [], 'an image was written');
  });

  test('a run from the view shows no "Saved" notification; the command without notify: false does', async () => {
    await settings.set({ 'gptImage.provider': 'placeholder' });
    const provider = await seam();
    const shown = provider.savedNotifications().length;
    take(provider);
    await provider.receive(generate('A view notification test: a quiet pond'));
    const result = take(provider).filter((m) => m.type === 'result').at(-1);
    assert.ok(result?.type === 'result' && result.payload.image, 'the view run saved nothing');
    assert.equal(provider.savedNotifications().length, shown, 'the view run showed a "Saved" notification');
    const path = await vscode.commands.executeCommand<string | undefined>('gptImage.generate', { prompt: 'A notified pond', insert: false });
    assert.ok(path);
    assert.equal(provider.savedNotifications().at(-1), path, 'the command did not notify');
  });

  test("the result's Insert at cursor puts the snippet in the editor, Copy path copies the relative path", async () => {
    await settings.set({ 'gptImage.provider': 'placeholder' });
    const provider = await seam();
    take(provider);
    await provider.receive(generate('A view insert test: a paper crane'));
    const result = take(provider).filter((m) => m.type === 'result').at(-1);
    assert.ok(result?.type === 'result' && result.payload.image);
    const { path } = result.payload.image;

    const editor = await openAt('README.md', 0, 0);
    const text = editor.document.getText();
    await provider.receive({ type: 'insert', payload: { path } });
    await waitFor('the snippet in the document', () => editor.document.getText() !== text);
    const inserted = editor.document.getText().slice(0, editor.document.getText().length - text.length);
    assert.match(inserted, /!\[[^\]]*paper crane[^\]]*\]\([^)]+\.png\)/i, inserted);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    await provider.receive({ type: 'copyPath', payload: { path } });
    assert.equal(await vscode.env.clipboard.readText(), vscode.workspace.asRelativePath(vscode.Uri.file(path), false));
    assert.deepEqual(take(provider).at(-1), { type: 'notice', payload: { text: 'Path copied.' } });
  });
});
