/**
 * The seam for the webview view `gptImage.view` (contributed in package.json, built in
 * `src/view/`). Its provider is registered here, with the same services the commands use, so the
 * view runs the same code paths (`executeCommand('gptImage.generate', { prompt, … })` or the
 * services directly). Until the view lands this registers nothing, and VS Code shows the view's
 * empty state.
 */
import type * as vscode from 'vscode';
import type { HostServices } from './services';

export function registerView(_context: vscode.ExtensionContext, _services: HostServices): void {
  // Intentionally empty: replaced by the WebviewViewProvider from src/view/.
}
