/**
 * "Save As…" for an image that could not be saved where it was meant to go: the user picks a
 * file, and the image is saved there with its manifest entry, still never overwriting.
 */
import { saveGeneratedImage } from '@gpt-image/core/node';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { Log } from './log';
import { messageOf } from './log';
import type { UnsavedImageError } from './unsaved-image-error';

/** Asks where to put the image and saves it there; returns the path written, or undefined. */
export async function saveImageAs(error: UnsavedImageError, log: Log): Promise<string | undefined> {
  const extension = error.image.format === 'jpeg' ? 'jpg' : error.image.format;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Save the generated image as',
    filters: { Image: [extension] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `image.${extension}`) } : {}),
  });
  if (!target) return undefined;
  try {
    const saved = await saveGeneratedImage(error.image, error.request, { dir: dirname(target.fsPath), fileName: basename(target.fsPath) });
    log.info(`Saved the kept image as ${saved.path}`);
    void vscode.window.showInformationMessage(`Saved ${basename(saved.path)}`);
    return saved.path;
  } catch (again) {
    log.error(`Save As failed: ${messageOf(again)}`);
    void vscode.window.showErrorMessage(messageOf(again));
    return undefined;
  }
}
