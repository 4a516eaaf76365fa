/**
 * Where a new image goes, for the document it is meant for: `src/logic`'s `outputLocation`
 * (the `gptImage.outputFolder` setting, or `markdown.copyFiles.destination` in Markdown) fed with
 * what the editor knows about the document and its workspace folder.
 */
import { outputFileName, type OutputFormat } from '@gpt-image/core';
import * as vscode from 'vscode';
import { fileNameOf, folderOf, outputLocation } from '../logic/index';
import { markdownCopyFilesDestination, readSettings } from './settings';
import type { TaskDestination } from './task-store';

/** What the image is: its prompt and format name the file. */
export interface ImageToPlace {
  readonly prompt: string;
  readonly format: OutputFormat;
}

/**
 * The folder and file name for an image made for `document` (a file on disk), or for the first
 * workspace folder when there is none.
 * @throws Error when there is neither a workspace folder nor a document on disk
 */
export function destinationFor(document: vscode.TextDocument | undefined, image: ImageToPlace, now: Date = new Date()): TaskDestination {
  const onDisk = document?.uri.scheme === 'file' ? document : undefined;
  const scope = onDisk?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const settings = readSettings(scope);
  const workspaceFolder = (onDisk ? vscode.workspace.getWorkspaceFolder(onDisk.uri) : vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
  const fileName = outputFileName({ prompt: image.prompt, format: image.format, hashSource: `${image.prompt}|${now.toISOString()}` });
  const copyDestination = markdownCopyFilesDestination(scope);
  if (!onDisk && workspaceFolder === undefined) {
    throw new Error('Open a folder (or a saved document) first: GPT Image saves images into the workspace.');
  }
  const location = outputLocation(
    { outputFolder: settings.outputFolder, ...(copyDestination ? { markdownCopyFilesDestination: copyDestination } : {}) },
    {
      fileName,
      now,
      ...(onDisk ? { documentPath: onDisk.uri.fsPath, languageId: onDisk.languageId } : {}),
      ...(workspaceFolder !== undefined ? { workspaceFolder } : {}),
    },
  );
  return { dir: location.folder, fileName: location.fileName, exact: false };
}

/** A destination that is exactly `path` (a missing image's file). */
export function exactDestination(path: string): TaskDestination {
  return { dir: folderOf(path), fileName: fileNameOf(path), exact: true };
}

/** A new file beside `path` (an edit next to the image it edits), named from the prompt. */
export function besideDestination(path: string, image: ImageToPlace, now: Date = new Date()): TaskDestination {
  return { dir: folderOf(path), fileName: outputFileName({ prompt: image.prompt, format: image.format, hashSource: `${path}|${image.prompt}|${now.toISOString()}` }), exact: false };
}
