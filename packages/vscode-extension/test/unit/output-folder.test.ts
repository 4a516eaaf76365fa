import { outputFileName } from '@gpt-image/core';
import { describe, expect, it } from 'vitest';
import { globMatches } from '../../src/logic/glob-match';
import { DEFAULT_OUTPUT_FOLDER, markdownCopyDestination, outputLocation } from '../../src/logic/index';

const now = new Date('2026-09-01T12:34:56.789Z');
const doc = { documentPath: '/work/site/docs/guide/README.md', workspaceFolder: '/work/site', now, fileName: 'red-fox-3fa9c1.png' };

describe('the output folder setting', () => {
  it('defaults to assets/generated in the workspace folder', () => {
    expect(DEFAULT_OUTPUT_FOLDER).toBe('assets/generated');
    expect(outputLocation({}, { ...doc, languageId: 'html' })).toEqual({
      folder: '/work/site/assets/generated',
      fileName: 'red-fox-3fa9c1.png',
      path: '/work/site/assets/generated/red-fox-3fa9c1.png',
      source: 'outputFolder',
    });
  });

  it('takes a configured folder, relative or absolute, and Windows paths', () => {
    expect(outputLocation({ outputFolder: 'public/img/' }, doc).path).toBe('/work/site/public/img/red-fox-3fa9c1.png');
    expect(outputLocation({ outputFolder: '/tmp/out' }, doc).folder).toBe('/tmp/out');
    expect(outputLocation({ outputFolder: '  ' }, doc).folder).toBe('/work/site/assets/generated');
    expect(outputLocation({}, { fileName: 'a.png', workspaceFolder: 'C:\\work\\site' }).path).toBe('c:/work/site/assets/generated/a.png');
  });

  it('uses the document folder outside a workspace, and refuses when there is neither', () => {
    expect(outputLocation({}, { fileName: 'a.png', documentPath: '/loose/notes.md' }).folder).toBe('/loose/assets/generated');
    expect(() => outputLocation({}, { fileName: 'a.png' })).toThrow(/no workspace folder or document/);
    expect(outputLocation({ outputFolder: '/abs' }, { fileName: 'a.png' }).path).toBe('/abs/a.png');
  });

  it('names files with the core outputFileName: slug of the prompt, hash, extension', () => {
    const fileName = outputFileName({ prompt: 'A red fox in the snow!', format: 'jpeg', hashSource: 'task-1' });
    expect(fileName).toMatch(/^a-red-fox-in-the-snow-[0-9a-f]{6}\.jpg$/);
    const location = outputLocation({}, { ...doc, fileName });
    expect(location.path).toBe(`/work/site/assets/generated/${fileName}`);
    // The same request names the same file on every host; another request does not.
    expect(outputFileName({ prompt: 'A red fox in the snow!', format: 'jpeg', hashSource: 'task-1' })).toBe(fileName);
    expect(outputFileName({ prompt: 'A red fox in the snow!', format: 'jpeg', hashSource: 'task-2' })).not.toBe(fileName);
  });
});

