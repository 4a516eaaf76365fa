import type { OptionIssue } from '../errors/gpt-image-error';
import type { Options } from '../options/options-schema';
import type { ProviderDescriptor } from './provider-catalog';

/** The result of checking options against one provider. */
export interface CapabilityCheck {
  /** What the provider cannot do: the request must not be sent. */
  readonly issues: OptionIssue[];
  /** What it will ignore: worth telling the user, not worth refusing. */
  readonly warnings: string[];
}

/**
 * Compares validated options with what a provider declares it can do. Called before anything is
 * sent, so a request the provider would refuse costs nothing.
 */
export function checkCapabilities(options: Options, provider: ProviderDescriptor): CapabilityCheck {
  const caps = provider.capabilities;
  const name = provider.id;
  const issues: OptionIssue[] = [];
  const warnings: string[] = [];

  if (options.size !== undefined) {
    if (!caps.customSize) {
      issues.push({
        path: 'size',
        message: `size ${options.size}: the ${name} provider takes preset sizes only (resolution and aspectRatio); remove size or choose another provider`,
      });
    }
  } else if (!caps.aspectRatios[options.resolution].includes(options.aspectRatio)) {
    const allowed = caps.aspectRatios[options.resolution].join(', ');
    issues.push({
      path: 'aspectRatio',
      message: `aspectRatio ${options.aspectRatio} at ${options.resolution}: the ${name} provider does not offer this combination; at ${options.resolution} it offers ${allowed}`,
    });
  }
  if (caps.qualities === null) {
    if (options.quality !== 'low') warnings.push(`quality ${options.quality}: the ${name} provider has one quality level, so this setting has no effect`);
  } else if (!caps.qualities.includes(options.quality)) {
    issues.push({ path: 'quality', message: `quality ${options.quality}: the ${name} provider offers ${caps.qualities.join(', ')}` });
  }
  if (!caps.outputFormats.includes(options.outputFormat)) {
    issues.push({ path: 'outputFormat', message: `outputFormat ${options.outputFormat}: the ${name} provider returns ${caps.outputFormats.join(', ')} only` });
  }
  if (!caps.backgrounds.includes(options.background)) {
    issues.push({ path: 'background', message: `background ${options.background}: the ${name} provider offers ${caps.backgrounds.join(', ')}` });
  }
  if (options.mode === 'generate' && !caps.moderations.includes(options.moderation)) {
    issues.push({ path: 'moderation', message: `moderation ${options.moderation}: the ${name} provider offers ${caps.moderations.join(', ')}` });
  }
  if (options.images.length > caps.maxImages) {
    issues.push({ path: 'images', message: `images: the ${name} provider takes at most ${caps.maxImages} images per request (got ${options.images.length})` });
  }
  return { issues, warnings };
}
