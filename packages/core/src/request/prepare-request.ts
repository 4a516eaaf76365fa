import { InvalidInputError, type OptionIssue } from '../errors/gpt-image-error';
import type { Options } from '../options/options-schema';
import { validateOptions } from '../options/validate-options';
import { checkCapabilities } from '../providers/check-capabilities';
import { PROVIDERS, isProviderId, type ProviderDescriptor } from '../providers/provider-catalog';
import { estimateCost, type CostEstimate } from '../pricing/estimate-cost';
import { requestedSize } from '../sizes/resolve-size';
import { isExperimentalSize, type PixelSize } from '../sizes/size-rule';

/** A request that may be sent: validated, within the provider's abilities, and priced. */
export interface PreparedRequest {
  readonly options: Options;
  readonly provider: ProviderDescriptor;
  /** The pixel size asked for; null for `auto`, where the provider picks. */
  readonly size: PixelSize | null;
  readonly cost: CostEstimate;
  /** Things the user should know that do not stop the request. */
  readonly warnings: readonly string[];
}

/** Either a request ready to send or every reason it is not. */
export type Preparation = { ok: true; request: PreparedRequest } | { ok: false; issues: OptionIssue[] };

/**
 * The one gate every entry point passes before spending anything: options checked against the
 * contract, then against what the chosen provider can do, then priced.
 */
export function prepareRequest(input: unknown, providerId: string): Preparation {
  if (!isProviderId(providerId)) {
    return { ok: false, issues: [{ path: 'provider', message: `provider must be one of ${Object.keys(PROVIDERS).join(', ')} (got ${JSON.stringify(providerId)})` }] };
  }
  const validation = validateOptions(input);
  if (!validation.ok) return { ok: false, issues: validation.issues };
  const options = validation.value;
  const provider = PROVIDERS[providerId];
  const capabilities = checkCapabilities(options, provider);
  if (capabilities.issues.length > 0) return { ok: false, issues: capabilities.issues };
  const size = requestedSize(options);
  const warnings = [...capabilities.warnings];
  if (size && isExperimentalSize(size)) {
    warnings.push(`size ${size.width}x${size.height} is above 2560x1440, which the model vendor calls experimental`);
  }
  return { ok: true, request: { options, provider, size, cost: estimateCost(options, providerId), warnings } };
}

/** Like {@link prepareRequest}, throwing an {@link InvalidInputError} instead. */
export function prepareRequestOrThrow(input: unknown, providerId: string): PreparedRequest {
  const result = prepareRequest(input, providerId);
  if (!result.ok) throw new InvalidInputError(result.issues);
  return result.request;
}
