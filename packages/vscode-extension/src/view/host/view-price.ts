/**
 * The host's answer to the view's `price` question: the core's own figure (`prepareRequest` +
 * `formatCost`), the same check the command makes again when the user generates. Pure, so the
 * unit tests drive it directly; kept on the host so the webview bundle carries no zod.
 */
import { formatCost, prepareRequest } from '@gpt-image/core/contract';
import type { PriceRequest, Priced } from '../protocol';

/** Prices the form's choices for `request.provider`, or says why they would be refused. */
export function pricedAnswer(request: PriceRequest): Priced {
  const prepared = prepareRequest(requestOptions(request), request.provider);
  if (prepared.ok) return { seq: request.seq, cost: formatCost(prepared.request.cost), refusal: null };
  const refusal = prepared.issues.map((issue) => `${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('; ');
  return { seq: request.seq, cost: null, refusal };
}

/** The options as the contract takes them (reference images by their first bytes, for pricing). */
function requestOptions(request: PriceRequest): Record<string, unknown> {
  const size = request.size?.trim();
  return {
    mode: request.mode,
    prompt: request.prompt,
    quality: request.quality,
    ...(size ? { size } : { resolution: request.resolution, aspectRatio: request.aspectRatio }),
    ...(request.mode === 'edit' ? { images: request.images.map((image) => ({ bytes: new Uint8Array(Buffer.from(image.head, 'base64')), name: image.name })) } : {}),
  };
}
