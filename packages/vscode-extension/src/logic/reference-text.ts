/**
 * Turning what a document says into what it means: the file a written path points to, and the
 * numbers in `width`/`height` attributes. The scanners record both the text as written (to edit
 * it in place) and this decoded form (to look the file up).
 */

/**
 * The file part of a URL path: query and fragment dropped (`hero.png?v=2#x` → `hero.png`) and
 * percent-escapes decoded (`my%20hero.png` → `my hero.png`). A malformed escape is kept as written.
 */
export function filePartOf(urlPath: string): string {
  const withoutQuery = urlPath.replace(/[?#][\s\S]*$/, '');
  try {
    return decodeURIComponent(withoutQuery);
  } catch {
    return withoutQuery;
  }
}

/** Markdown backslash escapes removed: `a\_b\(1\).png` → `a_b(1).png`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The value of a JS string literal's body, for the simple escapes that occur in paths and alt text. */
export function unescapeJsString(text: string): string {
  return text.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_whole, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(Number.parseInt(escape.slice(2, -1), 16));
    if (escape.length > 1 && (escape.startsWith('u') || escape.startsWith('x'))) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Readonly<Record<string, string>>)[escape] ?? escape;
  });
}

/**
 * A CSS-pixel length from a `width`/`height` attribute: `640`, `"640"`, `640px`, `640.4` (rounded).
 * Null for anything relative or dynamic (`100%`, `50vw`, `auto`, `{size}`), which says nothing
 * about the pixels wanted.
 */
export function parseDimension(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(text);
  if (!match?.[1]) return null;
  const value = Math.round(Number(match[1]));
  return value > 0 ? value : null;
}

/**
 * True for a path that names a file of the project, false for what the extension cannot or must
 * not resolve: URLs with a scheme (`https:`, `data:`, `mailto:`; one letter is a Windows drive,
 * not a scheme), protocol-relative `//host/…`, bare fragments, template placeholders (`{{x}}`,
 * `${x}`, `<%= %>`, Svelte's `{x}`) and bundler aliases (`@/…`, `~/…`), whose folder only the
 * bundler's configuration knows.
 */
export function isLocalPath(path: string): boolean {
  const trimmed = path.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return false;
  if (/^[a-z][a-z0-9+.-]+:/i.test(trimmed)) return false;
  if (trimmed.startsWith('//') || trimmed.startsWith('\\\\')) return false;
  if (/[{}]|<%/.test(trimmed)) return false;
  if (trimmed.startsWith('@') || trimmed.startsWith('~')) return false;
  return filePartOf(trimmed) !== '';
}
