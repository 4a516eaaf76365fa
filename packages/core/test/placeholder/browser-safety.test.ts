/**
 * The placeholder is part of the browser-safe main entry: it must bundle for the browser with
 * nothing from Node, and must actually run without Node's globals.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../codecs/decode-png';

const ENTRY = fileURLToPath(new URL('../../src/placeholder/index.ts', import.meta.url));

async function bundle(options: { external?: string[]; format: 'esm' | 'iife' }) {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'browser',
    format: options.format,
    ...(options.format === 'iife' ? { globalName: 'placeholder' } : {}),
    external: options.external ?? [],
    conditions: ['source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text ?? '';
  return { text, inputs: Object.keys(result.metafile.inputs) };
}

describe('placeholder in the browser', () => {
  it('bundles for platform browser with no Node module, only the jpeg-js encoder as a dependency', async () => {
    const { inputs } = await bundle({ format: 'esm' });
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('(disabled)'))).toEqual([]);
    const dependencies = inputs.filter((input) => input.includes('node_modules'));
    expect(dependencies).toHaveLength(1);
    expect(dependencies[0]).toMatch(/jpeg-js\/lib\/encoder\.js$/);
    const ours = inputs.filter((input) => !input.includes('node_modules'));
    for (const input of ours) expect(input).toMatch(/src\/(placeholder|codecs|internal)\//);
  });

  it('contains no Buffer, process or require use in our own code', async () => {
    const { text } = await bundle({ format: 'esm', external: ['jpeg-js/*'] });
    expect(text).not.toMatch(/\bBuffer\s*\./);
    expect(text).not.toMatch(/\bprocess\s*\./);
    expect(text).not.toMatch(/\brequire\s*\(/);
    expect(text).not.toMatch(/["']node:/);
  });

  it('renders PNG and JPEG in a realm without Buffer, process or require', async () => {
    const { text } = await bundle({ format: 'iife' });
    // Only what a browser has and the renderer needs; no Node globals at all.
    const context = createContext({ CompressionStream, TextEncoder });
    runInContext(text, context);
    const api: unknown = runInContext('placeholder', context);
    const render = (spec: object): Promise<Uint8Array> => {
      if (typeof api !== 'object' || api === null) throw new Error('bundle did not define placeholder');
      const fn: unknown = Reflect.get(api, 'renderPlaceholder');
      if (typeof fn !== 'function') throw new Error('no renderPlaceholder in bundle');
      return Promise.resolve(Reflect.apply(fn, api, [spec]));
    };
    expect(runInContext('typeof Buffer + typeof process + typeof require', context)).toBe('undefinedundefinedundefined');

    const png = await render({ prompt: 'in a browser', width: 1024, height: 640, format: 'png', background: 'transparent' });
    const decoded = decodePng(Uint8Array.from(png));
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([1024, 640, 4]);

    const jpeg = await render({ prompt: 'in a browser', width: 1024, height: 640, format: 'jpeg', background: 'opaque' });
    expect([jpeg[0], jpeg[1], jpeg.at(-2), jpeg.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    // The temporary Buffer stand-in for jpeg-js is gone again.
    expect(runInContext('typeof Buffer', context)).toBe('undefined');

    const webpError: unknown = await render({ prompt: 'x', width: 1024, height: 640, format: 'webp', background: 'auto' }).catch(
      (e: unknown) => e,
    );
    // An error from the other realm: not `instanceof` this realm's classes, so check its name.
    expect(typeof webpError === 'object' && webpError !== null && Reflect.get(webpError, 'name')).toBe('UnsupportedFormatError');
  });
});
