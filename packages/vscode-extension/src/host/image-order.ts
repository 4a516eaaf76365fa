/**
 * Before an edit is sent, the images in the order they will go: the first is the image being
 * edited, the others are references in that order (SPEC 2). The user moves any of them up with
 * the item's button and confirms with "Send in this order".
 */
import * as vscode from 'vscode';

interface OrderItem extends vscode.QuickPickItem {
  /** Index into the current order; undefined for the confirm item. */
  readonly index?: number;
}

const MOVE_UP: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('arrow-up'), tooltip: 'Move up' };

/** Resolves to the confirmed order, or undefined when dismissed. */
export function confirmImageOrder(images: readonly vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  if (images.length < 2) return Promise.resolve([...images]);
  let order = [...images];
  const pick = vscode.window.createQuickPick<OrderItem>();
  pick.title = 'GPT Image: edit — order of the images';
  pick.placeholder = 'The first image is edited, the others are references. Use ↑ to reorder, then confirm.';
  pick.ignoreFocusOut = true;
  const render = (active: number | undefined): void => {
    const items: OrderItem[] = [
      { label: '$(check) Send in this order' },
      { label: 'images', kind: vscode.QuickPickItemKind.Separator },
      ...order.map((uri, index) => ({
        label: `${index + 1}. ${vscode.workspace.asRelativePath(uri, false)}`,
        description: index === 0 ? 'the image being edited' : `reference ${index}`,
        index,
        ...(index > 0 ? { buttons: [MOVE_UP] } : {}),
      })),
    ];
    pick.items = items;
    const activeItem = active === undefined ? items[0] : items.find((item) => item.index === active);
    if (activeItem) pick.activeItems = [activeItem];
  };
  render(undefined);
  return new Promise((resolve) => {
    let answer: vscode.Uri[] | undefined;
    pick.onDidTriggerItemButton(({ item }) => {
      const index = item.index;
      if (index === undefined || index === 0) return;
      const moved = order[index];
      const above = order[index - 1];
      if (!moved || !above) return;
      order = [...order.slice(0, index - 1), moved, above, ...order.slice(index + 1)];
      render(index - 1);
    });
    pick.onDidAccept(() => {
      const chosen = pick.activeItems[0];
      if (chosen?.index === undefined) {
        answer = order;
        pick.hide();
        return;
      }
      // Accepting an image makes it the one being edited.
      const index = chosen.index;
      const image = order[index];
      if (image && index > 0) order = [image, ...order.filter((_, i) => i !== index)];
      render(0);
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(answer);
    });
    pick.show();
  });
}
