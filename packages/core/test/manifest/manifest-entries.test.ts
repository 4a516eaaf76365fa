import { describe, expect, it } from 'vitest';
import {
  ManifestParseError,
  addEntry,
  emptyManifest,
  parseManifest,
  parseManifestEntry,
  serializeManifest,
} from '../../src/manifest/manifest-entries';
import { sampleEntry } from './sample-entry';

describe('emptyManifest', () => {
  it('is version 1 with no entries, a fresh object each time', () => {
    const a = emptyManifest();
    expect(a).toEqual({ version: 1, entries: [] });
    expect(emptyManifest()).not.toBe(a);
  });
});

describe('addEntry', () => {
  it('appends an entry for a new file and leaves the input alone', () => {
    const one = addEntry(emptyManifest(), sampleEntry({ file: 'a.png' }));
    const two = addEntry(one, sampleEntry({ file: 'b.png' }));
    expect(two.entries.map((e) => e.file)).toEqual(['a.png', 'b.png']);
    expect(one.entries.map((e) => e.file)).toEqual(['a.png']);
    expect(two).not.toBe(one);
  });

  it('replaces an entry with the same file in place', () => {
    let manifest = emptyManifest();
    for (const file of ['a.png', 'b.png', 'c.png']) manifest = addEntry(manifest, sampleEntry({ file }));
    const replaced = addEntry(manifest, sampleEntry({ file: 'b.png', prompt: 'second take' }));
    expect(replaced.entries.map((e) => [e.file, e.prompt])).toEqual([
      ['a.png', 'A red fox 🦊 in the snow'],
      ['b.png', 'second take'],
      ['c.png', 'A red fox 🦊 in the snow'],
    ]);
    expect(manifest.entries[1]?.prompt).toBe('A red fox 🦊 in the snow');
  });
});

describe('parseManifest', () => {
  it('round-trips through serializeManifest', () => {
    const manifest = addEntry(emptyManifest(), sampleEntry());
    const text = serializeManifest(manifest);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseManifest(text)).toEqual(manifest);
  });

  it('names invalid JSON', () => {
    expect(() => parseManifest('{"version": 1, "entries": [')).toThrow(/gpt-image-manifest\.json is not valid JSON/);
    try {
      parseManifest('nope', '/tmp/x/m.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ManifestParseError);
      expect(error).toMatchObject({ problem: 'invalid-json' });
      expect(String(error)).toContain('/tmp/x/m.json');
    }
    expect.assertions(4);
  });

  it('names the wrong field by its path', () => {
    const text = JSON.stringify({ version: 1, entries: [sampleEntry(), sampleEntry({ sha256: 'nothex' })] });
    expect(() => parseManifest(text)).toThrow(/entries\[1\]\.sha256: expected a SHA-256/);
    expect(() => parseManifest(text)).toThrow(expect.objectContaining({ problem: 'invalid-content' }));
  });

  it('names missing fields and a wrong root', () => {
    const { width: _width, ...noWidth } = sampleEntry();
    expect(() => parseManifest(JSON.stringify({ version: 1, entries: [noWidth] }))).toThrow(/entries\[0\]\.width/);
    expect(() => parseManifest('[]')).toThrow(/\(root\)/);
    expect(() => parseManifest('{"version":1}')).toThrow(/\n  entries: /);
  });

  it('reports a newer format version distinctly', () => {
    expect(() => parseManifest('{"version":2,"entries":[],"extra":true}')).toThrow(
      expect.objectContaining({ problem: 'unsupported-version', message: expect.stringMatching(/version 2/) }),
    );
  });

  it('keeps fields it does not know, so a rewrite does not lose them', () => {
    const text = JSON.stringify({ version: 1, writer: 'future', entries: [{ ...sampleEntry(), seed: 42 }] });
    const manifest = parseManifest(text);
    const rewritten = JSON.parse(serializeManifest(addEntry(manifest, sampleEntry({ file: 'new.png' }))));
    expect(rewritten.writer).toBe('future');
    expect(rewritten.entries[0].seed).toBe(42);
  });
});

describe('parseManifestEntry', () => {
  it('returns a valid entry and drops unknown fields', () => {
    expect(parseManifestEntry({ ...sampleEntry(), stray: 1 })).toEqual(sampleEntry());
  });

  it('names each wrong field', () => {
    expect(() => parseManifestEntry({ ...sampleEntry(), width: -1, sha256: '' })).toThrow(/sha256: .*\n  width: |width: .*\n  sha256: /s);
  });
});
