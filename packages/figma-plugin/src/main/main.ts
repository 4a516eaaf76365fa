import { formatCost, prepareRequest } from '@gpt-image/core/contract';

// Skeleton of the main thread: shows what a generation from the current selection would cost.
// The UI iframe, placement and provenance are built on this.
const names = figma.currentPage.selection.map((node) => node.name);
const prepared = prepareRequest({ prompt: names.join(', ') || 'untitled' }, 'placeholder');
figma.notify(prepared.ok ? `GPT Image: ${formatCost(prepared.request.cost)}` : prepared.issues[0]?.message ?? 'invalid');
figma.closePlugin();
