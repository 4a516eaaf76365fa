/**
 * The manifest entries of the workspace (every `gpt-image-manifest.json`, read with the core's
 * `parseManifest`), newest first.
 */
import { MANIFEST_FILE_NAME, parseManifest, type ManifestEntry } from '@gpt-image/core';
import * as vscode from 'vscode';
import { messageOf, type Log } from './log';

/** An entry and the manifest it is in. */
export interface FoundEntry {
  readonly manifest: vscode.Uri;
  readonly entry: ManifestEntry;
}

/** Every readable entry, newest first; unreadable manifests are logged and skipped. */
export async function workspaceManifestEntries(log: Log): Promise<FoundEntry[]> {
  const manifests = await vscode.workspace.findFiles(`**/${MANIFEST_FILE_NAME}`, '**/node_modules/**');
  return entriesOf(manifests, log);
}

/** The readable entries of the given manifests, newest first. */
export async function entriesOf(manifests: readonly vscode.Uri[], log: Log): Promise<FoundEntry[]> {
  const found: FoundEntry[] = [];
  for (const manifest of manifests) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(manifest));
      for (const entry of parseManifest(text, manifest.fsPath).entries) found.push({ manifest, entry });
    } catch (error) {
      log.warn(`Skipped ${manifest.fsPath}: ${messageOf(error)}`);
    }
  }
  return found.sort((a, b) => Date.parse(b.entry.createdAt) - Date.parse(a.entry.createdAt));
}
