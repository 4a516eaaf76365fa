/**
 * `<img>` elements in HTML, Vue and Svelte templates, raw HTML inside Markdown, and JSX. Only a
 * static `src` counts: `src="a.png"`, or in JSX and Svelte `src={"a.png"}`; `src={logo}`,
 * Vue's `:src` and the like are expressions whose value the editor cannot know.
 */
import type { FoundImage } from './markdown-images';
import { decodeEntities } from './html-text';
import { filePartOf, parseDimension, unescapeJsString } from './reference-text';
import { attributeValue, scanStartTag, type AttributeValue, type TextRange } from './tag-attributes';

/** A static string an attribute holds: its decoded text and where its text is written. */
interface StaticText {
  readonly raw: string;
  readonly text: string;
  readonly range: TextRange;
}

/** `"…"`, `'…'` or a backtick string without `${…}`, alone inside `{…}`. */
const STRING_EXPRESSION = /^\s*(?:(?<q>["'])(?<body>(?:\\.|(?!\k<q>)[^\\\n])*)\k<q>|`(?<tpl>(?:\\.|[^\\`$]|\$(?!\{))*)`)\s*$/d;

/**
 * Every `<img>` start tag in `masked` with a static `src`. HTML tag names ignore case; in JSX a
 * capitalised `<Img>` is a component, so only `img` counts there.
 */
export function tagImages(masked: string, jsx: boolean): FoundImage[] {
  const images: FoundImage[] = [];
  const opening = jsx ? /<img(?=[\s/>])/g : /<img(?=[\s/>])/gi;
  for (const match of masked.matchAll(opening)) {
    const tag = scanStartTag(masked, match.index);
    if (!tag) continue;
    const src = staticText(attributeValue(tag, 'src', !jsx));
    if (!src) continue;
    const alt = staticText(attributeValue(tag, 'alt', !jsx));
    const width = dimension(attributeValue(tag, 'width', !jsx));
    const height = dimension(attributeValue(tag, 'height', !jsx));
    images.push({
      path: src.raw,
      decodedPath: filePartOf(src.text),
      alt: alt?.text ?? '',
      ...(width === null ? {} : { width }),
      ...(height === null ? {} : { height }),
      range: src.range,
      tagRange: tag.range,
      form: jsx ? 'jsx-element' : 'html-tag',
    });
  }
  return images;
}

function staticText(value: AttributeValue | null): StaticText | null {
  if (!value) return null;
  if (value.kind === 'literal') return { raw: value.text, text: decodeEntities(value.text), range: value.range };
  const match = STRING_EXPRESSION.exec(value.text);
  const span = match?.indices?.groups?.['body'] ?? match?.indices?.groups?.['tpl'];
  if (!span) return null;
  const raw = value.text.slice(span[0], span[1]);
  return { raw, text: unescapeJsString(raw), range: { start: value.range.start + span[0], end: value.range.start + span[1] } };
}

function dimension(value: AttributeValue | null): number | null {
  if (!value) return null;
  if (value.kind === 'literal') return parseDimension(value.text);
  const text = staticText(value)?.text ?? value.text;
  return parseDimension(text);
}
