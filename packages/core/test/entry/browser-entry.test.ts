import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/** Bundles an entry for the browser the way a host would, failing on any Node built-in. */
async function bundleForBrowser(path: string): Promise<string> {
  const result = await build({
    entryPoints: [entry(path)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    conditions: ['source'],
    logLevel: 'silent',
    splitting: false,
  });
  return result.outputFiles.map((f) => f.text).join('\n');
}

describe('the main entry is browser-safe', () => {
  it('bundles for the browser: esbuild refuses any Node built-in on that platform', async () => {
    const code = await bundleForBrowser('index.ts');
    // What the bundle does at run time in a real browser is tested in test/browser.
    expect(code).toContain('renderPlaceholder');
    expect(code).not.toMatch(/from\s*["']node:/);
  });

  it('the Node-only entry really is the one that needs Node', async () => {
    await expect(bundleForBrowser('node/index.ts')).rejects.toThrow(/node:|Could not resolve/);
  });
});
