/**
 * Registers the webview view `gptImage.view` (contributed in package.json, built in `src/view/`)
 * with the same services the commands use; the view runs the commands with their argument objects.
 * Thin at activation: the provider (and the services) are made when the view is first resolved.
 * In a test run (ExtensionMode.Test) a hidden command `gptImage.view.testSeam` hands the provider
 * to the integration tests: its HTML, the `ready` count, and `receive` to post as the webview.
 */
import * as vscode from 'vscode';
import { load } from './host-modules';
import { lazy } from './lazy';
import type { HostServices } from './services';

/** The id of the view, as contributed in package.json (`VIEW_ID` of the provider module). */
const VIEW_ID = 'gptImage.view';

export function registerView(context: vscode.ExtensionContext, services: () => Promise<HostServices>): void {
  const provider = lazy(async () => {
    const [{ GptImageViewProvider }, loaded] = await Promise.all([load('viewProvider'), services()]);
    const made = new GptImageViewProvider(loaded);
    context.subscriptions.push(made);
    return made;
  });
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(VIEW_ID, {
      resolveWebviewView: async (view) => (await provider()).resolveWebviewView(view),
    }),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(vscode.commands.registerCommand('gptImage.view.testSeam', () => provider()));
  }
}
