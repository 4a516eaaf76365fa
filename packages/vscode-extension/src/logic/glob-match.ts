/**
 * Glob matching for `markdown.copyFiles.destination` keys, with the picomatch semantics VS Code
 * uses there (`{ dot: true }`): `*` and `?` stay within a path segment, `**` as a whole segment
 * spans any number of them, `{a,b}` alternates, `[abc]`/`[!abc]` are classes, `\` escapes, and
 * dot files are matched like any other. Small enough to keep here rather than bundle a library.
 */

/** True when the whole `path` (with `/` separators) matches `glob`. */
export function globMatches(glob: string, path: string): boolean {
  return new RegExp(`^${globSource(glob)}$`).test(path);
}

function globSource(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob.charAt(i);
    if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const wholeSegment = (i === 0 || glob[i - 1] === '/') && (j === glob.length || glob[j] === '/');
      if (j - i >= 2 && wholeSegment) {
        if (glob[j] === '/') {
          // `**/` matches zero or more whole segments.
          out += '(?:[^/]*/)*';
          j++;
        } else {
          out += '.*';
        }
      } else {
        out += '[^/]*';
      }
      i = j;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
      } else {
        const body = glob.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        const members = (negated ? body.slice(1) : body).replace(/\\/g, '\\\\').replace(/\]/g, '\\]');
        out += negated ? `[^/${members}]` : `[${members}]`;
        i = close + 1;
      }
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        out += '\\{';
        i++;
      } else {
        out += `(?:${splitAlternatives(glob.slice(i + 1, close)).map(globSource).join('|')})`;
        i = close + 1;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob.charAt(i + 1));
      i += 2;
    } else {
      out += escapeRegExp(c);
      i++;
    }
  }
  return out;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,{b,c},d` → [`a`, `{b,c}`, `d`]: commas inside nested braces do not split. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
