/**
 * Registers a command whose failures are reported the one way (`reportError`): a handler throws,
 * the user sees the message with an action, the log gets the line, and the command's promise
 * resolves to undefined — the same as a Cancel, so callers only ever test the result.
 *
 * Part of the thin activation layer: the handler loads its implementation itself (see `lazy`), and
 * the reporting module is loaded only when something fails.
 */
import * as vscode from 'vscode';
import { load } from './host-modules';
import type { Log } from './log';

/** Registers `id` on `context`; a thrown error is reported and the command resolves to undefined. */
export function registerCommand<T>(context: vscode.ExtensionContext, log: Log, id: string, handler: (...args: unknown[]) => Promise<T>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]): Promise<T | undefined> => {
      try {
        return await handler(...args);
      } catch (error) {
        const { reportError } = await load('reportErrors');
        reportError(log, error, id);
        return undefined;
      }
    }),
  );
}
