/**
 * Blanking the parts of a document where image syntax does not count: code in Markdown, comments,
 * and the script and style bodies of HTML-like files. Masked characters become spaces (newlines
 * stay), so every offset and line in the masked text is the same as in the original and the
 * scanners can run plain regular expressions over it.
 */

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Markdown: fenced code blocks, inline code spans and `<!-- -->` comments. */
export function maskMarkdown(text: string): string {
  const withoutFences = blank(text, fencedCodeSpans(text));
  return blank(withoutFences, inlineCodeAndCommentSpans(withoutFences));
}

/**
 * HTML, Vue and Svelte: `<!-- -->` comments and the bodies of `<script>` and `<style>` elements
 * (their tags stay, their content is code, not markup).
 */
export function maskHtml(text: string): string {
  const spans: Span[] = [];
  const pattern = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>(?<body>[\s\S]*?)(?:<\/\1\s*>|$)/dgi;
  for (const match of text.matchAll(pattern)) {
    const body = match.indices?.groups?.['body'];
    if (match[1] !== undefined) {
      if (body) spans.push({ start: body[0], end: body[1] });
    } else {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return blank(text, spans);
}

/**
 * JavaScript and TypeScript (with JSX): block comments, including JSX's `{/* … *\/}`, and line
 * comments. Strings are stepped over so that `"http://…"` is not taken for a comment; a `//` only
 * starts a comment after a space or punctuation, because in JSX text (`<p>see a//b</p>`) it is
 * just text.
 */
export function maskScript(text: string): string {
  const spans: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = endOfQuoted(text, i, c, false);
    } else if (c === '`') {
      i = endOfQuoted(text, i, c, true);
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      spans.push({ start: i, end });
      i = end;
    } else if (c === '/' && text[i + 1] === '/' && (i === 0 || /[\s;{}(),]/.test(text[i - 1] ?? ''))) {
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? n : newline;
      spans.push({ start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  return blank(text, spans);
}

/**
 * Where a quoted string ends. Quotes other than backticks stop at a newline: JS strings cannot
 * span lines, and an apostrophe in JSX text (`Don't`) must not swallow the rest of the file.
 */
function endOfQuoted(text: string, start: number, quote: string, multiline: boolean): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' && !multiline) return i;
  }
  return text.length;
}

/**
 * Fenced code blocks (``` or ~~~, also inside block quotes and list items). An unclosed fence runs
 * to the end of the document, as CommonMark says.
 */
function fencedCodeSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open: { char: string; length: number; start: number } | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (open === null) {
      const match = /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})(.*)$/.exec(line);
      const fence = match?.[1];
      // A backtick fence's info string may not contain backticks (that is inline code instead).
      if (fence && !(fence.startsWith('`') && (match[2] ?? '').includes('`'))) {
        open = { char: fence.charAt(0), length: fence.length, start: lineStart };
      }
    } else {
      const fence = /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
      if (fence && fence.charAt(0) === open.char && fence.length >= open.length) {
        spans.push({ start: open.start, end: lineEnd });
        open = null;
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (open) spans.push({ start: open.start, end: text.length });
  return spans;
}

/**
 * Inline code spans and HTML comments, found in one left-to-right pass so that each hides the
 * other (`` `<!--` `` is code, `<!-- `x` -->` is a comment). A backtick run with no closing run of
 * the same length before the paragraph ends is literal text.
 */
function inlineCodeAndCommentSpans(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      const end = close < 0 ? n : close + 3;
      spans.push({ start: i, end });
      i = end;
    } else if (c === '`') {
      const length = runLength(text, i);
      const close = closingRun(text, i + length, length, paragraphEnd(text, i));
      if (close < 0) {
        i += length;
      } else {
        spans.push({ start: i, end: close + length });
        i = close + length;
      }
    } else {
      i++;
    }
  }
  return spans;
}

function runLength(text: string, start: number): number {
  let end = start;
  while (text[end] === '`') end++;
  return end - start;
}

function closingRun(text: string, from: number, length: number, limit: number): number {
  let at = text.indexOf('`', from);
  while (at >= 0 && at < limit) {
    const run = runLength(text, at);
    if (run === length) return at;
    at = text.indexOf('`', at + run);
  }
  return -1;
}

function paragraphEnd(text: string, from: number): number {
  const blankLine = /\n[ \t]*\r?\n/g;
  blankLine.lastIndex = from;
  const match = blankLine.exec(text);
  return match ? match.index : text.length;
}

/** The text with each span's characters, except line breaks, replaced by spaces. */
function blank(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + text.slice(from, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}
