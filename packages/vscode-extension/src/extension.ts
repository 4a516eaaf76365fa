/**
 * The extension host: commands, missing-image lenses and quick fixes, task records that survive a
 * restart, and the status bar. Activation is lazy (commands, the view and the scanned languages
 * activate it) and cheap: nothing here loads a network provider; `./host/provider-factory` is
 * imported on the first OpenAI or kie generation, and the `openai` SDK on the first OpenAI request.
 */
import * as vscode from 'vscode';
import { createApi, type GptImageApi } from './host/api';
import { registerEditCommand } from './host/edit-command';
import { registerGenerateAllMissingCommand } from './host/generate-all-missing-command';
import { registerGenerateCommand } from './host/generate-command';
import { registerGenerateMissingCommand } from './host/generate-missing-command';
import { registerKeyCommands } from './host/key-commands';
import { registerMissingImageProviders } from './host/missing-image-lens';
import { resumePendingTasks, registerResumeCommand } from './host/pending-tasks';
import { registerRegenerateCommand } from './host/regenerate-command';
import { registerView } from './host/register-view';
import { createServices } from './host/services';
import { registerTaskStatus } from './host/status-bar';

export type { GptImageApi } from './host/api';

export function activate(context: vscode.ExtensionContext): GptImageApi {
  const services = createServices(context);
  registerKeyCommands(context, services.keys, services.log);
  registerGenerateCommand(services);
  registerEditCommand(services);
  registerGenerateMissingCommand(services);
  registerGenerateAllMissingCommand(services);
  registerRegenerateCommand(services);
  registerResumeCommand(services);
  registerTaskStatus(context, services.running);
  registerMissingImageProviders(context);
  // The seam for the webview view (`gptImage.view`, built in src/view/): its provider gets the
  // same services as the commands. A no-op until the view lands.
  registerView(context, services);

  // Tasks a previous window left running are collected now; activation does not wait for them.
  void resumePendingTasks(services);
  services.log.info(`Activated (${vscode.env.appName} ${vscode.version}, workspace ${vscode.workspace.isTrusted ? 'trusted' : 'restricted'})`);
  return createApi(services);
}

/** Everything is disposed through `context.subscriptions`; running tasks are interrupted, not cancelled. */
export function deactivate(): void {}
