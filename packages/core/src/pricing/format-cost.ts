import type { Cost } from './cost';

/** Costs above these ask the user to confirm first, unless they said yes beforehand. */
export const DEFAULT_CONFIRM_ABOVE: Readonly<Record<Cost['unit'], number>> = { USD: 0.25, credits: 20 };

/**
 * A cost as the UIs show it: "10 credits", "$0.053 est.", "free".
 * Dollars keep three decimals under $10 so cheap images do not all read "$0.01".
 */
export function formatCost(cost: Cost): string {
  if (cost.amount === 0) return 'free';
  const suffix = cost.estimate ? ' est.' : '';
  if (cost.unit === 'credits') {
    const n = Number.isInteger(cost.amount) ? String(cost.amount) : cost.amount.toFixed(1);
    return `${n} credit${cost.amount === 1 ? '' : 's'}${suffix}`;
  }
  const dollars = cost.amount < 0.001 ? cost.amount.toPrecision(2) : cost.amount < 10 ? cost.amount.toFixed(3) : cost.amount.toFixed(2);
  return `$${dollars}${suffix}`;
}

/** Whether a cost is high enough to ask for confirmation. */
export function needsConfirmation(cost: Cost, thresholds: Readonly<Record<Cost['unit'], number>> = DEFAULT_CONFIRM_ABOVE): boolean {
  return cost.amount > thresholds[cost.unit];
}
