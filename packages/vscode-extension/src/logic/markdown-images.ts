/**
 * Markdown image syntax: inline `![alt](path "title")` (also `<path with spaces>`) and the
 * reference forms `![alt][label]`, `![alt][]` and `![alt]` with a `[label]: path` definition.
 * Runs over text whose code and comments are already blanked (see `text-masks.ts`).
 */
import type { ImageReference } from './image-references';
import { filePartOf, unescapeMarkdown } from './reference-text';

/** A found image before its line number and the locality filter are applied. */
export type FoundImage = Omit<ImageReference, 'line'>;

const ALT = String.raw`(?<alt>(?:\\.|[^\\\[\]]|\[(?:\\.|[^\\\[\]])*\])*)`;
const LINE_BREAK = String.raw`[ \t]*(?:\r?\n[ \t]*)?`;
const ANGLE = String.raw`<(?<angle>(?:\\.|[^\\<>\n])*)>`;
const BARE = String.raw`(?<bare>(?:\\.|[^\\\s()]|\((?:\\.|[^\\\s()])*\))+)`;
const TITLE = String.raw`(?:\s+(?:"(?:\\.|[^\\"])*"|'(?:\\.|[^\\'])*'|\((?:\\.|[^\\()])*\)))?`;
const LABEL = String.raw`\[(?<label>(?:\\.|[^\\\[\]])*)\]`;

/** `![alt]` followed by an inline destination, a reference label, or nothing (shortcut form). */
const IMAGE = new RegExp(String.raw`(?<!\\)!\[${ALT}\](?:\(${LINE_BREAK}(?:${ANGLE}|${BARE})${TITLE}\s*\)|${LABEL})?`, 'dg');

/** `[label]: path`, at the start of a line (also inside block quotes). */
const DEFINITION = new RegExp(String.raw`^(?:[ \t]*>)*[ \t]{0,3}\[(?<label>(?:\\.|[^\\\[\]])+)\]:${LINE_BREAK}(?:${ANGLE}|(?<bare>\S+))`, 'dgm');

interface Definition {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** Every Markdown image in `masked`, in document order. */
export function markdownImages(masked: string): FoundImage[] {
  const definitions = readDefinitions(masked);
  const images: FoundImage[] = [];
  for (const match of masked.matchAll(IMAGE)) {
    const groups = match.indices?.groups;
    const alt = unescapeMarkdown(match.groups?.['alt'] ?? '');
    const tagRange = { start: match.index, end: match.index + match[0].length };
    const pathSpan = groups?.['angle'] ?? groups?.['bare'];
    if (pathSpan) {
      const path = masked.slice(pathSpan[0], pathSpan[1]);
      images.push({ path, decodedPath: filePartOf(unescapeMarkdown(path)), alt, range: { start: pathSpan[0], end: pathSpan[1] }, tagRange, form: 'markdown-inline' });
      continue;
    }
    const label = match.groups?.['label'];
    // Collapsed (`![alt][]`) and shortcut (`![alt]`) references use the alt text as the label.
    const definition = definitions.get(normalizeLabel(label ? label : (match.groups?.['alt'] ?? '')));
    if (!definition) continue;
    images.push({
      path: definition.path,
      decodedPath: filePartOf(unescapeMarkdown(definition.path)),
      alt,
      range: { start: definition.start, end: definition.end },
      tagRange,
      form: 'markdown-reference',
    });
  }
  return images;
}

function readDefinitions(masked: string): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  for (const match of masked.matchAll(DEFINITION)) {
    const span = match.indices?.groups?.['angle'] ?? match.indices?.groups?.['bare'];
    const key = normalizeLabel(match.groups?.['label'] ?? '');
    // The first definition of a label wins (CommonMark).
    if (!span || definitions.has(key)) continue;
    definitions.set(key, { path: masked.slice(span[0], span[1]), start: span[0], end: span[1] });
  }
  return definitions;
}

/** Labels match case-insensitively with inner whitespace collapsed. */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
