import { mkdtemp, readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/index';
import { readPngText } from '../../src/output/png-text';
import { runGptImage } from './run-gpt-image';
import { makePng } from '../support/build-images';

const tempDir = () => mkdtemp(join(tmpdir(), 'gpt-image-cli-'));

describe('gpt-image CLI (subprocess)', () => {
  it('generates a placeholder PNG, records it in the manifest and reports JSON', async () => {
    const dir = await tempDir();
    const run = await runGptImage(['generate', '--prompt', 'A red fox in snow', '--aspect', '16:9', '--json'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ width: 1280, height: 720, format: 'png', provider: 'placeholder', model: 'placeholder', taskId: null });
    expect(result.path).toMatch(/a-red-fox-in-snow-[0-9a-f]{6}\.png$/);
    const bytes = new Uint8Array(await readFile(result.path));
    expect(sniffImage(bytes)).toEqual({ mediaType: 'image/png', width: 1280, height: 720 });
    expect(readPngText(bytes)['Description']).toBe('A red fox in snow');

    const manifest = JSON.parse(await readFile(join(dir, 'gpt-image-manifest.json'), 'utf8'));
    expect(manifest.entries).toHaveLength(1);
    const [entry] = manifest.entries;
    expect(entry).toMatchObject({
      file: result.path.split('/').pop(), width: 1280, height: 720, format: 'png', prompt: 'A red fox in snow',
      provider: 'placeholder', model: 'placeholder', taskId: null, references: [],
      cost: { estimated: { amount: 0, unit: 'credits', estimate: false }, actual: { amount: 0 } },
    });
    expect(entry.options).toMatchObject({ aspectRatio: '16:9', resolution: '1K', quality: 'low' });
    expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Date.parse(entry.createdAt)).not.toBeNaN();
  });

  it('refuses invalid input with exit 2, a JSON error naming the field, and writes nothing', async () => {
    const dir = await tempDir();
    const run = await runGptImage(['generate', '--prompt', 'fox', '--size', '1000x1000', '--json', '--out', join(dir, 'sub')], dir);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        kind: 'invalid_input',
        message: 'size 1000x1000: both sides must be divisible by 16; nearest valid size is 1008x1008',
        hint: expect.any(String),
        issues: [{ path: 'size', message: 'size 1000x1000: both sides must be divisible by 16; nearest valid size is 1008x1008' }],
        detail: {},
      },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses unknown flags and commands with exit 2 and a readable message', async () => {
    const dir = await tempDir();
    const flag = await runGptImage(['generate', '--prompt', 'fox', '--qualty', 'high'], dir);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/error: generate: Unknown option '--qualty'/);
    const command = await runGptImage(['paint'], dir);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/command must be one of generate, edit, price, sizes, resume, fake-server \(got "paint"\)/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('never overwrites: the same --out file twice gives a -2 suffix; --force replaces', async () => {
    const dir = await tempDir();
    const target = join(dir, 'hero.png');
    await writeFile(target, 'not an image, but mine');
    const first = await runGptImage(['generate', '--prompt', 'fox', '--out', target, '--json'], dir);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).path).toBe(join(dir, 'hero-2.png'));
    expect(await readFile(target, 'utf8')).toBe('not an image, but mine');
    const forced = await runGptImage(['generate', '--prompt', 'fox', '--out', target, '--force', '--json'], dir);
    expect(JSON.parse(forced.stdout).path).toBe(target);
    expect(sniffImage(new Uint8Array(await readFile(target)))?.mediaType).toBe('image/png');
    const manifest = JSON.parse(await readFile(join(dir, 'gpt-image-manifest.json'), 'utf8'));
    expect(manifest.entries.map((e: { file: string }) => e.file).sort()).toEqual(['hero-2.png', 'hero.png']);
  });

  it('takes the format from --out and refuses a contradicting --format', async () => {
    const dir = await tempDir();
    const jpeg = await runGptImage(['generate', '--prompt', 'mug', '--out', 'shots/mug.jpg', '--json'], dir);
    expect(JSON.parse(jpeg.stdout)).toMatchObject({ format: 'jpeg', path: join(dir, 'shots', 'mug.jpg') });
    expect(sniffImage(new Uint8Array(await readFile(join(dir, 'shots', 'mug.jpg'))))?.mediaType).toBe('image/jpeg');
    const clash = await runGptImage(['generate', '--prompt', 'mug', '--out', 'x.jpg', '--format', 'png'], dir);
    expect(clash.status).toBe(2);
  });

  it('edits with reference images, recording their hashes in order', async () => {
    const dir = await tempDir();
    const a = makePng(64, 64);
    const b = makePng(32, 48);
    await writeFile(join(dir, 'a.png'), a);
    await writeFile(join(dir, 'b.png'), b);
    const run = await runGptImage(['edit', '--prompt', 'make it blue', '--image', 'a.png', '--image', 'b.png', '--size', '1024x1024', '--out', 'out', '--json'], dir);
    expect(run.status).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'gpt-image-manifest.json'), 'utf8'));
    const sha = (x: Uint8Array) => createHash('sha256').update(x).digest('hex');
    expect(manifest.entries[0].references).toEqual([
      { sha256: sha(a), mediaType: 'image/png', width: 64, height: 64, name: 'a.png' },
      { sha256: sha(b), mediaType: 'image/png', width: 32, height: 48, name: 'b.png' },
    ]);
    const missing = await runGptImage(['edit', '--prompt', 'x', '--image', 'nope.png', '--json'], dir);
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).error.issues[0]).toEqual({ path: 'images', message: '--image nope.png: cannot read the file (ENOENT)' });
  });

  it('prints the preset table as 30 JSON rows', async () => {
    const run = await runGptImage(['sizes', '--json'], await tempDir());
    const rows = JSON.parse(run.stdout);
    expect(rows).toHaveLength(30);
    expect(rows).toContainEqual({ resolution: '2K', aspectRatio: '16:9', width: 2048, height: 1152 });
  });

  it('prices without generating, and refuses an unconfirmed expensive run when it cannot ask', async () => {
    const dir = await tempDir();
    const price = await runGptImage(['price', '--provider', 'kie', '--resolution', '2K', '--aspect', '16:9', '--json'], dir);
    expect(JSON.parse(price.stdout)).toMatchObject({ provider: 'kie', size: '2048x1152', display: '10 credits', needsConfirmation: false });
    const openai = await runGptImage(['price', '--provider', 'openai', '--quality', 'medium', '--size', '1024x1024'], dir);
    expect(openai.stdout).toMatch(/^\$0\.053 est\. — generate 1024x1024 on OpenAI/);
    const costly = await runGptImage(['generate', '--prompt', 'x', '--provider', 'openai', '--quality', 'high', '--resolution', '4K', '--aspect', '3:2', '--json'], dir);
    expect(costly.status).toBe(2);
    expect(JSON.parse(costly.stdout).error.message).toMatch(/above the confirmation threshold.*--yes/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('two concurrent runs into one folder lose no manifest entry', async () => {
    const dir = await tempDir();
    const runs = await Promise.all(
      ['first', 'second', 'third'].map((word) => runGptImage(['generate', '--prompt', `concurrent ${word}`, '--json'], dir)),
    );
    for (const run of runs) expect(run.status).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'gpt-image-manifest.json'), 'utf8'));
    expect(manifest.entries).toHaveLength(3);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    expect(files.sort()).toEqual(manifest.entries.map((e: { file: string }) => e.file).sort());
    for (const f of files) expect((await stat(join(dir, f))).size).toBeGreaterThan(0);
  });
});
