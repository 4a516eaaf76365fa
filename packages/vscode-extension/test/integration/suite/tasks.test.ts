// Nothing lost: a kie task whose extension host goes away after kie accepted it is collected by
// `resumePendingTasks()` — what activation runs — exactly once and without a second submission;
// and a missing image whose file appears while it is being made is not overwritten.
//
// The extension host cannot really be restarted here (the suite runs inside it, and
// `workbench.action.restartExtensionHost` would end the run), so the restart is simulated the way
// deactivation does it: every running task is aborted with core's `Interrupted`, which leaves its
// record in workspaceState, and then the API's `resumePendingTasks()` runs as activation would.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startFakeServer, type FakeServer } from '@gpt-image/core/fake-server';
import * as vscode from 'vscode';
import { activateExtension, imageInfo, SettingsScope, waitFor, workspacePath } from './helpers';
import type { GptImageApi } from '../../../src/host/api';

suite('Tasks that outlive the window', () => {
  const settings = new SettingsScope();
  let server: FakeServer;
  let api: GptImageApi;

  suiteSetup(async () => {
    api = await activateExtension();
    // Long enough generating time to interrupt the task while kie works on it.
    server = await startFakeServer({ scenario: { kie: { waitingMs: 0, queuingMs: 50, generatingMs: 1500 } } });
    await settings.set({
      'gptImage.kie.baseUrl': server.kieBaseUrl,
      'gptImage.kie.uploadBaseUrl': server.uploadBaseUrl,
      'gptImage.kie.pollIntervalMs': 100,
    });
    await vscode.commands.executeCommand('gptImage.setApiKey', { provider: 'kie', key: 'kie-test-key-0123456789' });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('gptImage.clearApiKey', { provider: 'kie' });
    await settings.restore();
    await server.close();
  });

  test('a task interrupted by a restart is saved once, with one paid submission', async () => {
    const running = vscode.commands.executeCommand<string | undefined>('gptImage.generate', {
      prompt: 'A harbour at night',
      provider: 'kie',
      resolution: '1K',
      aspectRatio: '16:9',
      insert: false,
    });
    // The record is in workspaceState the moment kie accepts the task.
    await waitFor('the accepted task record', () => api.pendingTaskIds().length === 1);
    api.interruptRunningTasks();
    assert.equal(await running, undefined, 'the interrupted run should not have saved anything');
    assert.equal(api.pendingTaskIds().length, 1, 'the record must survive the interruption');

    const saved = await api.resumePendingTasks();
    assert.equal(saved.length, 1);
    const [path] = saved;
    assert.ok(path);
    assert.deepEqual(imageInfo(path), { mediaType: 'image/png', width: 1280, height: 720 });
    assert.equal(server.paidSubmissions('kie'), 1, 'the task was submitted again');
    assert.deepEqual(api.pendingTaskIds(), []);
    assert.deepEqual(await api.resumePendingTasks(), [], 'a second resume found work to do');
  });

  test('Cancel in the running-task list stops the polling and forgets the task', async () => {
    const running = vscode.commands.executeCommand<string | undefined>('gptImage.generate', {
      prompt: 'A lantern in the fog',
      provider: 'kie',
      resolution: '1K',
      aspectRatio: '1:1',
      insert: false,
    });
    await waitFor('kie to accept the task', () => api.pendingTaskIds().length === 1);
    // What a click on the status bar item opens; the first (only) task is picked.
    const list = vscode.commands.executeCommand('gptImage.showTasks');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await list;
    assert.equal(await running, undefined);
    assert.deepEqual(api.pendingTaskIds(), [], 'a cancelled task must not be resumed later');
    const polls = (): number => server.requests.filter((request) => request.route === 'kie.recordInfo').length;
    const before = polls();
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(polls(), before, 'polling went on after Cancel');
  });

  test('a missing image that appears meanwhile is not overwritten', async () => {
    writeFileSync(workspacePath('docs', 'race.md'), '# Race\n\n![A paper boat](img/boat.png)\n');
    const target = workspacePath('docs', 'img', 'boat.png');
    const running = vscode.commands.executeCommand<string | undefined>('gptImage.generateMissingImage', {
      document: workspacePath('docs', 'race.md'),
      path: target,
      provider: 'kie',
    });
    await waitFor('kie to accept the task', () => api.pendingTaskIds().length === 1);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, 'written by someone else');
    const path = await running;
    assert.equal(path, workspacePath('docs', 'img', 'boat-2.png'));
    assert.equal(readFileSync(target, 'utf8'), 'written by someone else');
    assert.ok(existsSync(path));
  });
});
