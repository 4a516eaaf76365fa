import { isValidSize, sizeViolations } from '@gpt-image/core';
import { describe, expect, it } from 'vitest';
import { findImageReferences, findMissingImages, sizeFromAttributes, type MissingImage } from '../../src/logic/index';

/** A file system holding exactly these files; records what was asked. */
function fakeFiles(...files: string[]) {
  const present = new Set(files);
  const asked: string[] = [];
  return {
    asked,
    exists: (path: string): boolean => {
      asked.push(path);
      return present.has(path);
    },
  };
}

async function missingIn(text: string, languageId: string, documentPath: string, files: string[], rootFolder = '/proj'): Promise<MissingImage[]> {
  const references = findImageReferences(text, languageId);
  return findMissingImages(references, { documentPath, rootFolder, exists: fakeFiles(...files).exists });
}

const targets = (missing: readonly MissingImage[]): string[] => missing.map((m) => m.targetPath);

describe('findMissingImages per language', () => {
  it('Markdown: relative, parent and root-relative paths; code fences are not references', async () => {
    const text = [
      '![here](hero.png) ![up](../assets/logo.png) ![root](/static/banner.jpg)',
      '![exists](present.png) ![spaced](<team photo.webp>) ![encoded](my%20pic.png)',
      '```',
      '![in code](not-a-reference.png)',
      '```',
    ].join('\n');
    const missing = await missingIn(text, 'markdown', '/proj/docs/README.md', ['/proj/docs/present.png']);
    expect(targets(missing)).toEqual([
      '/proj/docs/hero.png',
      '/proj/assets/logo.png',
      '/proj/static/banner.jpg',
      '/proj/docs/team photo.webp',
      '/proj/docs/my pic.png',
    ]);
    expect(missing.map((m) => (m.generatable ? m.outputFormat : null))).toEqual(['png', 'png', 'jpeg', 'webp', 'png']);
  });

  it('HTML: only the tags whose file is absent', async () => {
    const text = '<img src="img/a.png" alt="A"><img src="img/b.png" alt="B" width="1536" height="1024">';
    const missing = await missingIn(text, 'html', '/proj/site/index.html', ['/proj/site/img/a.png']);
    expect(missing).toMatchObject([{ targetPath: '/proj/site/img/b.png', generatable: true, size: { width: 1536, height: 1024 }, sizeSource: 'attributes' }]);
  });

  it('JSX: a leading / resolves against the root folder passed in (e.g. public/)', async () => {
    const text = 'export const A = () => <img src="/hero.png" alt="Hero" width={640} height={480} />;';
    const missing = await missingIn(text, 'javascriptreact', '/proj/src/A.jsx', [], '/proj/public');
    expect(missing).toMatchObject([{ targetPath: '/proj/public/hero.png', reference: { alt: 'Hero' } }]);
  });

  it('TSX: dynamic sources are not checked at all', async () => {
    const files = fakeFiles();
    const text = 'const A = ({ s }: { s: string }) => <><img src={s} /><img src={"./b.png"} /></>;';
    const missing = await findMissingImages(findImageReferences(text, 'typescriptreact'), { documentPath: '/proj/src/A.tsx', rootFolder: '/proj', exists: files.exists });
    expect(targets(missing)).toEqual(['/proj/src/b.png']);
    expect(files.asked).toEqual(['/proj/src/b.png']);
  });

  it('Vue SFC: the template counts, bound and scripted sources do not', async () => {
    const text = '<template>\n  <img src="./assets/logo.png" alt="Logo" />\n  <img :src="x" />\n</template>\n<script>const s = "<img src=\'./s.png\'>";</script>';
    const missing = await missingIn(text, 'vue', '/proj/src/App.vue', []);
    expect(targets(missing)).toEqual(['/proj/src/assets/logo.png']);
  });

  it('Svelte: static sources only', async () => {
    const text = '<script>let src = "a.png";</script>\n<img {src} />\n<img src="b.png" alt="B" />';
    expect(targets(await missingIn(text, 'svelte', '/proj/src/routes/+page.svelte', []))).toEqual(['/proj/src/routes/b.png']);
  });

  it('works with Windows paths and checks each file once, with an async check', async () => {
    const asked: string[] = [];
    const references = findImageReferences('![a](img\\a.png) ![again](img/a.png) ![b](/b.png)', 'markdown');
    const missing = await findMissingImages(references, {
      documentPath: 'C:\\proj\\docs\\README.md',
      rootFolder: 'C:\\proj',
      exists: async (path) => {
        asked.push(path);
        return false;
      },
    });
    expect(targets(missing)).toEqual(['c:/proj/docs/img/a.png', 'c:/proj/docs/img/a.png', 'c:/proj/b.png']);
    expect(asked).toEqual(['c:/proj/docs/img/a.png', 'c:/proj/b.png']);
    expect(missing[0]?.documentPath).toBe('c:/proj/docs/README.md');
  });

  it('counts a failing check as existing, so nothing is offered on a guess', async () => {
    const references = findImageReferences('![a](a.png)', 'markdown');
    const missing = await findMissingImages(references, {
      documentPath: '/proj/README.md',
      exists: () => {
        throw new Error('EACCES');
      },
    });
    expect(missing).toEqual([]);
  });

  it('resolves root-relative paths against the document folder when there is no root folder', async () => {
    const references = findImageReferences('![a](/a.png)', 'markdown');
    const missing = await findMissingImages(references, { documentPath: '/loose/notes.md', exists: () => false });
    expect(targets(missing)).toEqual(['/loose/a.png']);
  });

  it('marks formats the model cannot write as not generatable, with the reason', async () => {
    const missing = await missingIn('![anim](spinner.gif) ![vector](logo.svg) ![none](LICENSE) ![upper](PHOTO.JPG)', 'markdown', '/proj/README.md', []);
    expect(missing.map((m) => m.generatable)).toEqual([false, false, false, true]);
    const [gif] = missing;
    expect(gif && !gif.generatable && gif.reason).toMatch(/spinner\.gif.*PNG, JPEG or WebP.*\.gif files/);
    expect(missing[3]).toMatchObject({ outputFormat: 'jpeg' });
  });
});