describe('markdown.copyFiles.destination', () => {
  const md = { ...doc, languageId: 'markdown' };

  it('applies to Markdown documents only', () => {
    const settings = { markdownCopyFilesDestination: { '**/*.md': 'images/' } };
    expect(outputLocation(settings, md)).toMatchObject({ folder: '/work/site/docs/guide/images', source: 'markdown.copyFiles.destination' });
    expect(outputLocation(settings, { ...md, languageId: 'html' })).toMatchObject({ folder: '/work/site/assets/generated', source: 'outputFolder' });
  });

  it('falls back to the output folder when no glob matches', () => {
    const settings = { outputFolder: 'gen', markdownCopyFilesDestination: { '/blog/**/*': '/blog-images/' } };
    expect(outputLocation(settings, md)).toMatchObject({ folder: '/work/site/gen', source: 'outputFolder' });
  });

  it('anchors globs starting with / at the workspace folder and prefixes others with **/', () => {
    const destination = (glob: string) => markdownCopyDestination({ [glob]: 'x/' }, doc);
    expect(destination('/docs/**/*')).toBe('/work/site/docs/guide/x/red-fox-3fa9c1.png');
    expect(destination('/guide/**')).toBeNull();
    expect(destination('README.md')).not.toBeNull();
    expect(destination('guide/*.md')).not.toBeNull();
    expect(destination('*.{md,markdown}')).not.toBeNull();
    expect(destination('**/*.mdx')).toBeNull();
    expect(destination('docs/*.md')).toBeNull();
    expect(destination('/docs/guide/[A-Z]*.md')).not.toBeNull();
    expect(destination('/docs/guide/[!A-Z]*.md')).toBeNull();
  });

  it('uses the first matching entry', () => {
    const settings = { '**/*.md': 'first/', '/docs/**/*': 'second/' };
    expect(markdownCopyDestination(settings, doc)).toBe('/work/site/docs/guide/first/red-fox-3fa9c1.png');
  });

  it('expands every documented variable', () => {
    const pattern = [
      '${documentDirName}',
      '${documentRelativeDirName}',
      '${documentFileName}',
      '${documentBaseName}',
      '${documentExtName}',
      '${documentFilePath}',
      '${documentRelativeFilePath}',
      '${documentWorkspaceFolder}',
      '${fileName}',
      '${fileExtName}',
      '${unixTime}',
      '${isoTime}',
      '${unknownVariable}',
      '\\${fileName}',
    ].join('|');
    // The first value is absolute, so `out/` + `/work/…` normalizes to one slash.
    expect(markdownCopyDestination({ '**/*.md': `/out/${pattern}` }, doc)).toBe(
      '/work/site/out' +
        [
          '/work/site/docs/guide',
          'docs/guide',
          'README.md',
          'README',
          'md',
          '/work/site/docs/guide/README.md',
          'docs/guide/README.md',
          '/work/site',
          'red-fox-3fa9c1.png',
          'png',
          String(now.getTime()),
          now.toISOString(),
          '${unknownVariable}',
          '${fileName}',
        ].join('|'),
    );
  });

  it('resolves common patterns the way VS Code does', () => {
    const dest = (pattern: string) => markdownCopyDestination({ '**/*.md': pattern }, doc);
    // A leading / is the workspace folder; a trailing / appends the file name.
    expect(dest('/assets/${documentBaseName}/')).toBe('/work/site/assets/README/red-fox-3fa9c1.png');
    // Relative destinations are relative to the document's folder.
    expect(dest('../media/${documentBaseName}-${fileName}')).toBe('/work/site/docs/media/README-red-fox-3fa9c1.png');
    // An empty destination is "next to the document".
    expect(dest('  ')).toBe('/work/site/docs/guide/red-fox-3fa9c1.png');
    // A destination without ${fileName} or a trailing / names the file itself.
    expect(dest('${documentWorkspaceFolder}/img/${documentBaseName}.png')).toBe('/work/site/img/README.png');
    expect(dest('${documentWorkspaceFolder}/attachments/${documentRelativeDirName}/${documentBaseName}/')).toBe(
      '/work/site/attachments/docs/guide/README/red-fox-3fa9c1.png',
    );
  });

  it('applies ${name/regexp/replacement/} transforms, ignoring an empty replacement as VS Code does', () => {
    const dest = (pattern: string) => markdownCopyDestination({ '**/*.md': pattern }, doc);
    expect(dest('/images/${documentRelativeDirName/^docs\\/(.*)$/$1/}/')).toBe('/work/site/images/guide/red-fox-3fa9c1.png');
    expect(dest('/images/${fileName/\\.png$/.webp/}')).toBe('/work/site/images/red-fox-3fa9c1.webp');
    expect(dest('/images/${documentBaseName/README//}/')).toBe('/work/site/images/README/red-fox-3fa9c1.png');
    expect(dest('/images/${documentBaseName/([/x/}/')).toBe('/work/site/images/README/red-fox-3fa9c1.png');
  });

  it('treats a document outside every workspace folder like VS Code: its own folder stands in', () => {
    const loose = { documentPath: '/tmp/notes/todo.md', fileName: 'a.png', now };
    expect(markdownCopyDestination({ '**/*.md': '/img/' }, loose)).toBe('/tmp/notes/img/a.png');
    expect(markdownCopyDestination({ '**/*.md': '${documentRelativeDirName}/x/' }, loose)).toBe('/tmp/notes/x/a.png');
    expect(markdownCopyDestination({ '/notes/*.md': 'x/' }, loose)).toBeNull();
  });

  it('works for Windows documents', () => {
    const windows = { documentPath: 'C:\\work\\site\\docs\\README.md', workspaceFolder: 'c:\\work\\site', fileName: 'a.png', now };
    expect(markdownCopyDestination({ '/docs/*.md': '/media/${documentBaseName}/' }, windows)).toBe('c:/work/site/media/README/a.png');
    expect(outputLocation({ markdownCopyFilesDestination: { '**/*.md': 'img/' } }, { ...windows, languageId: 'markdown' }).folder).toBe('c:/work/site/docs/img');
  });
});

describe('glob matching for destination keys (picomatch semantics with dot: true)', () => {
  it.each([
    ['**/*.md', '/w/docs/a.md', true],
    ['**/*.md', 'a.md', true],
    ['/w/docs/*.md', '/w/docs/sub/a.md', false],
    ['/w/docs/**', '/w/docs/sub/deep/a.md', true],
    ['/w/**/a.md', '/w/a.md', true],
    ['**/?.md', '/w/a.md', true],
    ['**/?.md', '/w/ab.md', false],
    ['**/*.md', '/w/.github/.notes.md', true],
    ['**/{docs,blog/{en,fr}}/*.md', '/w/blog/fr/a.md', true],
    ['**/{docs,blog/{en,fr}}/*.md', '/w/blog/de/a.md', false],
    ['**/\\[draft\\]*.md', '/w/[draft] a.md', true],
    ['**/file (1).md', '/w/file (1).md', true],
    ['**/a+b.md', '/w/aab.md', false],
  ])('%s against %s → %s', (glob, path, expected) => {
    expect(globMatches(glob, path)).toBe(expected);
  });
});
