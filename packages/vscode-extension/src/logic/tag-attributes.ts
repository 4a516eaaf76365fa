/**
 * Reading one start tag — `<img src="a.png" alt='A' width={640} {...rest} />` — into its
 * attributes with the offsets of their values. One scanner serves HTML, Vue, Svelte and JSX:
 * quotes of either kind, unquoted values, `{…}` expressions with nested braces and strings, and
 * tags spread over several lines.
 */

/** Offsets into the document text, `end` exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * An attribute's value: `literal` for quoted or unquoted text (the range covers the text inside
 * the quotes, as written), `expression` for `{…}` (the range covers what is inside the braces).
 */
export interface AttributeValue {
  readonly kind: 'literal' | 'expression';
  readonly text: string;
  readonly range: TextRange;
}

/** A start tag: its name, its attributes in order, and its whole extent from `<` to `>`. */
export interface StartTag {
  readonly name: string;
  /** Attribute names as written; a name without `=` has a null value. */
  readonly attributes: ReadonlyArray<{ readonly name: string; readonly value: AttributeValue | null }>;
  readonly range: TextRange;
}

/** A tag longer than this is taken to be unclosed, so a stray `<img` cannot scan the whole file. */
const MAX_TAG_LENGTH = 20_000;

/**
 * The start tag beginning at `start` (which must point at `<`), or null when it never closes.
 */
export function scanStartTag(text: string, start: number): StartTag | null {
  const nameMatch = /^<([A-Za-z][\w:.-]*)/.exec(text.slice(start, start + 100));
  if (!nameMatch?.[1]) return null;
  const limit = Math.min(text.length, start + MAX_TAG_LENGTH);
  const attributes: Array<{ name: string; value: AttributeValue | null }> = [];
  let i = start + nameMatch[0].length;
  while (i < limit) {
    const c = text.charAt(i);
    if (/\s/.test(c) || c === '/') {
      if (c === '/' && text[i + 1] === '>') return { name: nameMatch[1], attributes, range: { start, end: i + 2 } };
      i++;
      continue;
    }
    if (c === '>') return { name: nameMatch[1], attributes, range: { start, end: i + 1 } };
    if (c === '{') {
      // A JSX spread or Svelte shorthand (`{...props}`, `{src}`): no static value to read.
      i = endOfBraces(text, i, limit);
      if (i < 0) return null;
      continue;
    }
    const name = /^[^\s=>/"'{]+/.exec(text.slice(i, i + 200))?.[0];
    if (!name) {
      i++;
      continue;
    }
    i += name.length;
    let j = skipSpace(text, i, limit);
    if (text[j] !== '=') {
      attributes.push({ name, value: null });
      continue;
    }
    j = skipSpace(text, j + 1, limit);
    const value = readValue(text, j, limit);
    if (!value) return null;
    attributes.push({ name, value: value.value });
    i = value.next;
  }
  return null;
}

/** The value of the first attribute with this name (case-insensitive when asked), if it has one. */
export function attributeValue(tag: StartTag, name: string, ignoreCase: boolean): AttributeValue | null {
  const wanted = ignoreCase ? name.toLowerCase() : name;
  for (const attribute of tag.attributes) {
    const actual = ignoreCase ? attribute.name.toLowerCase() : attribute.name;
    if (actual === wanted) return attribute.value;
  }
  return null;
}

function readValue(text: string, at: number, limit: number): { value: AttributeValue; next: number } | null {
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, at + 1);
    if (close < 0 || close >= limit) return null;
    return { value: { kind: 'literal', text: text.slice(at + 1, close), range: { start: at + 1, end: close } }, next: close + 1 };
  }
  if (quote === '{') {
    const end = endOfBraces(text, at, limit);
    if (end < 0) return null;
    return { value: { kind: 'expression', text: text.slice(at + 1, end - 1), range: { start: at + 1, end: end - 1 } }, next: end };
  }
  const unquoted = /^[^\s>"'=<`]+/.exec(text.slice(at, Math.min(limit, at + 2000)))?.[0] ?? '';
  // `src=a.png/>`: in a self-closing tag the slash belongs to the tag, not the value.
  const own = unquoted.endsWith('/') && text[at + unquoted.length] === '>' ? unquoted.slice(0, -1) : unquoted;
  return { value: { kind: 'literal', text: own, range: { start: at, end: at + own.length } }, next: at + own.length };
}

/**
 * The offset just past the `}` that closes the `{` at `at`, stepping over strings inside
 * (`{"}"}` is one expression); -1 when it does not close before `limit`.
 */
function endOfBraces(text: string, at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      i = closingQuote(text, i, limit);
      if (i < 0) return -1;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function closingQuote(text: string, open: number, limit: number): number {
  const quote = text[open];
  for (let i = open + 1; i < limit; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function skipSpace(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && /\s/.test(text.charAt(i))) i++;
  return i;
}
