import { renderPlaceholder } from '../placeholder/index';
import type { ProviderResult, ProviderRuntime } from '../tasks/provider-runtime';
import { GptImageError } from '../errors/gpt-image-error';
import { concreteSize } from '../sizes/resolve-size';

/**
 * The built-in placeholder as a provider: no key, no network, exactly the requested size.
 * `auto` becomes the tier's square, since nothing else would pick a shape.
 */
export function createPlaceholderProvider(): ProviderRuntime {
  return {
    id: 'placeholder',
    // Rendering is local and takes milliseconds: there is nothing to resume.
    resumable: false,
    async run(request, context): Promise<ProviderResult> {
      const { options } = request;
      const { width, height } = concreteSize(options);
      const count = options.images.length;
      context.progress({ type: 'state', state: 'running' });
      const bytes = await renderPlaceholder({
        prompt: options.prompt,
        width,
        height,
        format: options.outputFormat,
        background: options.background,
        ...(options.mode === 'edit' ? { caption: `edit of ${count} image${count === 1 ? '' : 's'}` } : {}),
      });
      return { bytes, width, height, format: options.outputFormat, actualCost: { amount: 0, unit: 'credits', estimate: false }, providerTaskId: null };
    },
    resume(): Promise<ProviderResult> {
      return Promise.reject(new GptImageError('invalid_input', 'Placeholder images are made locally; there is nothing to resume.'));
    },
  };
}
