import { describe, expect, it } from 'vitest';
import { findImageReferences, type ImageReference } from '../../src/logic/index';

/** The paths found, in order: the most readable thing to assert on. */
const paths = (text: string, languageId: string): string[] => findImageReferences(text, languageId).map((r) => r.path);

/** The text a reference's range covers must be exactly its path as written. */
function expectRangesCoverPaths(text: string, references: readonly ImageReference[]): void {
  for (const reference of references) expect(text.slice(reference.range.start, reference.range.end)).toBe(reference.path);
}

describe('Markdown', () => {
  it('finds inline images with alt, title, angle brackets and nested brackets in the alt', () => {
    const text = [
      '# Title',
      'Intro ![Hero shot](img/hero.png "The hero") and ![A [nested] alt](./a.png).',
      '![spaced](<my images/team photo.jpg>)',
      "![quoted](b.webp 'single') ![paren](c.png (title))",
    ].join('\n');
    const refs = findImageReferences(text, 'markdown');
    expect(refs.map((r) => [r.path, r.alt, r.line])).toEqual([
      ['img/hero.png', 'Hero shot', 1],
      ['./a.png', 'A [nested] alt', 1],
      ['my images/team photo.jpg', 'spaced', 2],
      ['b.webp', 'quoted', 3],
      ['c.png', 'paren', 3],
    ]);
    expectRangesCoverPaths(text, refs);
    const hero = refs[0];
    expect(hero && text.slice(hero.tagRange.start, hero.tagRange.end)).toBe('![Hero shot](img/hero.png "The hero")');
  });

  it('decodes escapes and percent-encoding, and drops query and fragment, in decodedPath only', () => {
    const [ref] = findImageReferences('![x](img/my%20hero\\_1.png?v=2#top)', 'markdown');
    expect(ref?.path).toBe('img/my%20hero\\_1.png?v=2#top');
    expect(ref?.decodedPath).toBe('img/my hero_1.png');
  });

  it('skips images in fenced code, inline code and HTML comments', () => {
    const text = [
      '![real](one.png)',
      '```md',
      '![fenced](no1.png)',
      '```',
      '~~~~',
      '![tilde fence](no2.png)',
      '```',
      '![still inside: a shorter or other fence does not close](no3.png)',
      '~~~~',
      'Inline `![code](no4.png)` and ``a ` b ![double](no5.png)`` here.',
      '<!-- ![commented](no6.png)',
      '<img src="no7.png"> -->',
      '![after](two.png)',
      '> ```',
      '> ![quoted fence](no8.png)',
      '> ```',
      'A lone ` backtick does not hide ![this](three.png)',
    ].join('\n');
    expect(paths(text, 'markdown')).toEqual(['one.png', 'two.png', 'three.png']);
  });

  it('closes a fence only with the same character at least as long', () => {
    const text = ['````', '```', '![shorter fence does not close](no.png)', '````', '![after](yes.png)'].join('\n');
    expect(paths(text, 'markdown')).toEqual(['yes.png']);
  });

  it('treats an unclosed fence as running to the end of the document', () => {
    expect(paths('![a](a.png)\n```\n![b](b.png)\n', 'markdown')).toEqual(['a.png']);
  });

  it('resolves reference-style images to their definitions, full, collapsed and shortcut', () => {
    const text = [
      '![Full][Logo] ![logo][] ![Banner] ![missing][nowhere]',
      '',
      '[logo]: ./logo.png "Logo"',
      '[banner]:',
      '  <assets/banner image.png>',
      '[LOGO]: ignored-second-definition.png',
    ].join('\n');
    const refs = findImageReferences(text, 'markdown');
    expect(refs.map((r) => [r.path, r.alt, r.form])).toEqual([
      ['./logo.png', 'Full', 'markdown-reference'],
      ['./logo.png', 'logo', 'markdown-reference'],
      ['assets/banner image.png', 'Banner', 'markdown-reference'],
    ]);
    expectRangesCoverPaths(text, refs);
    // The path lives in the definition, the image syntax where it is used.
    expect(refs[0]?.line).toBe(2);
    expect(refs[0] && text.slice(refs[0].tagRange.start, refs[0].tagRange.end)).toBe('![Full][Logo]');
  });

  it('also finds <img> tags written in Markdown', () => {
    const refs = findImageReferences('Text\n<img src="raw.png" width="300" alt="Raw">\n', 'markdown');
    expect(refs).toMatchObject([{ path: 'raw.png', alt: 'Raw', width: 300, form: 'html-tag', line: 1 }]);
  });

  it('skips URLs with a scheme, protocol-relative URLs, fragments and escaped images', () => {
    const text = [
      '![a](https://example.com/a.png) ![b](http://x/b.png) ![c](data:image/png;base64,AAAA)',
      '![d](//cdn.example.com/d.png) ![e](#anchor) ![f](mailto:x@y.z) ![g](vscode-resource:/g.png)',
      '\\![h](escaped.png) ![kept](kept.png)',
    ].join('\n');
    expect(paths(text, 'markdown')).toEqual(['kept.png']);
  });
});

