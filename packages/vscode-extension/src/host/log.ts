/**
 * The "GPT Image" output channel. Everything the extension logs goes through here, and nothing
 * logged ever holds a key: core's errors are already redacted, and the key store never logs.
 */
import * as vscode from 'vscode';

/** The extension's log, a `LogOutputChannel` so the user picks the level in the editor. */
export type Log = vscode.LogOutputChannel;

/** Creates the channel and the `gptImage.showLog` command; both are owned by `context`. */
export function createLog(context: vscode.ExtensionContext): Log {
  const log = vscode.window.createOutputChannel('GPT Image', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('gptImage.showLog', () => log.show(true)),
  );
  return log;
}

/** The message of anything thrown, for the log and for notifications. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
