/**
 * "Saved hero.png" with what to do next: Insert at cursor, Reveal in Explorer, Copy path, Open.
 * Not awaited by the commands: a notification may stay open for minutes.
 */
import type { PixelSize } from '@gpt-image/core';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { SavedImage } from '@gpt-image/core/node';
import { altTextFor, insertImageSnippet } from './insert-snippet';

/** What the notification is about. */
export interface SavedImageInfo {
  readonly path: string;
  readonly alt: string;
  readonly size: PixelSize;
  /** Said before "Saved …", e.g. that the exact name was taken meanwhile. */
  readonly note?: string;
}

/** What a saved image is, for the notification and for inserting it: its path, alt text and size. */
export function savedImageInfo(saved: SavedImage, prompt: string): SavedImageInfo {
  return { path: saved.path, alt: altTextFor(prompt), size: { width: saved.entry.width, height: saved.entry.height } };
}

/** The paths of the notifications shown in this window, newest last, kept short (a test seam). */
export const shownSavedNotifications: string[] = [];

/**
 * Shows the notification. `editor` is the one the command started from; Insert goes into the
 * active text editor at the time of the click, else that one.
 */
export function showSavedNotification(image: SavedImageInfo, editor: vscode.TextEditor | undefined): void {
  shownSavedNotifications.push(image.path);
  if (shownSavedNotifications.length > 50) shownSavedNotifications.shift();
  const actions = [...(editor ? ['Insert at cursor'] : []), 'Reveal in Explorer', 'Copy path', 'Open'];
  const message = `${image.note ? `${image.note} ` : ''}Saved ${basename(image.path)}`;
  void vscode.window.showInformationMessage(message, ...actions).then(async (choice) => {
    const uri = vscode.Uri.file(image.path);
    switch (choice) {
      case 'Insert at cursor': {
        const target = vscode.window.activeTextEditor ?? editor;
        if (target && !target.document.isClosed) await insertImageSnippet(target, image);
        break;
      }
      case 'Reveal in Explorer':
        await vscode.commands.executeCommand('revealInExplorer', uri);
        break;
      case 'Copy path':
        await vscode.env.clipboard.writeText(vscode.workspace.asRelativePath(uri, false));
        break;
      case 'Open':
        await vscode.commands.executeCommand('vscode.open', uri);
        break;
    }
  });
}