describe('HTML', () => {
  it('reads attributes in any order, with either quote, unquoted, self-closing and over several lines', () => {
    const text = [
      '<p><IMG alt="First" SRC="a.png"></p>',
      "<img src='b.jpg' alt='Second' />",
      '<img src=c.webp alt=Third>',
      '<img',
      '   width="640"',
      '   src="d.png"',
      '   height="480px"',
      '   alt="Fourth &amp; last"',
      '/>',
    ].join('\n');
    const refs = findImageReferences(text, 'html');
    expect(refs.map((r) => [r.path, r.alt, r.width, r.height, r.line])).toEqual([
      ['a.png', 'First', undefined, undefined, 0],
      ['b.jpg', 'Second', undefined, undefined, 1],
      ['c.webp', 'Third', undefined, undefined, 2],
      ['d.png', 'Fourth & last', 640, 480, 5],
    ]);
    expectRangesCoverPaths(text, refs);
  });

  it('ignores relative sizes, comments, scripts, styles, templates and imgs without src', () => {
    const text = [
      '<img src="pct.png" width="100%" height="auto">',
      '<!-- <img src="commented.png"> -->',
      '<script>const html = \'<img src="in-script.png">\';</script>',
      '<style>.x { background: url("<img src=in-style.png>") }</style>',
      '<img src="{{ user.avatar }}"> <img src="<%= logo %>"> <img alt="no source">',
      '<img src="https://example.com/x.png"> <img src="">',
    ].join('\n');
    const refs = findImageReferences(text, 'html');
    expect(refs.map((r) => r.path)).toEqual(['pct.png']);
    expect(refs[0]?.width).toBeUndefined();
  });

  it('finds images in a Vue single-file component template but not bound or scripted ones', () => {
    const text = [
      '<template>',
      '  <div>',
      '    <img src="./assets/logo.png" alt="Vue logo" width="200" height="200" />',
      '    <img :src="dynamicLogo" alt="bound" />',
      '    <img v-bind:src="other" />',
      '  </div>',
      '</template>',
      '<script setup lang="ts">',
      "const markup = '<img src=\"./from-script.png\">';",
      '</script>',
    ].join('\n');
    const refs = findImageReferences(text, 'vue');
    expect(refs).toMatchObject([{ path: './assets/logo.png', alt: 'Vue logo', width: 200, height: 200, line: 2 }]);
  });

  it('finds static images in Svelte and skips expressions', () => {
    const text = [
      '<script>export let src;</script>',
      '<img src="hero.png" alt="Hero" width={800} height="600" />',
      '<img {src} alt="shorthand" />',
      '<img src={src} alt="dynamic" />',
      '<img src="{base}/x.png" alt="interpolated" />',
      '<img src={"literal.png"} alt={"Literal"} />',
    ].join('\n');
    expect(findImageReferences(text, 'svelte').map((r) => [r.path, r.alt, r.width, r.height])).toEqual([
      ['hero.png', 'Hero', 800, 600],
      ['literal.png', 'Literal', undefined, undefined],
    ]);
  });
});

describe('JSX and TSX', () => {
  const component = [
    "import React from 'react';",
    '// <img src="line-comment.png" />',
    'export function Hero({ logo }: { logo: string }) {',
    '  const url = "https://example.com"; // <img src="trailing-comment.png" />',
    '  return (',
    '    <div>',
    '      {/* <img src="jsx-comment.png" /> */}',
    '      <img src="/images/hero.png" alt="Hero" width={640} height="480" />',
    "      <img alt={'Team'} src={\"./team.jpg\"} width={1024} height={768}/>",
    '      <img src={logo} alt="dynamic" />',
    '      <img src={`./tpl.webp`} alt="template" />',
    '      <img src={`./${name}.png`} alt="template with expression" />',
    '      <Img src="component.png" />',
    '      <img {...props} src="spread.png" alt={t("x")} />',
    '      <p>Don\'t stop: <img src="after-apostrophe.png" /></p>',
    '    </div>',
    '  );',
    '}',
  ].join('\n');

  it.each(['typescriptreact', 'javascriptreact', 'typescript', 'javascript'])('finds static <img> elements in %s', (languageId) => {
    const refs = findImageReferences(component, languageId);
    expect(refs.map((r) => [r.path, r.alt, r.width, r.height])).toEqual([
      ['/images/hero.png', 'Hero', 640, 480],
      ['./team.jpg', 'Team', 1024, 768],
      ['./tpl.webp', 'template', undefined, undefined],
      ['spread.png', '', undefined, undefined],
      ['after-apostrophe.png', '', undefined, undefined],
    ]);
    expectRangesCoverPaths(component, refs);
    expect(refs.every((r) => r.form === 'jsx-element')).toBe(true);
    expect(refs[0]?.line).toBe(7);
  });

  it('handles braces and quotes inside expressions without losing the tag', () => {
    const text = '<img alt={"a } b"} width={cond ? 1 : 2} src="ok.png" />';
    expect(paths(text, 'typescriptreact')).toEqual(['ok.png']);
  });
});

describe('other languages', () => {
  it('returns nothing for languages it does not scan', () => {
    expect(findImageReferences('![a](a.png) <img src="b.png">', 'plaintext')).toEqual([]);
    expect(findImageReferences('.x { background: url(a.png) }', 'css')).toEqual([]);
  });

  it('skips bundler aliases, whose folder only the bundler knows', () => {
    expect(paths('<img src="@/assets/a.png"><img src="~/b.png"><img src="c.png">', 'vue')).toEqual(['c.png']);
  });
});
