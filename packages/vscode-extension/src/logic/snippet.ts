/**
 * The text that puts an image into a document, in the document's own language, with the path
 * relative to the document's folder. Markdown gets `![alt](path)`, HTML-like templates an `<img>`
 * tag, JSX an `<img />` element (or an import plus `src={identifier}` when the file already
 * imports images), stylesheets `url("…")`, and anything else the bare path.
 */
import type { PixelSize } from '@gpt-image/core';
import { escapeAttribute } from './html-text';
import { existingImageImport, importIdentifier, importInsertionOffset, importLine } from './image-imports';
import { snippetStyleFor } from './languages';
import { fileNameOf, isAbsolutePath, relativeFromDocument } from './relative-path';

/** What to insert and where. */
export interface SnippetRequest {
  /** VS Code language id of the document. */
  readonly languageId: string;
  /** Absolute path of the document the snippet goes into. */
  readonly documentPath: string;
  /** Absolute path of the image. */
  readonly imagePath: string;
  /** Alt text: the image's description (usually the prompt). */
  readonly alt: string;
  /** Written as `width`/`height` where the language has them (not in Markdown or CSS). */
  readonly size?: PixelSize;
  /**
   * JSX/TSX only: import the image and use `src={identifier}`. Pass `usesImageImports(text)` to
   * follow the document's style. @default false
   */
  readonly useImport?: boolean;
  /** The document's text, to pick an unused identifier and to reuse an existing import. @default '' */
  readonly documentText?: string;
}

/** A snippet: `text` goes at the cursor; `importLine`, when present, goes at `importOffset`. */
export interface ImageSnippet {
  readonly text: string;
  readonly importLine?: string;
  readonly importOffset?: number;
}

/** The snippet for an image in a document of the given language. */
export function imageSnippet(request: SnippetRequest): ImageSnippet {
  const path = relativeFromDocument(request.documentPath, request.imagePath);
  const { alt, size } = request;
  switch (snippetStyleFor(request.languageId)) {
    case 'markdown':
      return { text: `![${escapeMarkdownAlt(alt)}](${markdownDestination(path)})` };
    case 'html':
      return { text: `<img src="${escapeAttribute(urlPath(path))}" alt="${escapeAttribute(alt)}"${htmlSize(size)}>` };
    case 'vue':
    case 'svelte':
      return { text: `<img src="${escapeAttribute(urlPath(path))}" alt="${escapeAttribute(alt)}"${htmlSize(size)} />` };
    case 'jsx':
      return request.useImport ? jsxWithImport(request, path) : { text: `<img src="${escapeAttribute(urlPath(path))}" alt="${escapeAttribute(alt)}"${jsxSize(size)} />` };
    case 'css':
      return { text: `url("${escapeCssString(urlPath(path))}")` };
    case 'path':
      return { text: path };
  }
}

/**
 * A Markdown link destination: `%`, `#` and `?` percent-encoded (they mean something in a URL),
 * and the `<…>` form when the path has spaces, parentheses or angle brackets, which would
 * otherwise end the destination early.
 */
export function markdownDestination(path: string): string {
  const encoded = path.replace(/[%#?]/g, (c) => encodeURIComponent(c));
  if (!/[\s()<>]/.test(encoded)) return encoded;
  return `<${encoded.replace(/[<>]/g, '\\$&')}>`;
}

/** Alt text safe between `![` and `]`: brackets and backslashes escaped, line breaks folded. */
export function escapeMarkdownAlt(alt: string): string {
  return alt.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\[\]]/g, '\\$&');
}

/** A file path as a URL path: only characters that would change its meaning are encoded. */
function urlPath(path: string): string {
  return path.replace(/[%#?\s]/g, (c) => encodeURIComponent(c));
}

function escapeCssString(text: string): string {
  return text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ');
}

function htmlSize(size: PixelSize | undefined): string {
  return size ? ` width="${size.width}" height="${size.height}"` : '';
}

function jsxSize(size: PixelSize | undefined): string {
  return size ? ` width={${size.width}} height={${size.height}}` : '';
}

function jsxWithImport(request: SnippetRequest, path: string): ImageSnippet {
  const text = request.documentText ?? '';
  // Module specifiers need `./` to count as relative rather than a package name.
  const specifier = isAbsolutePath(path) || path.startsWith('../') ? path : `./${path}`;
  const known = existingImageImport(text, specifier);
  const identifier = known ?? importIdentifier(fileNameOf(request.imagePath), text);
  const element = `<img src={${identifier}} alt="${escapeAttribute(request.alt)}"${jsxSize(request.size)} />`;
  if (known) return { text: element };
  return { text: element, importLine: importLine(identifier, specifier, text), importOffset: importInsertionOffset(text) };
}
