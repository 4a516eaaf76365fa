/**
 * Registers the webview view `gptImage.view` (contributed in package.json, built in `src/view/`)
 * with the same services the commands use; the view runs the commands with their argument objects.
 * In a test run (ExtensionMode.Test) a hidden command `gptImage.view.testSeam` hands the provider
 * to the integration tests: its HTML, the `ready` count, and `receive` to post as the webview.
 */
import * as vscode from 'vscode';
import { GptImageViewProvider, VIEW_ID } from '../view/host/view-provider';
import type { HostServices } from './services';

export function registerView(context: vscode.ExtensionContext, services: HostServices): void {
  const provider = new GptImageViewProvider(services);
  context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider(VIEW_ID, provider));
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(vscode.commands.registerCommand('gptImage.view.testSeam', () => provider));
  }
}
