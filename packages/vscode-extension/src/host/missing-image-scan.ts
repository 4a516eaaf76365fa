/**
 * The missing images of one document: `src/logic` finds the references and decides size and
 * format; this file feeds it the document's text and the editor's file system.
 */
import * as vscode from 'vscode';
import { findImageReferences, findMissingImages, REFERENCE_LANGUAGE_IDS, type MissingImage } from '../logic/index';
import { MISSING_IMAGE_LANGUAGES } from './missing-image-languages';

export { MISSING_IMAGE_LANGUAGES };

/** File extensions of those languages, for scanning files that are not open. */
export const LANGUAGE_BY_EXTENSION: Readonly<Record<string, (typeof MISSING_IMAGE_LANGUAGES)[number]>> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  jsx: 'javascriptreact',
  tsx: 'typescriptreact',
  vue: 'vue',
  svelte: 'svelte',
};

/** A document's text and identity, open in the editor or read from disk. */
export interface ScannedText {
  readonly uri: vscode.Uri;
  readonly languageId: string;
  readonly text: string;
}

/** An open document as scanned text. */
export function scannedTextOf(document: vscode.TextDocument): ScannedText {
  return { uri: document.uri, languageId: document.languageId, text: document.getText() };
}

/** True when `document` is one whose image references are looked at. */
export function isScanned(languageId: string): boolean {
  return (MISSING_IMAGE_LANGUAGES as readonly string[]).includes(languageId) && REFERENCE_LANGUAGE_IDS.includes(languageId);
}

/** The references in `source` whose file does not exist (files on disk only). */
export async function missingImagesIn(source: ScannedText): Promise<MissingImage[]> {
  if (source.uri.scheme !== 'file' || !isScanned(source.languageId)) return [];
  const references = findImageReferences(source.text, source.languageId);
  if (references.length === 0) return [];
  const folder = vscode.workspace.getWorkspaceFolder(source.uri);
  return findMissingImages(references, {
    documentPath: source.uri.fsPath,
    ...(folder ? { rootFolder: folder.uri.fsPath } : {}),
    exists: fileExists,
  });
}

/** Whether a file exists; only "not found" counts as missing, any other failure as present. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(path));
    return true;
  } catch (error) {
    return !(error instanceof vscode.FileSystemError && error.code === 'FileNotFound');
  }
}
