import { spawn } from 'node:child_process';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestParseError, serializeManifest } from '../../src/manifest/manifest-entries';
import { readManifest, recordInManifest } from '../../src/node/index';
import { sampleEntry } from '../manifest/sample-entry';
import { tempDir } from './temp-dir';

const MANIFEST = 'gpt-image-manifest.json';
const LOCK = 'gpt-image-manifest.json.lock';

/** The pid of a process that has already exited. */
function deadPid(): Promise<number> {
  return new Promise((resolvePid, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => (child.pid === undefined ? reject(new Error('no pid')) : resolvePid(child.pid)));
  });
}

function lockText(pid: number, time: Date, host = hostname()): string {
  return JSON.stringify({ pid, host, time: time.toISOString(), token: 'someone-else' });
}

describe('recordInManifest', () => {
  it('starts a manifest in a new folder and returns its path', async () => {
    const dir = join(await tempDir(), 'out');
    const result = await recordInManifest(dir, sampleEntry());
    expect(result).toEqual({ path: join(dir, MANIFEST) });
    expect(await readManifest(dir)).toEqual({ version: 1, entries: [sampleEntry()] });
    expect(await readdir(dir)).toEqual([MANIFEST]);
  });

  it('appends new files and replaces the entry of the same file', async () => {
    const dir = await tempDir();
    await recordInManifest(dir, sampleEntry({ file: 'a.png' }));
    await recordInManifest(dir, sampleEntry({ file: 'b.png' }));
    await recordInManifest(dir, sampleEntry({ file: 'a.png', prompt: 'redo' }));
    const manifest = await readManifest(dir);
    expect(manifest.entries.map((e) => [e.file, e.prompt])).toEqual([
      ['a.png', 'redo'],
      ['b.png', 'A red fox 🦊 in the snow'],
    ]);
  });

  it('refuses an invalid entry before touching anything', async () => {
    const dir = await tempDir();
    await expect(recordInManifest(dir, sampleEntry({ sha256: 'short' }))).rejects.toThrow(/sha256: expected a SHA-256/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('moves a corrupt manifest aside instead of overwriting it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, MANIFEST), '{"version": 1, "entries": [ truncated');
    const result = await recordInManifest(dir, sampleEntry());
    expect(result.path).toBe(join(dir, MANIFEST));
    expect(result.recoveredFrom).toMatch(/[\\/]gpt-image-manifest\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/);
    expect(result.recoveryProblem).toMatch(/not valid JSON/);
    expect(await readFile(result.recoveredFrom ?? '', 'utf8')).toBe('{"version": 1, "entries": [ truncated');
    expect((await readManifest(dir)).entries).toHaveLength(1);
    expect((await readdir(dir)).sort()).toEqual([MANIFEST, result.recoveredFrom?.split(/[\\/]/).pop()].sort());
  });

  it('moves aside a manifest that is JSON but not a valid manifest', async () => {
    const dir = await tempDir();
    const bad = JSON.stringify({ version: 1, entries: [{ ...sampleEntry(), width: 'wide' }] });
    await writeFile(join(dir, MANIFEST), bad);
    const result = await recordInManifest(dir, sampleEntry({ file: 'new.png' }));
    expect(result.recoveryProblem).toMatch(/entries\[0\]\.width/);
    expect(await readFile(result.recoveredFrom ?? '', 'utf8')).toBe(bad);
  });

  it('leaves a manifest from a newer version alone and fails', async () => {
    const dir = await tempDir();
    const newer = '{"version": 2, "entries": [], "shards": ["a"]}';
    await writeFile(join(dir, MANIFEST), newer);
    await expect(recordInManifest(dir, sampleEntry())).rejects.toThrow(/version 2/);
    expect(await readFile(join(dir, MANIFEST), 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual([MANIFEST]);
  });

  it('breaks a lock whose process is dead', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK), lockText(await deadPid(), new Date()));
    await recordInManifest(dir, sampleEntry(), { lockTimeoutMs: 2_000 });
    expect(await readdir(dir)).toEqual([MANIFEST]);
  });

  it('breaks a lock older than the stale limit even if its process lives', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK), lockText(process.pid, new Date(Date.now() - 60_000)));
    await recordInManifest(dir, sampleEntry(), { lockTimeoutMs: 2_000 });
    expect(await readdir(dir)).toEqual([MANIFEST]);
  });

  it('judges an unreadable lock by its file age', async () => {
    const dir = await tempDir();
    const lock = join(dir, LOCK);
    await writeFile(lock, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await recordInManifest(dir, sampleEntry(), { lockTimeoutMs: 2_000 });
    expect(await readdir(dir)).toEqual([MANIFEST]);
  });

  it('waits for a live lock, then times out naming the holder, leaving it in place', async () => {
    const dir = await tempDir();
    const text = lockText(process.pid, new Date());
    await writeFile(join(dir, LOCK), text);
    const started = Date.now();
    await expect(recordInManifest(dir, sampleEntry(), { lockTimeoutMs: 300 })).rejects.toThrow(
      new RegExp(`Timed out after 300 ms .*held by pid ${process.pid}`),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await readFile(join(dir, LOCK), 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual([LOCK]);
  });

  it('does not judge a fresh lock from another host by its pid', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK), lockText(await deadPid(), new Date(), `not-${hostname()}`));
    await expect(recordInManifest(dir, sampleEntry(), { lockTimeoutMs: 200 })).rejects.toThrow(/Timed out/);
  });

  it('gets the lock once a live holder releases it', async () => {
    const dir = await tempDir();
    const lock = join(dir, LOCK);
    await writeFile(lock, lockText(process.pid, new Date()));
    setTimeout(() => void rm(lock), 150);
    await recordInManifest(dir, sampleEntry(), { lockTimeoutMs: 5_000 });
    expect(await readdir(dir)).toEqual([MANIFEST]);
  });
});

describe('readManifest', () => {
  it('returns an empty manifest when there is none', async () => {
    expect(await readManifest(await tempDir())).toEqual({ version: 1, entries: [] });
  });

  it('reads an existing manifest', async () => {
    const dir = await tempDir();
    const manifest = { version: 1 as const, entries: [sampleEntry()] };
    await writeFile(join(dir, MANIFEST), serializeManifest(manifest));
    expect(await readManifest(dir)).toEqual(manifest);
  });

  it('throws a ManifestParseError naming the file for a corrupt manifest', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, MANIFEST), '][');
    const error = await readManifest(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestParseError);
    expect(String(error)).toContain(join(dir, MANIFEST));
  });
});
