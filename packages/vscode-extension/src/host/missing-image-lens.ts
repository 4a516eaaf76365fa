/**
 * "Generate from alt text" above every image reference whose file does not exist, and the same
 * as a quick fix on the reference. Both run `gptImage.generateMissingImage`, which generates at
 * exactly the referenced path. The providers are registered by `missing-image-providers.ts`, which
 * loads this module on the first request.
 */
import * as vscode from 'vscode';
import { fileNameOf, type GeneratableImage, type MissingImage } from '../logic/index';
import { missingImagesIn, scannedTextOf } from './missing-image-scan';

/** The command that generates one missing image, with its argument object. */
function generateCommand(document: vscode.TextDocument, missing: GeneratableImage, title: string): vscode.Command {
  return {
    title,
    command: 'gptImage.generateMissingImage',
    // Plain strings: the arguments travel through the editor's command converters.
    arguments: [{ document: document.uri.fsPath, path: missing.targetPath }],
    tooltip: `Generate ${fileNameOf(missing.targetPath)} (${missing.size.width}x${missing.size.height}) from ${missing.reference.alt ? 'its alt text' : 'its file name'}`,
  };
}

function sizeText(missing: GeneratableImage): string {
  const adjusted = missing.adjustedFrom ? `, nearest valid to ${missing.adjustedFrom.width}x${missing.adjustedFrom.height}` : '';
  return `${missing.size.width}x${missing.size.height}${adjusted}`;
}

/** The lenses of a document: one per missing image reference. */
export async function provideMissingImageLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
  const missing = await missingImagesIn(scannedTextOf(document));
  if (token.isCancellationRequested) return [];
  return missing.map((item) => {
    const range = rangeOf(document, item);
    if (!item.generatable) return new vscode.CodeLens(range, { title: `$(warning) ${fileNameOf(item.targetPath)} is missing: ${item.reason}`, command: '' });
    const source = item.reference.alt ? 'alt text' : 'file name';
    return new vscode.CodeLens(range, generateCommand(document, item, `$(sparkle) Generate from ${source} (${sizeText(item)})`));
  });
}

/** The quick fixes for the missing image references in `range`. */
export async function provideMissingImageActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
  const missing = await missingImagesIn(scannedTextOf(document));
  if (token.isCancellationRequested) return [];
  const actions: vscode.CodeAction[] = [];
  for (const item of missing) {
    const tag = new vscode.Range(document.positionAt(item.reference.tagRange.start), document.positionAt(item.reference.tagRange.end));
    if (!tag.intersection(range) && !rangeOf(document, item).intersection(range)) continue;
    const name = fileNameOf(item.targetPath);
    const action = new vscode.CodeAction(`Generate ${name} from ${item.reference.alt ? 'alt text' : 'file name'}`, vscode.CodeActionKind.QuickFix);
    if (item.generatable) {
      action.title = `${action.title} (${sizeText(item)})`;
      action.command = generateCommand(document, item, action.title);
      action.isPreferred = true;
    } else {
      action.disabled = { reason: item.reason };
    }
    actions.push(action);
  }
  return actions;
}

/** The reference's path, where the lens and the quick fix are anchored. */
function rangeOf(document: vscode.TextDocument, item: MissingImage): vscode.Range {
  return new vscode.Range(document.positionAt(item.reference.range.start), document.positionAt(item.reference.range.end));
}
