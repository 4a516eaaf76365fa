// Shared pieces of the integration tests: the extension's API, the workspace folder, settings that
// are put back afterwards, and image checks through the core's own header sniffing.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sniffImage, type ImageInfo } from '@gpt-image/core';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import type { GptImageApi } from '../../../src/host/api';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** Activates the extension (if needed) and returns its API. */
export async function activateExtension(): Promise<GptImageApi> {
  const extension = vscode.extensions.getExtension<GptImageApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** The fixture workspace's folder (a fresh copy per run). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri.fsPath;
}

export function workspacePath(...parts: string[]): string {
  return join(workspaceRoot(), ...parts);
}

/** What an image file's header says, or a failed assertion. */
export function imageInfo(path: string): ImageInfo {
  const info = sniffImage(readFileSync(path));
  assert.ok(info, `${path} is not a PNG, JPEG or WebP image`);
  return info;
}

/** Sets user settings for a suite and puts them back afterwards. */
export class SettingsScope {
  readonly #changed: string[] = [];

  async set(values: Record<string, unknown>): Promise<void> {
    const config = vscode.workspace.getConfiguration();
    for (const [key, value] of Object.entries(values)) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
      this.#changed.push(key);
    }
  }

  async restore(): Promise<void> {
    const config = vscode.workspace.getConfiguration();
    for (const key of this.#changed.splice(0)) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

/** Polls `check` until it is true, or fails after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a workspace file in an editor and puts the cursor at (line, character). */
export async function openAt(relativePath: string, line: number, character: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspacePath(relativePath));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}
