/**
 * Restricted Mode (SPEC 5): an untrusted workspace's files are never sent to a network provider.
 * Checked at the moment of sending, not only when the command starts, so trust withdrawn
 * meanwhile still counts. Prompts are typed by the user and may go; the placeholder never sends
 * anything anywhere.
 */
import { GptImageError, PROVIDERS, type PreparedRequest, type ProviderId } from '@gpt-image/core';
import * as vscode from 'vscode';

/** Why sending `imageCount` files to `provider` is refused here, or undefined when it is fine. */
export function trustRefusal(provider: ProviderId, imageCount: number, isTrusted: boolean = vscode.workspace.isTrusted): string | undefined {
  if (isTrusted || !PROVIDERS[provider].needsKey || imageCount === 0) return undefined;
  return (
    `This workspace is in Restricted Mode, so GPT Image does not send its files to ${PROVIDERS[provider].label} ` +
    `(${imageCount} image${imageCount === 1 ? '' : 's'}). Trust the workspace (Manage Workspace Trust), or use the placeholder provider; nothing was sent.`
  );
}

/** @throws GptImageError `invalid_input` when `request` would send workspace files it must not */
export function assertMaySend(request: PreparedRequest, isTrusted: boolean = vscode.workspace.isTrusted): void {
  const refusal = trustRefusal(request.provider.id, request.options.images.length, isTrusted);
  if (refusal) throw new GptImageError('invalid_input', refusal);
}
