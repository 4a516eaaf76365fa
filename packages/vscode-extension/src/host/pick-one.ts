/**
 * A single-choice quick pick that can start on a given item (`showQuickPick` cannot), disposed
 * once answered.
 */
import * as vscode from 'vscode';

/** Options of {@link pickOne}. */
export interface PickOneOptions<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly placeholder?: string;
  /** The item highlighted first (e.g. the setting's default). */
  readonly active?: T;
}

/** Shows `items` and resolves with the accepted one, or undefined when dismissed. */
export function pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOneOptions<T>): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeholder ?? '';
  pick.items = items;
  pick.ignoreFocusOut = true;
  if (options.active) pick.activeItems = [options.active];
  return new Promise((resolve) => {
    let answer: T | undefined;
    pick.onDidAccept(() => {
      answer = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(answer);
    });
    pick.show();
  });
}
