/**
 * One place that turns a failure into what the user sees: the core's typed errors with their
 * hint and an action that helps (set the key, save the image elsewhere), cancellations quietly.
 */
import { GptImageError, Interrupted } from '@gpt-image/core';
import * as vscode from 'vscode';
import { messageOf, type Log } from './log';
import { saveImageAs } from './save-as';
import { UnsavedImageError } from './unsaved-image-error';

/** True for a user's Cancel or a window shutting down: nothing to report. */
export function isCancellation(error: unknown): boolean {
  return error instanceof Interrupted || (error instanceof GptImageError && error.kind === 'cancelled');
}

/** Logs and shows `error`; returns once the notification is on screen (its actions run later). */
export function reportError(log: Log, error: unknown, doing: string): void {
  if (isCancellation(error)) {
    log.info(`${doing}: cancelled`);
    return;
  }
  log.error(`${doing}: ${messageOf(error)}`);
  if (error instanceof UnsavedImageError) {
    void vscode.window.showErrorMessage(`${error.message} Save it somewhere else?`, 'Save As…', 'Show Log').then((choice) => {
      if (choice === 'Save As…') void saveImageAs(error, log);
      if (choice === 'Show Log') log.show(true);
    });
    return;
  }
  const hint = error instanceof GptImageError && error.kind !== 'invalid_input' ? ` ${error.hint}` : '';
  const actions = error instanceof GptImageError && error.kind === 'auth' ? ['Set API Key…', 'Show Log'] : ['Show Log'];
  void vscode.window.showErrorMessage(`GPT Image: ${messageOf(error)}${hint}`, ...actions).then((choice) => {
    if (choice === 'Set API Key…') void vscode.commands.executeCommand('gptImage.setApiKey');
    if (choice === 'Show Log') log.show(true);
  });
}