describe('sizes from width and height attributes', () => {
  it('keeps a valid size exactly', () => {
    expect(sizeFromAttributes(1536, 1024)).toEqual({ size: { width: 1536, height: 1024 }, source: 'attributes' });
    expect(sizeFromAttributes(2048, 864)).toEqual({ size: { width: 2048, height: 864 }, source: 'attributes' });
  });

  it('turns an invalid size into the nearest valid one and says what was asked', () => {
    expect(sizeFromAttributes(1920, 1080)).toEqual({ size: { width: 1920, height: 1088 }, source: 'attributes', adjustedFrom: { width: 1920, height: 1080 } });
    // Too few pixels: grown, keeping 4:3 as near as the 16-px grid allows.
    const small = sizeFromAttributes(640, 480);
    expect(small.size).toEqual({ width: 944, height: 704 });
    expect(small.adjustedFrom).toEqual({ width: 640, height: 480 });
    // Too wide a ratio and too large: clamped to 3:1 and to the pixel budget.
    const banner = sizeFromAttributes(6000, 500).size;
    expect(sizeViolations(banner)).toEqual([]);
    expect(banner.width / banner.height).toBeCloseTo(3, 1);
  });

  it('makes a square from a single attribute', () => {
    expect(sizeFromAttributes(1024, undefined)).toEqual({ size: { width: 1024, height: 1024 }, source: 'width' });
    expect(sizeFromAttributes(undefined, 100)).toEqual({ size: { width: 816, height: 816 }, source: 'height', adjustedFrom: { width: 100, height: 100 } });
  });

  it('falls back to the 1K square, or the default passed in', () => {
    expect(sizeFromAttributes(undefined, undefined)).toEqual({ size: { width: 1280, height: 1280 }, source: 'default' });
    expect(sizeFromAttributes(undefined, undefined, { width: 1536, height: 1024 }).size).toEqual({ width: 1536, height: 1024 });
  });

  it('always gives a size that obeys the rule', () => {
    for (const [w, h] of [[1, 1], [99999, 3], [333, 777], [3841, 2161], [1000, 1000], [16, 4000]] as const) {
      expect(isValidSize(sizeFromAttributes(w, h).size), `${w}x${h}`).toBe(true);
    }
  });

  it('passes the default size through findMissingImages and reads attribute sizes in each syntax', async () => {
    const text = '<img src="a.png"><img src="b.png" width="1000" height="1000"><img src="c.png" height="2048">';
    const missing = await findMissingImages(findImageReferences(text, 'html'), { documentPath: '/p/i.html', exists: () => false, defaultSize: { width: 1024, height: 1536 } });
    expect(missing.map((m) => (m.generatable ? [m.size.width, m.size.height, m.sizeSource] : null))).toEqual([
      [1024, 1536, 'default'],
      [1008, 1008, 'attributes'],
      [2048, 2048, 'height'],
    ]);
  });
});
