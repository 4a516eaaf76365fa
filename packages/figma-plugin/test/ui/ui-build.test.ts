import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const uiHtml = `${root}dist/ui.html`;

/**
 * The UI's budget. The goal was 150 KB; the official openai SDK (~158 KB minified) and zod
 * (~100 KB after tree-shaking), both in core's browser entry, make that unreachable from here.
 */
const MAX_UI_BYTES = 400 * 1024;

describe('the UI build', () => {

  it(`writes one HTML file of at most ${MAX_UI_BYTES / 1024} KB`, async () => {
    const { size } = await stat(uiHtml);
    console.log(`dist/ui.html: ${(size / 1024).toFixed(1)} KB`);
    expect(size).toBeLessThanOrEqual(MAX_UI_BYTES);
  });

  it('inlines everything: no external script, stylesheet, font, image or import', async () => {
    const html = await readFile(uiHtml, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/<(img|iframe|source)[^>]*\ssrc=["']?https?:/i);
    // One inline script and one inline style, each closed once.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});
