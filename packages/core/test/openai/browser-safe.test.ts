import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/providers/openai/', import.meta.url));
const sources = readdirSync(dir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(dir + name, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') }));

describe('the openai provider sources', () => {
  it('stay browser-safe: no node: modules, Buffer or process', () => {
    for (const { name, text } of sources) {
      expect({ name, node: /from ['"]node:|require\(/.test(text) }).toEqual({ name, node: false });
      expect({ name, globals: /\bBuffer\b|\bprocess\./.test(text) }).toEqual({ name, globals: false });
    }
  });

  it('load the SDK only lazily: only openai-sdk-parts.ts takes values from openai, and only import() loads it', () => {
    for (const { name, text } of sources) {
      const valueImports = text.match(/^(?:import|export) (?!type )[^;]*from 'openai[^']*';/gm) ?? [];
      expect({ name, valueImports: valueImports.length > 0 }).toEqual({ name, valueImports: name === 'openai-sdk-parts.ts' });
      const staticPartsImports = text.match(/^(?:import|export) (?!type )[^;]*from '\.\/openai-sdk-parts';/gm) ?? [];
      expect({ name, staticPartsImports }).toEqual({ name, staticPartsImports: [] });
    }
    expect(sources.some(({ text }) => text.includes("import('./openai-sdk-parts')"))).toBe(true);
  });
});
