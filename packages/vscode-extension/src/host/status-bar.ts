/**
 * "$(sync~spin) GPT Image: 2" while tasks run; clicking lists them, and picking one cancels it.
 */
import * as vscode from 'vscode';
import type { RunningTasks } from './running-tasks';

/** Creates the status bar item, owned by `context` (`gptImage.showTasks` is registered at activation). */
export function createTaskStatus(context: vscode.ExtensionContext, tasks: RunningTasks): void {
  const item = vscode.window.createStatusBarItem('gptImage.tasks', vscode.StatusBarAlignment.Left, 10);
  item.name = 'GPT Image tasks';
  item.command = 'gptImage.showTasks';
  const refresh = (): void => {
    const count = tasks.list().length;
    if (count === 0) {
      item.hide();
      return;
    }
    item.text = `$(sync~spin) GPT Image: ${count}`;
    item.tooltip = `${count} image task${count === 1 ? '' : 's'} running. Click to see or cancel them.`;
    item.show();
  };
  refresh();
  context.subscriptions.push(
    item,
    tasks.onDidChange(refresh),
  );
}

interface TaskItem extends vscode.QuickPickItem {
  readonly id: string;
}

/** `gptImage.showTasks`: lists the running tasks; picking one cancels it. */
export async function showTasks(tasks: RunningTasks): Promise<void> {
  const running = tasks.list();
  if (running.length === 0) {
    void vscode.window.showInformationMessage('GPT Image: no tasks are running.');
    return;
  }
  const now = Date.now();
  const items: TaskItem[] = running.map((task) => ({
    id: task.id,
    label: `$(close) ${task.label}`,
    description: `${task.state} · ${Math.round((now - task.startedAt) / 1000)} s`,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'GPT Image: running tasks',
    placeHolder: 'Pick a task to cancel it (a task already accepted by the provider may still be billed)',
  });
  if (picked) tasks.cancel(picked.id);
}
