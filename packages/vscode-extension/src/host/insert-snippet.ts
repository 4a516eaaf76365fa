/**
 * Inserting an image into a document at the cursor: the snippet for the document's language
 * (`src/logic/snippet.ts`) with a path relative to the document, and an import line where a
 * JSX/TSX file already imports its images.
 */
import type { PixelSize } from '@gpt-image/core';
import * as vscode from 'vscode';
import { imageSnippet, usesImageImports } from '../logic/index';

/** Longest alt text taken from a prompt; alt text describes, it does not repeat a long prompt. */
const MAX_ALT_LENGTH = 125;

/** The alt text for an image made from `prompt`: its first sentence-ish part, cut on a word. */
export function altTextFor(prompt: string): string {
  const text = prompt.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_ALT_LENGTH) return text;
  const cut = text.slice(0, MAX_ALT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * Replaces the editor's selection with the image's snippet. Returns the inserted text, or
 * undefined when the editor refused the edit (closed, read-only).
 */
export async function insertImageSnippet(editor: vscode.TextEditor, image: { path: string; alt: string; size?: PixelSize }): Promise<string | undefined> {
  const document = editor.document;
  const text = document.getText();
  const snippet = imageSnippet({
    languageId: document.languageId,
    // An untitled document has no folder: the path is then taken from the workspace root.
    documentPath: document.uri.scheme === 'file' ? document.uri.fsPath : `${vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? ''}/untitled`,
    imagePath: image.path,
    alt: image.alt,
    ...(image.size ? { size: image.size } : {}),
    useImport: usesImageImports(text),
    documentText: text,
  });
  const selection = editor.selection;
  const done = await editor.edit((builder) => {
    if (snippet.importLine !== undefined && snippet.importOffset !== undefined) {
      builder.insert(document.positionAt(snippet.importOffset), snippet.importLine);
    }
    builder.replace(selection, snippet.text);
  });
  if (!done) return undefined;
  void vscode.commands.executeCommand('setContext', 'gptImage.insertedOnce', true);
  return snippet.text;
}
