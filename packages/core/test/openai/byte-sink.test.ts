import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ByteSink } from '../../src/providers/openai/byte-sink';

/** Writes `bytes` through the sink in pieces of the given sizes (cycled), the way the decoder does. */
function fill(sink: ByteSink, bytes: Uint8Array, pieces: readonly number[]): void {
  let at = 0;
  for (let p = 0; at < bytes.length; p++) {
    const count = Math.min(bytes.length - at, Math.max(1, pieces[p % pieces.length] ?? 1));
    const { block, at: where } = sink.reserve(count);
    block.set(bytes.subarray(at, at + count), where);
    sink.commit(count);
    at += count;
  }
}

/** `toEqual` walks typed arrays element by element through its generic machinery: far too slow for megabytes. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  expect(Buffer.compare(actual, expected)).toBe(0);
}

function pattern(length: number): Uint8Array {
  return new Uint8Array(length).map((_, i) => (i * 131 + (i >>> 8)) & 0xff);
}

/** A fixed-length array whose buffer holds exactly its bytes: what `Blob` and web messaging expect. */
function expectPlainArray(bytes: Uint8Array, length: number): void {
  expect(bytes.length).toBe(length);
  expect((bytes.buffer as ArrayBuffer & { resizable?: boolean }).resizable ?? false).toBe(false);
  expect(bytes.buffer.byteLength - bytes.byteLength).toBeLessThanOrEqual(64 * 1024);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ByteSink', () => {
  it('returns exactly the bytes written, in any pieces, with or without a size hint', () => {
    fc.assert(
      fc.property(fc.nat(300_000), fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (length, pieces, hinted) => {
        const bytes = pattern(length);
        const sink = new ByteSink(hinted ? length + 100 : 0);
        fill(sink, bytes, pieces);
        expect(sink.length).toBe(length);
        const out = sink.finish();
        expectSameBytes(out, bytes);
        expectPlainArray(out, length);
      }),
      { numRuns: 40 },
    );
  });

  it('hands back the sized buffer itself when the hint was right, without a copy', () => {
    const sink = new ByteSink(1000);
    const first = sink.reserve(10).block;
    fill(sink, pattern(990), [100]);
    const out = sink.finish();
    expect(out.buffer).toBe(first.buffer);
    expectSameBytes(out, pattern(990));
  });

  it('copies out of a sized buffer much larger than what arrived, so the slack is not pinned', () => {
    const sink = new ByteSink(1_000_000);
    fill(sink, pattern(5000), [777]);
    const out = sink.finish();
    expectSameBytes(out, pattern(5000));
    expect(out.buffer.byteLength).toBe(5000);
  });

  it('carries on past a size hint that was too small', () => {
    const sink = new ByteSink(1000);
    fill(sink, pattern(250_000), [333, 65_536]);
    expectSameBytes(sink.finish(), pattern(250_000));
  });

  it('grows without a hint into an array of the exact length', () => {
    const sink = new ByteSink();
    fill(sink, pattern(3_000_000), [48_003]);
    const out = sink.finish();
    expectSameBytes(out, pattern(3_000_000));
    expect(out.buffer.byteLength).toBe(3_000_000);
  });

  it('hands the growable buffer back step by step while it copies, so the image is never held twice', () => {
    const Resizable = ArrayBuffer as unknown as new (length: number, options?: { maxByteLength: number }) => ArrayBuffer & { resize(length: number): void };
    const growables: { buffer: ArrayBuffer; lengths: number[] }[] = [];
    class Recorded extends Resizable {
      constructor(length: number, options?: { maxByteLength: number }) {
        super(length, options);
        if (options) growables.push({ buffer: this, lengths: [] });
      }
      override resize(length: number): void {
        super.resize(length);
        growables.find((g) => g.buffer === this)?.lengths.push(length);
      }
    }
    vi.stubGlobal('ArrayBuffer', Recorded);
    const sink = new ByteSink();
    fill(sink, pattern(5_000_000), [48_003]);
    vi.unstubAllGlobals();
    expect(growables).toHaveLength(1);
    const grown = growables[0]!.lengths.length;
    expect(sink.finish().length).toBe(5_000_000);
    // Shrunk at most a megabyte at a time, down to nothing.
    const shrinks = growables[0]!.lengths.slice(grown);
    expect(shrinks.at(-1)).toBe(0);
    expect(shrinks.length).toBeGreaterThanOrEqual(5);
    expect(growables[0]!.buffer.byteLength).toBe(0);
  });

  it('chains several growable buffers when one reservation is not enough', () => {
    // Reservations of 100 KB instead of 64 MB, so the chaining shows with small images.
    const Resizable = ArrayBuffer as unknown as new (length: number, options?: { maxByteLength: number }) => ArrayBuffer;
    class SmallReservations extends Resizable {
      constructor(length: number, options?: { maxByteLength: number }) {
        super(length, options && { maxByteLength: Math.min(options.maxByteLength, 100_000) });
      }
    }
    vi.stubGlobal('ArrayBuffer', SmallReservations);
    const sink = new ByteSink();
    fill(sink, pattern(1_234_567), [49_000, 7, 65_536]);
    vi.unstubAllGlobals();
    const out = sink.finish();
    expectSameBytes(out, pattern(1_234_567));
    expectPlainArray(out, 1_234_567);
  });

  it('falls back to fixed blocks where resizable buffers are missing', () => {
    // An engine without them ignores the `maxByteLength` option.
    const RealArrayBuffer = ArrayBuffer;
    class FixedOnly extends RealArrayBuffer {
      constructor(length: number) {
        super(length);
      }
    }
    vi.stubGlobal('ArrayBuffer', FixedOnly);
    const sink = new ByteSink();
    fill(sink, pattern(2_500_000), [48_003, 1]);
    vi.unstubAllGlobals();
    const out = sink.finish();
    expectSameBytes(out, pattern(2_500_000));
    expectPlainArray(out, 2_500_000);
  });

  it('finishes empty', () => {
    expect(new ByteSink().finish()).toEqual(new Uint8Array(0));
    expect(new ByteSink(10).finish()).toEqual(new Uint8Array(0));
  });
});
