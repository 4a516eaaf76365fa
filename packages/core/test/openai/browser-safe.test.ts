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

  it('load the SDK only lazily: every static import of openai is type-only', () => {
    for (const { name, text } of sources) {
      const valueImports = text.match(/^import (?!type )[^;]*from 'openai[^']*';/gm) ?? [];
      expect({ name, valueImports }).toEqual({ name, valueImports: [] });
    }
    expect(sources.some(({ text }) => text.includes("import('openai')"))).toBe(true);
  });
});
