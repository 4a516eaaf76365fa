/**
 * Finding the images a document refers to, per language: Markdown images (inline, reference-style
 * and raw `<img>`), `<img>` tags in HTML, Vue and Svelte, and `<img>` elements in JSX/TSX. Only
 * references to files of the project are returned — no URLs, nothing in code blocks or comments —
 * since these are what the extension can offer to generate.
 */
import { referenceSyntaxFor } from './languages';
import { markdownImages, type FoundImage } from './markdown-images';
import { isLocalPath } from './reference-text';
import type { TextRange } from './tag-attributes';
import { tagImages } from './tag-images';
import { maskHtml, maskMarkdown, maskScript } from './text-masks';

export type { TextRange } from './tag-attributes';

/** Which syntax a reference was written in. */
export type ReferenceForm = 'markdown-inline' | 'markdown-reference' | 'html-tag' | 'jsx-element';

/** One image reference in a document. */
export interface ImageReference {
  /** The path exactly as written, e.g. `img/my%20hero.png?v=2`; `range` covers this text. */
  readonly path: string;
  /**
   * The file the path names: escapes and entities decoded, query and fragment dropped
   * (`img/my hero.png`). Still relative to the document or, with a leading `/`, to the root.
   */
  readonly decodedPath: string;
  /** The alt text, decoded; empty when there is none or it is dynamic. */
  readonly alt: string;
  /** CSS pixels from a static `width` attribute. */
  readonly width?: number;
  /** CSS pixels from a static `height` attribute. */
  readonly height?: number;
  /** Offsets of the path inside the text: replace this to point the reference elsewhere. */
  readonly range: TextRange;
  /**
   * Offsets of the whole image syntax: `![…](…)`, `![…][label]` or the `<img …>` tag. For a
   * reference-style image, `range` lies in the definition, elsewhere in the document.
   */
  readonly tagRange: TextRange;
  /** The 0-based line of `range.start`, as VS Code counts lines. */
  readonly line: number;
  readonly form: ReferenceForm;
}

/**
 * Every local image reference in `text`, in document order. Languages the extension does not
 * scan give an empty list.
 *
 * @param text the document's full text
 * @param languageId the VS Code language id (`markdown`, `html`, `vue`, `svelte`,
 *   `javascriptreact`, `typescriptreact`, `javascript`, `typescript`)
 */
export function findImageReferences(text: string, languageId: string): ImageReference[] {
  const found = foundImages(text, languageId);
  const lines = lineStarts(text);
  return found
    .filter((image) => isLocalPath(image.path))
    .sort((a, b) => a.tagRange.start - b.tagRange.start)
    .map((image) => ({ ...image, line: lineAt(lines, image.range.start) }));
}

function foundImages(text: string, languageId: string): FoundImage[] {
  switch (referenceSyntaxFor(languageId)) {
    case 'markdown': {
      const masked = maskMarkdown(text);
      return [...markdownImages(masked), ...tagImages(masked, false)];
    }
    case 'html':
      return tagImages(maskHtml(text), false);
    case 'jsx':
      return tagImages(maskScript(text), true);
    case null:
      return [];
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The index of the last line start at or before `offset`. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
