// Runs in a real browser page: the core's main entry, bundled for the browser as the Figma UI
// bundles it, drives the task client against the fake provider server with the page's own fetch.
import {
  TaskClient,
  createFixedPollPolicy,
  createKieProvider,
  createOpenAiProvider,
  createPlaceholderProvider,
  prepareRequestOrThrow,
  renderPlaceholder,
  sniffImage,
} from '../../src/index';

export interface HarnessConfig {
  readonly openaiBaseUrl: string;
  readonly kieBaseUrl: string;
  readonly apiKey: string;
}

export interface HarnessResult {
  readonly mode: string;
  readonly provider: string;
  readonly width: number;
  readonly height: number;
  readonly mediaType: string | null;
  readonly states: string[];
  readonly partials: number;
}

async function run(config: HarnessConfig): Promise<HarnessResult[]> {
  const client = new TaskClient({
    providers: {
      placeholder: createPlaceholderProvider(),
      openai: createOpenAiProvider({ apiKey: config.apiKey, baseUrl: config.openaiBaseUrl, timeoutMs: 60_000, partialImages: 1 }),
      kie: createKieProvider({
        apiKey: config.apiKey,
        baseUrl: config.kieBaseUrl,
        uploadBaseUrl: config.kieBaseUrl,
        pollPolicy: createFixedPollPolicy({ intervalMs: 50 }),
      }),
    },
    fetch: (input, init) => fetch(input, init),
    secrets: [config.apiKey],
  });
  // Reference images made in the page itself: two different sizes, so the order is visible.
  const first = await renderPlaceholder({ prompt: 'first reference', width: 1024, height: 640, format: 'png', background: 'auto' });
  const second = await renderPlaceholder({ prompt: 'second reference', width: 640, height: 1024, format: 'jpeg', background: 'auto' });
  const requests = [
    { provider: 'placeholder', input: { prompt: 'a lighthouse at dusk', aspectRatio: '16:9' } },
    { provider: 'openai', input: { prompt: 'a lighthouse at dusk', size: '1536x1024', quality: 'low' } },
    {
      provider: 'openai',
      input: { mode: 'edit', prompt: 'paint it red', size: '1024x1024', images: [{ bytes: first, name: 'first.png' }, { bytes: second, name: 'second.jpg' }] },
    },
    {
      provider: 'kie',
      input: { mode: 'edit', prompt: 'paint it blue', aspectRatio: '3:2', images: [{ bytes: second, name: 'second.jpg' }, { bytes: first, name: 'first.png' }] },
    },
  ] as const;
  const results: HarnessResult[] = [];
  for (const { provider, input } of requests) {
    const states: string[] = [];
    let partials = 0;
    const { image } = await client.run(prepareRequestOrThrow(input, provider), {
      onEvent: (event) => {
        if (event.type === 'state') states.push(event.state);
        if (event.type === 'partial') partials++;
      },
    });
    results.push({
      mode: 'mode' in input ? input.mode : 'generate',
      provider,
      width: image.width,
      height: image.height,
      mediaType: sniffImage(image.bytes)?.mediaType ?? null,
      states,
      partials,
    });
  }
  return results;
}

Object.assign(globalThis, { runHarness: run });
