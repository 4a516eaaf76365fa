/**
 * What the extension knows about each VS Code language id, as data: how images are referenced in
 * it (for finding missing ones) and how a new image is written into it (for inserting one).
 */

/** How a document refers to images: Markdown syntax (plus raw `<img>`), HTML tags, or JSX elements. */
export type ReferenceSyntax = 'markdown' | 'html' | 'jsx';

/** The shape of the snippet that inserts an image into a document. */
export type SnippetStyle = 'markdown' | 'html' | 'jsx' | 'vue' | 'svelte' | 'css' | 'path';

const REFERENCE_SYNTAX: Readonly<Record<string, ReferenceSyntax>> = {
  markdown: 'markdown',
  html: 'html',
  vue: 'html',
  svelte: 'html',
  javascriptreact: 'jsx',
  typescriptreact: 'jsx',
  // Plain .js/.ts files often hold JSX too (many React projects never rename them).
  javascript: 'jsx',
  typescript: 'jsx',
};

const SNIPPET_STYLE: Readonly<Record<string, SnippetStyle>> = {
  markdown: 'markdown',
  html: 'html',
  vue: 'vue',
  svelte: 'svelte',
  javascriptreact: 'jsx',
  typescriptreact: 'jsx',
  css: 'css',
  scss: 'css',
  sass: 'css',
  less: 'css',
};

/** The reference syntax of a language, or null when the extension does not look for images in it. */
export function referenceSyntaxFor(languageId: string): ReferenceSyntax | null {
  return REFERENCE_SYNTAX[languageId] ?? null;
}

/** The snippet style of a language; `path` (the bare relative path) for every other language. */
export function snippetStyleFor(languageId: string): SnippetStyle {
  return SNIPPET_STYLE[languageId] ?? 'path';
}

/** The language ids in which missing images are looked for. */
export const REFERENCE_LANGUAGE_IDS: readonly string[] = Object.keys(REFERENCE_SYNTAX);
