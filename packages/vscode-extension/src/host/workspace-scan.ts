/**
 * Every missing image in the workspace: the scanned languages' files (open documents as edited,
 * the rest read from disk), node_modules left out.
 */
import * as vscode from 'vscode';
import type { MissingImage } from '../logic/index';
import { runWithConcurrency } from '../logic/index';
import { LANGUAGE_BY_EXTENSION, missingImagesIn, scannedTextOf, type ScannedText } from './missing-image-scan';

const DOCUMENT_GLOB = `**/*.{${Object.keys(LANGUAGE_BY_EXTENSION).join(',')}}`;
const EXCLUDE_GLOB = '**/node_modules/**';
/** Files read at once while scanning: enough to overlap disk waits, few enough to stay light. */
const SCAN_CONCURRENCY = 8;
/** A workspace with more documents than this is scanned only this far (the log says so). */
export const MAX_SCANNED_FILES = 5000;

/** Missing images across the workspace, in file order, and how many files were looked at. */
export async function findMissingInWorkspace(token?: vscode.CancellationToken): Promise<{ missing: MissingImage[]; files: number }> {
  const uris = await vscode.workspace.findFiles(DOCUMENT_GLOB, EXCLUDE_GLOB, MAX_SCANNED_FILES, token);
  uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  const outcomes = await runWithConcurrency(uris, SCAN_CONCURRENCY, async (uri) => missingImagesIn(await textOf(uri, open)));
  const missing = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
  return { missing, files: uris.length };
}

async function textOf(uri: vscode.Uri, open: ReadonlyMap<string, vscode.TextDocument>): Promise<ScannedText> {
  const document = open.get(uri.toString());
  if (document) return scannedTextOf(document);
  const extension = uri.path.slice(uri.path.lastIndexOf('.') + 1).toLowerCase();
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return { uri, languageId: LANGUAGE_BY_EXTENSION[extension] ?? 'plaintext', text };
}
