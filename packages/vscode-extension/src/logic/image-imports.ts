/**
 * The import style of bundled front-end projects: `import heroImage from './hero.png'` and then
 * `<img src={heroImage} />`, which lets the bundler fingerprint and check the file. When a
 * document already imports images this way, new snippets follow suit.
 */
import { slugify } from '@gpt-image/core';
import { maskScript } from './text-masks';

// Both patterns are global and shared: use them only through `matchAll`, which works on a copy,
// never `exec`/`test`, whose `lastIndex` would leak from one call into the next.

/** A default import of an image file (extension in any case); comments are masked before it runs. */
const IMAGE_IMPORT = /^[ \t]*import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"\n]+\.(?:png|jpe?g|webp|gif|svg|avif)(?:\?[^'"\n]*)?)\2/gim;

/** Any static import statement, also one spread over several lines. */
const ANY_IMPORT = /^[ \t]*import\b[^;'"]*?(['"])[^'"\n]*\1[ \t]*;?/gm;

/** True when the document already has `import x from '….png'` (or .jpg, .webp, .svg, …). */
export function usesImageImports(documentText: string): boolean {
  return !maskScript(documentText).matchAll(IMAGE_IMPORT).next().done;
}

/** The identifier a document already imports `specifier` under, if it does. */
export function existingImageImport(documentText: string, specifier: string): string | null {
  const wanted = withoutDotSlash(specifier);
  for (const match of maskScript(documentText).matchAll(IMAGE_IMPORT)) {
    if (match[1] && match[3] !== undefined && withoutDotSlash(match[3]) === wanted) return match[1];
  }
  return null;
}

/**
 * A camelCase identifier for an image file, unused in the document: `hero.png` → `heroImage`,
 * `team-photo.jpg` → `teamPhotoImage`, `404.png` → `image404`; a name already taken gets a
 * number (`heroImage2`). Letters are folded to ASCII by the core's `slugify`.
 */
export function importIdentifier(fileName: string, documentText: string): string {
  const stem = fileName.replace(/\.[^./]*$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  const words = slugify(stem).split('-');
  const camel = words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  let base: string;
  if (/^\d/.test(camel)) base = `image${camel}`;
  else base = /(image|img)$/i.test(camel) ? camel : `${camel}Image`;
  const taken = new Set(documentText.match(/[A-Za-z_$][\w$]*/g) ?? []);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/**
 * Where a new import line goes: at the start of the line after the last import; with no imports,
 * after a shebang and directives such as `'use client'`, which must stay first.
 */
export function importInsertionOffset(documentText: string): number {
  let end = -1;
  for (const match of maskScript(documentText).matchAll(ANY_IMPORT)) end = match.index + match[0].length;
  if (end < 0) {
    const prologue = /^(?:#![^\n]*\n)?(?:[ \t]*(['"])use [\w ]+\1;?[ \t]*\r?\n)*/.exec(documentText);
    return prologue ? prologue[0].length : 0;
  }
  const newline = documentText.indexOf('\n', end);
  return newline < 0 ? documentText.length : newline + 1;
}

/**
 * `import heroImage from './hero.png';` plus a line break, in the document's own quote and
 * semicolon style (taken from its first import; single quotes and a semicolon when it has none).
 */
export function importLine(identifier: string, specifier: string, documentText: string): string {
  const first = maskScript(documentText).matchAll(ANY_IMPORT).next().value;
  const quote = first?.[1] ?? "'";
  const semicolon = first ? first[0].trimEnd().endsWith(';') : true;
  const escaped = specifier.replace(/\\/g, '\\\\').replaceAll(quote, `\\${quote}`);
  return `import ${identifier} from ${quote}${escaped}${quote}${semicolon ? ';' : ''}\n`;
}

function withoutDotSlash(specifier: string): string {
  return specifier.replace(/^\.\//, '');
}
