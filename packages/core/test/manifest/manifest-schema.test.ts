import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE_NAME, manifestEntrySchema, manifestSchema } from '../../src/manifest/manifest-schema';
import { sampleEntry } from './sample-entry';

describe('manifest schema', () => {
  it('names the file gpt-image-manifest.json', () => {
    expect(MANIFEST_FILE_NAME).toBe('gpt-image-manifest.json');
  });

  it('accepts a full entry', () => {
    const entry = sampleEntry();
    expect(manifestEntrySchema.parse(entry)).toEqual(entry);
    expect(manifestSchema.parse({ version: 1, entries: [entry] })).toEqual({ version: 1, entries: [entry] });
  });

  it('accepts a task id, no actual cost, a reference without name and a date with offset', () => {
    const entry = sampleEntry({
      taskId: 'task_abc',
      cost: { estimated: { amount: 4, unit: 'credits', estimate: true }, actual: null },
      references: [{ sha256: 'c'.repeat(64), mediaType: 'image/png', width: 1, height: 1 }],
      createdAt: '2025-06-01T14:34:56+02:00',
    });
    expect(manifestEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('rejects a bad sha256 and names the path', () => {
    const result = manifestSchema.safeParse({ version: 1, entries: [sampleEntry(), sampleEntry({ sha256: 'ABC' })] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['entries', 1, 'sha256']]);
  });

  it('rejects upper-case hex and a reference with a bad sha256', () => {
    expect(manifestEntrySchema.safeParse(sampleEntry({ sha256: 'A'.repeat(64) })).success).toBe(false);
    const badRef = sampleEntry({ references: [{ sha256: 'x', mediaType: 'image/png', width: 1, height: 1 }] });
    const result = manifestEntrySchema.safeParse(badRef);
    expect(result.error?.issues[0]?.path).toEqual(['references', 0, 'sha256']);
  });

  it.each([
    ['width', { width: 0 }],
    ['height', { height: 1.5 }],
    ['format', { format: 'gif' }],
    ['createdAt', { createdAt: 'yesterday' }],
    ['file', { file: '' }],
    ['file', { file: '../outside.png' }],
    ['file', { file: '/etc/passwd' }],
    ['file', { file: 'C:\\images\\a.png' }],
  ])('rejects a bad %s', (field, override) => {
    const result = manifestEntrySchema.safeParse({ ...sampleEntry(), ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('accepts a file in a subfolder', () => {
    expect(manifestEntrySchema.safeParse(sampleEntry({ file: 'batch/a.png' })).success).toBe(true);
  });

  it('keeps options loose: any values are accepted', () => {
    const options = { future: { nested: [1, 2] }, flag: true, none: null };
    expect(manifestEntrySchema.parse(sampleEntry({ options })).options).toEqual(options);
  });

  it('rejects another version', () => {
    expect(manifestSchema.safeParse({ version: 2, entries: [] }).success).toBe(false);
  });
});
