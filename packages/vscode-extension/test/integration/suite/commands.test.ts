// Services and settings: every command is registered, activation stays lazy, the manifest's
// settings agree with the core's tables, and no setting could hold a key.
import * as assert from 'node:assert/strict';
import { ASPECT_RATIOS, DEFAULT_CONFIRM_ABOVE, OUTPUT_FORMATS, PROVIDER_IDS, QUALITIES, RESOLUTIONS } from '@gpt-image/core';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import { activateExtension } from './helpers';

const COMMANDS = [
  'gptImage.generate',
  'gptImage.editImages',
  'gptImage.generateMissingImage',
  'gptImage.generateMissingImages',
  'gptImage.regenerate',
  'gptImage.setApiKey',
  'gptImage.clearApiKey',
  'gptImage.resumeTasks',
  'gptImage.showTasks',
  'gptImage.showLog',
];

/** The contributed settings, by name. */
const settings: Record<string, { default?: unknown; enum?: unknown[]; scope?: string }> = manifest.contributes.configuration.properties;

suite('Services and settings', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('every command is registered and contributed with the GPT Image category', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of COMMANDS) assert.ok(registered.has(command), `${command} is not registered`);
    const contributed = manifest.contributes.commands;
    assert.deepEqual(contributed.map((c) => c.command).sort(), [...COMMANDS].sort());
    for (const command of contributed) assert.equal(command.category, 'GPT Image', `${command.command} has no category`);
  });

  test('activation is lazy: no startup or catch-all events', () => {
    const events: readonly string[] = manifest.activationEvents;
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `eager activation event in ${events.join(', ')}`);
  });

  test('the view container, the view and the walkthrough are contributed', () => {
    assert.equal(manifest.contributes.viewsContainers.activitybar[0]?.id, 'gptImage');
    assert.equal(manifest.contributes.views.gptImage[0]?.id, 'gptImage.view');
    assert.equal(manifest.contributes.views.gptImage[0]?.type, 'webview');
    const walkthrough = manifest.contributes.walkthroughs[0];
    assert.ok(walkthrough && walkthrough.steps.length >= 3);
  });

  test('setting defaults and values are the core contract', () => {
    assert.deepEqual(settings['gptImage.provider']?.enum, [...PROVIDER_IDS]);
    assert.deepEqual(settings['gptImage.defaults.resolution']?.enum, [...RESOLUTIONS]);
    assert.deepEqual(settings['gptImage.defaults.quality']?.enum, [...QUALITIES]);
    assert.deepEqual(settings['gptImage.defaults.aspectRatio']?.enum, [...ASPECT_RATIOS]);
    assert.deepEqual(settings['gptImage.defaults.outputFormat']?.enum, [...OUTPUT_FORMATS]);
    assert.deepEqual(settings['gptImage.confirmCostAbove']?.default, DEFAULT_CONFIRM_ABOVE);
    assert.equal(settings['gptImage.provider']?.default, 'placeholder');
    assert.equal(settings['gptImage.outputFolder']?.default, 'assets/generated');
  });

  test('no setting can hold a key, and endpoints that receive a key are user settings only', () => {
    for (const name of Object.keys(settings)) assert.ok(!/key|secret|token/i.test(name), `${name} looks like a place for a key`);
    for (const name of ['gptImage.openai.baseUrl', 'gptImage.kie.baseUrl', 'gptImage.kie.uploadBaseUrl']) {
      assert.equal(settings[name]?.scope, 'application', `${name} must not be settable by a workspace`);
    }
  });

  test('Restricted Mode support is declared as limited', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  test('the log command runs', async () => {
    await vscode.commands.executeCommand('gptImage.showLog');
  });
});
