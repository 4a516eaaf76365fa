/**
 * Registers the missing-image CodeLens and CodeAction providers for the scanned languages at
 * activation, thinly: the scanner and the lens logic (`missing-image-lens.ts`) are loaded on the
 * first request.
 */
import * as vscode from 'vscode';
import { load } from './host-modules';
import { MISSING_IMAGE_LANGUAGES } from './missing-image-languages';

const logic = () => load('missingImageLens');

/** Registers the CodeLens and CodeAction providers for the scanned languages. */
export function registerMissingImageProviders(context: vscode.ExtensionContext): void {
  const selector = MISSING_IMAGE_LANGUAGES.map((language) => ({ language, scheme: 'file' }));
  const changed = new vscode.EventEmitter<void>();
  const refresh = (): void => changed.fire();
  const lenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses: async (document, token) => (await logic()).provideMissingImageLenses(document, token),
  };
  const actions: vscode.CodeActionProvider = {
    provideCodeActions: async (document, range, _context, token) => (await logic()).provideMissingImageActions(document, range, token),
  };
  // An image appearing or disappearing anywhere changes which references are missing.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{png,jpg,jpeg,webp,gif,svg,PNG,JPG,JPEG,WEBP}');
  context.subscriptions.push(
    changed,
    watcher,
    watcher.onDidCreate(refresh),
    watcher.onDidDelete(refresh),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCodeActionsProvider(selector, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
