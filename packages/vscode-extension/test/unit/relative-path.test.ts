import { describe, expect, it } from 'vitest';
import { folderOf, normalizePath, pathKey, relativeFromDocument, relativePath, resolvePath } from '../../src/logic/index';

describe('normalizePath', () => {
  it.each([
    ['/proj/docs/../img/./a.png', '/proj/img/a.png'],
    ['/proj/docs/', '/proj/docs'],
    ['C:\\Proj\\Docs\\README.md', 'c:/Proj/Docs/README.md'],
    ['/c:/Proj/docs', 'c:/Proj/docs'],
    ['D:', 'd:/'],
    ['\\\\server\\share\\img\\a.png', '//server/share/img/a.png'],
    ['img\\a.png', 'img/a.png'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe('relativePath', () => {
  it('gives a bare name in the same folder and `.` for the folder itself', () => {
    expect(relativeFromDocument('/proj/docs/README.md', '/proj/docs/hero.png')).toBe('hero.png');
    expect(relativePath('/proj/docs', '/proj/docs')).toBe('.');
  });

  it('walks down into subfolders and up through parents', () => {
    expect(relativeFromDocument('/proj/README.md', '/proj/assets/generated/a.png')).toBe('assets/generated/a.png');
    expect(relativeFromDocument('/proj/docs/guide/intro.md', '/proj/assets/a.png')).toBe('../../assets/a.png');
    expect(relativeFromDocument('/proj/src/app/page.tsx', '/proj/src/assets/a b.png')).toBe('../assets/a b.png');
  });

  it('does not treat a shared name prefix as a shared folder', () => {
    expect(relativePath('/proj/doc', '/proj/docs/a.png')).toBe('../docs/a.png');
  });

  it('accepts Windows inputs with backslashes, drive letters in any case and mixed separators', () => {
    expect(relativeFromDocument('C:\\Proj\\docs\\README.md', 'c:/Proj/assets/hero.png')).toBe('../assets/hero.png');
    expect(relativeFromDocument('c:\\proj\\Docs\\README.md', 'C:\\PROJ\\docs\\img\\hero.png')).toBe('img/hero.png');
    expect(relativeFromDocument('/c:/proj/src/App.tsx', 'C:\\proj\\public\\logo.png')).toBe('../public/logo.png');
  });

  it('returns the absolute target when no relative path exists (another drive or share)', () => {
    expect(relativeFromDocument('C:\\proj\\README.md', 'D:\\images\\a.png')).toBe('d:/images/a.png');
    expect(relativeFromDocument('\\\\srv\\one\\README.md', '\\\\srv\\two\\a.png')).toBe('//srv/two/a.png');
  });

  it('works from the root', () => {
    expect(relativePath('/', '/a/b.png')).toBe('a/b.png');
    expect(relativePath('c:\\', 'C:\\a\\b.png')).toBe('a/b.png');
  });
});

describe('resolvePath, folderOf and pathKey', () => {
  it('resolves relative references and keeps absolute ones', () => {
    expect(resolvePath('/proj/docs', '../img/a.png')).toBe('/proj/img/a.png');
    expect(resolvePath('C:\\proj\\docs', 'img\\a.png')).toBe('c:/proj/docs/img/a.png');
    expect(resolvePath('/proj', '/elsewhere/a.png')).toBe('/elsewhere/a.png');
  });

  it('gives the folder of a file, including a drive root', () => {
    expect(folderOf('/proj/docs/README.md')).toBe('/proj/docs');
    expect(folderOf('C:\\README.md')).toBe('c:/');
  });

  it('makes Windows spellings of one file equal, and keeps POSIX case', () => {
    expect(pathKey('C:\\Proj\\A.png')).toBe(pathKey('c:/proj/a.png'));
    expect(pathKey('/proj/A.png')).not.toBe(pathKey('/proj/a.png'));
  });
});
