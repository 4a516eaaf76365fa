/**
 * Registers a command whose failures are reported the one way (`reportError`): a handler throws,
 * the user sees the message with an action, the log gets the line, and the command's promise
 * resolves to undefined — the same as a Cancel, so callers only ever test the result.
 */
import * as vscode from 'vscode';
import { reportError } from './report-error';
import type { HostServices } from './services';

/** Registers `id` on `services.context`; a thrown error is reported and the command resolves to undefined. */
export function registerCommand<T>(services: HostServices, id: string, handler: (...args: unknown[]) => Promise<T>): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]): Promise<T | undefined> => {
      try {
        return await handler(...args);
      } catch (error) {
        reportError(services.log, error, id);
        return undefined;
      }
    }),
  );
}
