import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASPECT_RATIOS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, RESOLUTIONS } from '../../src/options/option-values';
import { openAiParams } from '../../src/providers/openai/index';
import { prepareRequest, prepareRequestOrThrow } from '../../src/request/prepare-request';
import { makePng } from '../support/build-images';

describe('openAiParams', () => {
  it('always sends model gpt-image-2 and n 1, and never input_fidelity or response_format', () => {
    fc.assert(
      fc.property(
        fc.record({
          quality: fc.constantFrom(...QUALITIES),
          resolution: fc.constantFrom(...RESOLUTIONS),
          aspectRatio: fc.constantFrom(...ASPECT_RATIOS),
          outputFormat: fc.constantFrom(...OUTPUT_FORMATS),
          background: fc.constantFrom('auto', 'opaque'),
          moderation: fc.constantFrom(...MODERATIONS),
        }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (options, edit, partialImages) => {
          const request = prepareRequestOrThrow(
            edit ? { ...options, moderation: 'auto', mode: 'edit', prompt: 'a cat', images: [{ bytes: makePng(64, 64) }] } : { ...options, prompt: 'a cat' },
            'openai',
          );
          const { endpoint, body } = openAiParams(request, { partialImages });
          expect(endpoint).toBe(edit ? 'edit' : 'generate');
          expect(body).toMatchObject({ model: 'gpt-image-2', n: 1, quality: options.quality, output_format: options.outputFormat, background: options.background });
          expect(body).not.toHaveProperty('input_fidelity');
          expect(body).not.toHaveProperty('response_format');
          expect(body).not.toHaveProperty('image');
          expect('moderation' in body).toBe(!edit);
          expect('output_compression' in body).toBe(options.outputFormat !== 'png');
          expect(body.size).toBe(request.size ? `${request.size.width}x${request.size.height}` : 'auto');
          if (partialImages > 0) expect(body).toMatchObject({ stream: true, partial_images: partialImages });
          else expect(body).not.toHaveProperty('stream');
        },
      ),
    );
  });

  it('sends the exact fields of a typical generate', () => {
    const request = prepareRequestOrThrow({ prompt: ' a lighthouse ', size: '2304x1536', quality: 'high', outputFormat: 'jpeg', moderation: 'low' }, 'openai');
    expect(openAiParams(request, { outputCompression: 85 })).toEqual({
      endpoint: 'generate',
      body: {
        model: 'gpt-image-2',
        prompt: 'a lighthouse',
        n: 1,
        quality: 'high',
        size: '2304x1536',
        output_format: 'jpeg',
        output_compression: 85,
        background: 'auto',
        moderation: 'low',
      },
    });
  });

  it('sends size auto when the request leaves the size to the model', () => {
    const request = prepareRequestOrThrow({ prompt: 'x', aspectRatio: 'auto' }, 'openai');
    expect(openAiParams(request).body.size).toBe('auto');
  });

  it('is never reached with a transparent background: the core refuses it for openai first', () => {
    const preparation = prepareRequest({ prompt: 'a logo', background: 'transparent' }, 'openai');
    expect(preparation.ok).toBe(false);
    if (!preparation.ok) expect(preparation.issues.map((i) => i.path)).toContain('background');
    // And the params refuse it too, should a hand-made request get this far.
    const placeholder = prepareRequestOrThrow({ prompt: 'a logo', background: 'transparent' }, 'placeholder');
    expect(() => openAiParams(placeholder)).toThrow(/transparent/);
  });
});
