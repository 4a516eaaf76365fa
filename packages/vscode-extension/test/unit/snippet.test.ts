import { describe, expect, it } from 'vitest';
import { imageSnippet, importIdentifier, importInsertionOffset, usesImageImports, type SnippetRequest } from '../../src/logic/index';

const request = (overrides: Partial<SnippetRequest> & Pick<SnippetRequest, 'languageId'>): SnippetRequest => ({
  documentPath: '/proj/docs/page.x',
  imagePath: '/proj/assets/generated/hero-banner.png',
  alt: 'A hero banner',
  ...overrides,
});

describe('imageSnippet per language', () => {
  it('writes Markdown with a path relative to the document', () => {
    expect(imageSnippet(request({ languageId: 'markdown' })).text).toBe('![A hero banner](../assets/generated/hero-banner.png)');
  });

  it('escapes Markdown alt text and uses the angle-bracket form for spaces and parentheses', () => {
    const snippet = imageSnippet(request({ languageId: 'markdown', alt: 'a [b] c\\d\nline two', imagePath: '/proj/docs/my hero (1).png' }));
    expect(snippet.text).toBe('![a \\[b\\] c\\\\d line two](<my hero (1).png>)');
    expect(imageSnippet(request({ languageId: 'markdown', imagePath: '/proj/docs/100%#1?.png' })).text).toBe('![A hero banner](100%25%231%3F.png)');
  });

  it('writes an HTML <img> with escaped attributes and the size', () => {
    const snippet = imageSnippet(request({ languageId: 'html', alt: 'Tom & "Jerry" <3', size: { width: 1536, height: 1024 }, imagePath: '/proj/docs/img/my hero.png' }));
    expect(snippet.text).toBe('<img src="img/my%20hero.png" alt="Tom &amp; &quot;Jerry&quot; &lt;3" width="1536" height="1024">');
    expect(snippet.importLine).toBeUndefined();
  });

  it('writes self-closing tags for Vue and Svelte', () => {
    const size = { width: 1280, height: 1280 };
    expect(imageSnippet(request({ languageId: 'vue', size })).text).toBe('<img src="../assets/generated/hero-banner.png" alt="A hero banner" width="1280" height="1280" />');
    expect(imageSnippet(request({ languageId: 'svelte' })).text).toBe('<img src="../assets/generated/hero-banner.png" alt="A hero banner" />');
  });

  it('writes JSX with numeric width and height', () => {
    const snippet = imageSnippet(request({ languageId: 'typescriptreact', size: { width: 640, height: 480 }, alt: 'say "hi"' }));
    expect(snippet.text).toBe('<img src="../assets/generated/hero-banner.png" alt="say &quot;hi&quot;" width={640} height={480} />');
  });

  it('writes url("…") in stylesheets', () => {
    for (const languageId of ['css', 'scss', 'less']) {
      expect(imageSnippet(request({ languageId, imagePath: '/proj/docs/a "b".png' })).text).toBe('url("a%20\\"b\\".png")');
    }
  });

  it('writes the bare relative path for other languages', () => {
    expect(imageSnippet(request({ languageId: 'plaintext' })).text).toBe('../assets/generated/hero-banner.png');
  });

  it('uses / separators for Windows paths', () => {
    const snippet = imageSnippet({ languageId: 'markdown', documentPath: 'C:\\proj\\docs\\README.md', imagePath: 'c:\\proj\\assets\\a.png', alt: 'A' });
    expect(snippet.text).toBe('![A](../assets/a.png)');
  });
});

describe('the JSX import style', () => {
  const documentText = [
    "'use client';",
    'import React from "react"',
    'import logo from "./logo.svg"',
    '',
    'export const heroBannerImage = 1;',
    'export default function Page() { return <img src={logo} alt="" /> }',
  ].join('\n');

  it('detects documents that import images', () => {
    expect(usesImageImports(documentText)).toBe(true);
    expect(usesImageImports("import styles from './a.css';\n// import x from './x.png'\n")).toBe(false);
    expect(usesImageImports("import hero from '../assets/hero.JPG?w=400';")).toBe(true);
    expect(usesImageImports("import data from './data.json';\nconst s = \"import x from './x.png'\";")).toBe(false);
    expect(usesImageImports("  import hero from '../assets/hero.jpg?w=400';")).toBe(true);
  });

  it('adds an import in the document style with a fresh camelCase identifier and ./ prefix', () => {
    const snippet = imageSnippet({
      languageId: 'typescriptreact',
      documentPath: '/proj/src/Page.tsx',
      imagePath: '/proj/src/assets/hero-banner.png',
      alt: 'Hero',
      size: { width: 1536, height: 1024 },
      useImport: true,
      documentText,
    });
    // heroBannerImage is taken in the document, so the next free name is used.
    expect(snippet.text).toBe('<img src={heroBannerImage2} alt="Hero" width={1536} height={1024} />');
    expect(snippet.importLine).toBe('import heroBannerImage2 from "./assets/hero-banner.png"\n');
    expect(snippet.importOffset).toBe(documentText.indexOf('\n\nexport') + 1);
  });

  it('reuses an existing import of the same file', () => {
    const snippet = imageSnippet({ languageId: 'javascriptreact', documentPath: '/proj/src/Page.jsx', imagePath: '/proj/src/logo.svg', alt: 'Logo', useImport: true, documentText });
    expect(snippet).toEqual({ text: '<img src={logo} alt="Logo" />' });
  });

  it('goes up with ../ and never imports into non-JSX languages', () => {
    const up = imageSnippet({ languageId: 'typescriptreact', documentPath: '/proj/src/app/Page.tsx', imagePath: '/proj/public/a.png', alt: '', useImport: true });
    expect(up.importLine).toBe("import aImage from '../../public/a.png';\n");
    expect(up.importOffset).toBe(0);
    expect(imageSnippet({ languageId: 'html', documentPath: '/p/i.html', imagePath: '/p/a.png', alt: '', useImport: true }).importLine).toBeUndefined();
  });

  it('makes valid identifiers from any file name', () => {
    expect(importIdentifier('hero.png', '')).toBe('heroImage');
    expect(importIdentifier('team_photo-2024.JPG', '')).toBe('teamPhoto2024Image');
    expect(importIdentifier('404.png', '')).toBe('image404');
    expect(importIdentifier('Crème brûlée.webp', '')).toBe('cremeBruleeImage');
    expect(importIdentifier('profileImg.png', '')).toBe('profileImg');
    expect(importIdentifier('🙂.png', '')).toBe('image');
    expect(importIdentifier('hero.png', 'const heroImage = 1, heroImage2 = 2;')).toBe('heroImage3');
  });

  it('puts the first import after a shebang and directives', () => {
    const text = "#!/usr/bin/env node\n'use client';\nexport const x = 1;\n";
    expect(importInsertionOffset(text)).toBe(text.indexOf('export'));
    const multiline = "import {\n  a,\n  b,\n} from 'x';\nconst y = 2;\n";
    expect(importInsertionOffset(multiline)).toBe(multiline.indexOf('const'));
  });
});
