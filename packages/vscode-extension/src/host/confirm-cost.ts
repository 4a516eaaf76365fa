/**
 * The cost gate before anything is spent: the estimate in the provider's unit, and a modal
 * confirmation when it is above the user's threshold (`gptImage.confirmCostAbove`).
 */
import { formatCost, needsConfirmation, type Cost } from '@gpt-image/core';
import * as vscode from 'vscode';
import type { Settings } from './settings';

/**
 * True when the run may go ahead: the caller already confirmed, the cost is under the threshold,
 * or the user says yes now.
 * @param what e.g. "This image" or "These 7 images"
 */
export async function confirmCost(cost: Cost, settings: Settings, what: string, options: { confirmed?: boolean | undefined; detail?: string } = {}): Promise<boolean> {
  if (options.confirmed || !needsConfirmation(cost, settings.confirmCostAbove)) return true;
  const threshold = formatCost({ amount: settings.confirmCostAbove[cost.unit], unit: cost.unit, estimate: false });
  const choice = await vscode.window.showWarningMessage(
    `${what} will cost ${formatCost(cost)}.`,
    {
      modal: true,
      detail: `${options.detail ? `${options.detail}\n\n` : ''}You are asked because it is above ${threshold} (setting gptImage.confirmCostAbove).`,
    },
    'Generate',
  );
  return choice === 'Generate';
}
