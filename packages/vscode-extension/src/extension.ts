/**
 * The extension host: commands, missing-image lenses and quick fixes, task records that survive a
 * restart, and the status bar. Activation is lazy (commands, the view and the scanned languages
 * activate it) and cheap: this module and the ones it imports statically are only the thin
 * registration layer (plus `vscode`). Every command's implementation, the services (task store,
 * runner, provider runtimes), the lens logic and the view provider are loaded with `import()` on
 * first use — esbuild makes each a lazily evaluated module of the same bundle; see `host/lazy.ts`.
 * `./host/provider-factory` is imported on the first OpenAI or kie generation, and the `openai`
 * SDK on the first OpenAI request.
 */
import * as vscode from 'vscode';
import type { GptImageApi } from './host/api';
import { load } from './host/host-modules';
import { lazy } from './host/lazy';
import { createLog } from './host/log';
import { registerMissingImageProviders } from './host/missing-image-providers';
import { registerCommand } from './host/register-command';
import { registerView } from './host/register-view';
import type { HostServices } from './host/services';

export type { GptImageApi } from './host/api';


export function activate(context: vscode.ExtensionContext): GptImageApi {
  const log = createLog(context);
  /** Set once the services are made: what the API's synchronous methods read. */
  let made: { services: HostServices; api: GptImageApi } | undefined;
  // The window's services, made on first use; the status bar item watches their running tasks.
  const services = lazy(async () => {
    const [{ createServices }, { createApi }, { createTaskStatus }] = await Promise.all([load('services'), load('api'), load('statusBar')]);
    if (made) return made.services;
    const created = createServices(context, log);
    createTaskStatus(context, created.running);
    made = { services: created, api: createApi(created) };
    return created;
  });

  const command = (id: string, run: (services: HostServices, ...args: unknown[]) => Promise<unknown>): void =>
    registerCommand(context, log, id, async (...args) => run(await services(), ...args));
  command('gptImage.generate', async (s, args) => (await load('generate')).generateCommand(s, args));
  command('gptImage.editImages', async (s, first, second) => (await load('edit')).editImagesCommand(s, first, second));
  command('gptImage.generateMissingImage', async (s, args) => (await load('generateMissing')).generateMissingCommand(s, args));
  command('gptImage.generateMissingImages', async (s, args) => (await load('generateAllMissing')).generateAllMissingCommand(s, args));
  command('gptImage.regenerate', async (s, args) => (await load('regenerate')).regenerateCommand(s, args));
  command('gptImage.resumeTasks', async (s) => (await load('pending')).resumeTasksCommand(s));
  context.subscriptions.push(
    // The key commands reject on bad arguments (as they always did), rather than report.
    vscode.commands.registerCommand('gptImage.setApiKey', async (args?: unknown) => {
      const [{ setApiKeyCommand }, { keys }] = await Promise.all([load('keys'), services()]);
      return setApiKeyCommand(keys, log, args);
    }),
    vscode.commands.registerCommand('gptImage.clearApiKey', async (args?: unknown) => {
      const [{ clearApiKeyCommand }, { keys }] = await Promise.all([load('keys'), services()]);
      return clearApiKeyCommand(keys, log, args);
    }),
    vscode.commands.registerCommand('gptImage.showTasks', async () => {
      const [{ showTasks }, { running }] = await Promise.all([load('statusBar'), services()]);
      return showTasks(running);
    }),
  );
  registerMissingImageProviders(context);
  // The webview view (`gptImage.view`, built in src/view/): its provider gets the same services.
  registerView(context, services);

  const resumePendingTasks = async (): Promise<string[]> => {
    const [{ resumePendingTasks: resume }, loaded] = await Promise.all([load('pending'), services()]);
    return resume(loaded);
  };
  // Tasks a previous window left running are collected right after activation (deferred, so
  // activation neither waits for them nor loads the task machinery itself).
  setTimeout(() => {
    resumePendingTasks().catch((error: unknown) => log.error(`Collecting pending tasks failed: ${error instanceof Error ? error.message : String(error)}`));
  }, 0);
  log.info(`Activated (${vscode.env.appName} ${vscode.version}, workspace ${vscode.workspace.isTrusted ? 'trusted' : 'restricted'})`);
  return {
    resumePendingTasks,
    // Before the services are made (a moment after activation) nothing is followed or loaded yet.
    pendingTaskIds: () => made?.api.pendingTaskIds() ?? [],
    interruptRunningTasks: () => made?.api.interruptRunningTasks(),
  };
}

/** Everything is disposed through `context.subscriptions`; running tasks are interrupted, not cancelled. */
export function deactivate(): void {}
