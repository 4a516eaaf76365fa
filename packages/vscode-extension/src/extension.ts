import * as vscode from 'vscode';

/**
 * Skeleton of the extension host: the generate command asks for a prompt and shows the cost the
 * core computes. The full experience (view, insertion, missing images) is built on this.
 */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('gptImage.generate', async () => {
      const { prepareRequest, formatCost } = await import('@gpt-image/core');
      const prompt = await vscode.window.showInputBox({ prompt: 'Describe the image' });
      if (prompt === undefined) return;
      const prepared = prepareRequest({ prompt }, 'placeholder');
      if (!prepared.ok) {
        void vscode.window.showErrorMessage(prepared.issues.map((i) => i.message).join('\n'));
        return;
      }
      void vscode.window.showInformationMessage(`Ready: ${formatCost(prepared.request.cost)}`);
    }),
  );
}

export function deactivate(): void {}
